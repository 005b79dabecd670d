package samplefix

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// Synthetic builds a task list for benchmarks: units × tasksPerUnit tasks
// spread over up to five documents (about 40 tasks or more each). Every
// unit leads exactly tasksPerUnit tasks and co-operates on others (each
// task has 0–2 co-units), so a unit's workbook has about twice
// tasksPerUnit rows. About a quarter of the items are targets with a
// numeric 量化指标; deadlines mix dates and 持续推进. Each document starts
// with a 指导思想 item nobody reports on. The same arguments give the same
// set. It returns an empty set when either argument is below 1.
func Synthetic(units, tasksPerUnit int) *task.Set {
	set := &task.Set{Documents: []*task.Document{}}
	if units < 1 || tasksPerUnit < 1 {
		return set
	}
	r := rand.New(rand.NewPCG(uint64(units), uint64(tasksPerUnit)))
	names := unitNames(units)
	total := units * tasksPerUnit
	leads := make([]int, 0, total)
	for u := range units {
		for range tasksPerUnit {
			leads = append(leads, u)
		}
	}
	r.Shuffle(total, func(i, j int) { leads[i], leads[j] = leads[j], leads[i] })
	nDocs := min(5, max(1, total/40))
	for d := range nDocs {
		from, to := d*total/nDocs, (d+1)*total/nDocs
		doc := &task.Document{
			ID:        fmt.Sprintf("S%02d", d+1),
			Source:    fmt.Sprintf("synthetic-%02d.txt", d+1),
			Title:     "关于印发《" + docTitles[d%len(docTitles)] + "》的通知",
			DocNumber: fmt.Sprintf("泰政办发〔2024〕%d号", 10+7*d),
			Issuer:    "泰州市人民政府办公室",
			Date:      fmt.Sprintf("2024-%02d-%02d", 2+d, 10+d),
			Tasks: []*task.Task{{
				ID: fmt.Sprintf("S%02d-000", d+1), Path: []string{"一"}, Kind: task.KindOther,
				Title: "指导思想", Text: "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
			}},
		}
		for k := range to - from {
			doc.Tasks = append(doc.Tasks, synthTask(r, d, k, names, leads[from+k]))
		}
		set.Documents = append(set.Documents, doc)
	}
	return set
}

func synthTask(r *rand.Rand, doc, k int, names []string, lead int) *task.Task {
	title := pick(r, verbs) + pick(r, objects)
	t := &task.Task{
		ID:    fmt.Sprintf("S%02d-%03d", doc+1, k+1),
		Path:  []string{numeral(2 + k/20), "(" + numeral(1+k%20/5) + ")", strconv.Itoa(1 + k%5)},
		Kind:  task.KindTask,
		Title: title,
		Text:  title + "。" + pick(r, details),
		Lead:  []string{names[lead]},
	}
	for range r.IntN(3) {
		if len(names) == 1 {
			break
		}
		co := names[r.IntN(len(names))]
		if co != names[lead] && !slices.Contains(t.Co, co) {
			t.Co = append(t.Co, co)
		}
	}
	dl := pick(r, deadlines)
	t.Deadline = &task.Deadline{Text: dl[0], Date: dl[1]}
	if r.IntN(4) == 0 {
		ind := pick(r, indicators)
		v := ind.lo + r.IntN(ind.hi-ind.lo+1)
		if ind.unit != "%" {
			v = v / 10 * 10
		}
		text := fmt.Sprintf("%s%s%d%s", ind.name, ind.op, v, ind.unit)
		t.Kind = task.KindTarget
		t.Text = "到2024年底，" + text + "。"
		t.Targets = []task.Target{{Text: text, Indicator: ind.name, Op: ">=", Value: float64(v), Unit: ind.unit, Year: 2024}}
	}
	t.UnitsRaw = t.Lead[0]
	for _, c := range t.Co {
		t.UnitsRaw += "、" + c
	}
	return t
}

// pick is a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// numeral writes 1–99 in Chinese: 一, 十二, 二十; larger numbers (huge
// synthetic sets) in digits.
func numeral(n int) string {
	const d = "〇一二三四五六七八九"
	digit := func(i int) string { return string([]rune(d)[i]) }
	switch {
	case n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digit(n)
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digit(n%10)
	case n%10 == 0:
		return digit(n/10) + "十"
	}
	return digit(n/10) + "十" + digit(n%10)
}

// unitNames are n distinct unit names: real-looking ones first.
func unitNames(n int) []string {
	out := make([]string, n)
	for i := range out {
		if i < len(unitPool) {
			out[i] = unitPool[i]
		} else {
			out[i] = fmt.Sprintf("市直单位%03d", i+1)
		}
	}
	return out
}

var unitPool = []string{
	"市发改委", "市科技局", "市工信局", "市教育局", "市公安局", "市民政局", "市司法局", "市财政局", "市人社局",
	"市自然资源和规划局", "市生态环境局", "市住建局", "市城管局", "市交通运输局", "市水利局", "市农业农村局",
	"市商务局", "市文广旅局", "市卫健委", "市退役军人局", "市应急管理局", "市审计局", "市国资委", "市市场监管局",
	"市体育局", "市统计局", "市医保局", "市行政审批局", "市数据局", "市地方金融监管局", "市信访局", "市税务局",
	"海陵区人民政府", "高港区人民政府", "姜堰区人民政府", "兴化市人民政府", "靖江市人民政府", "泰兴市人民政府",
	"医药高新区管委会", "市委宣传部", "市委组织部", "团市委", "市妇联", "市总工会", "市科协",
}

var (
	docTitles = []string{"泰州市创新驱动发展实施方案", "2024年全市优化营商环境工作要点", "泰州市制造业高质量发展三年行动计划",
		"泰州市城乡建设品质提升实施意见", "2024年全市民生实事项目工作方案"}
	verbs   = []string{"推进", "加快", "深化", "强化", "完善", "实施", "健全", "打造", "优化", "提升"}
	objects = []string{"高成长性企业集群培育", "产业链强链补链", "“一网通办”改革", "企业研发机构建设", "老旧小区改造",
		"农村人居环境整治", "中小学校建设", "医疗服务能力建设", "城市更新行动", "数字政府建设", "重大项目招引",
		"科技人才引育", "社会信用体系建设", "养老服务体系建设", "河湖长制工作", "安全生产专项整治", "市场主体培育",
		"外贸稳增长", "文旅融合发展", "高标准农田建设"}
	details = []string{"每年遴选一批重点企业给予扶持。", "建立工作专班，实行清单化管理。", "制定年度计划，明确时间节点和责任分工。",
		"加强督查考核，确保各项措施落地见效。", "加大财政投入，完善配套政策。"}
	deadlines = [][2]string{{"2024年底前", "2024-12-31"}, {"持续推进", ""}, {"2024年6月底前", "2024-06-30"},
		{"2025年底前", "2025-12-31"}, {"每年", ""}, {"2024年9月底前", "2024-09-30"}}
	indicators = []struct {
		name, op, unit string
		lo, hi         int
	}{
		{"高新技术企业数量", "超过", "家", 300, 1500},
		{"新增城镇就业", "达到", "人", 20000, 60000},
		{"研发经费投入占比", "达到", "%", 2, 4},
		{"改造老旧小区", "完成", "个", 20, 200},
		{"新建高标准农田", "达到", "亩", 50000, 200000},
		{"新增养老床位", "达到", "张", 500, 3000},
	}
)
