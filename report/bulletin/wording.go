package bulletin

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// Wording is the fixed text of the reports that the office edits before it
// issues them: the salutation, the opening of the progress bulletin and of
// the annual report, and the paragraphs of 下步工作要求. Placeholders in
// braces ({期次} …) are replaced by the report's figures.
type Wording struct {
	Salutation     string
	Opening        string   // progress bulletin: {文件} {发文机关} {期次}
	AnnualOpening  string   // annual report: {年度} {发文机关} {文件} {调度次数} {各期}
	Requirements   []string // one paragraph each; its first sentence is its heading
	RequirementsOf string   // the heading of that part
}

// DefaultWording is the text the reports use when the office has written
// none; WordingFile writes it out for the office to edit.
var DefaultWording = Wording{
	Salutation:     "各责任单位：",
	Opening:        "为推动{文件}确定的各项任务落到实处，{发文机关}对{期次}各责任单位任务推进情况进行了汇总分析。现将有关情况通报如下。",
	AnnualOpening:  "{年度}，{发文机关}对{文件}确定的各项任务开展了{调度次数}次调度（{各期}），并按照考核评分规则对各责任单位进行了年度考核。现将有关情况通报如下。",
	RequirementsOf: "下步工作要求",
	Requirements: []string{
		"加快推进滞后任务。亮红灯、黄灯任务的牵头单位要认真分析原因，制定整改措施，明确完成时限，确保尽快赶上序时进度；配合单位要主动对接，形成工作合力。",
		"严格落实报送要求。各责任单位要指定专人负责，按时、如实填报任务进展，不得修改填报表锁定内容；未报送、迟报的单位要说明情况。",
		"强化督查问效。对连续亮红灯或多次未按时报送的单位，将按规定进行约谈通报，并纳入年度考核。",
	},
}

// WordingFileName is where a workspace keeps its wording.
const WordingFileName = "模板/通报文字.txt"

// The sections of a wording file, in the order it is written.
var wordingSections = []struct {
	name string
	get  func(*Wording) *string
}{
	{"称谓", func(w *Wording) *string { return &w.Salutation }},
	{"进展通报开头", func(w *Wording) *string { return &w.Opening }},
	{"年度通报开头", func(w *Wording) *string { return &w.AnnualOpening }},
	{"下步工作要求标题", func(w *Wording) *string { return &w.RequirementsOf }},
}

const requirementsSection = "下步工作要求"

// WordingFile is the text of a wording file holding w, with a note on how
// to edit it.
func WordingFile(w Wording) string {
	var b strings.Builder
	b.WriteString("# 通报的固定文字：修改后保存，taizhang report 生成通报时使用。以 # 开头的行是说明，不会写入通报。\n")
	b.WriteString("# 方括号中是各部分的名称，请勿改动；{期次} {文件} {发文机关} {年度} {调度次数} {各期} 会替换为实际内容。\n")
	b.WriteString("# “下步工作要求”每行一段，第一句为该段的小标题（如“加快推进滞后任务。”）。\n")
	for _, s := range wordingSections {
		fmt.Fprintf(&b, "\n[%s]\n%s\n", s.name, *s.get(&w))
	}
	fmt.Fprintf(&b, "\n[%s]\n%s\n", requirementsSection, strings.Join(w.Requirements, "\n"))
	return b.String()
}

// ParseWording reads a wording file (file names it in messages). A part
// the file leaves out keeps the default text; an unknown part, text before
// the first part, an unknown placeholder or an empty 下步工作要求 is an input
// error naming the line.
func ParseWording(file, text string) (Wording, error) {
	w := DefaultWording
	w.Requirements = nil
	sawReq := false
	var cur *string
	inReq := false
	sc := bufio.NewScanner(strings.NewReader(strings.TrimPrefix(text, "\ufeff")))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		place := fmt.Sprintf("第 %d 行", n)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name := strings.TrimSpace(line[1 : len(line)-1])
			cur, inReq = nil, false
			if name == requirementsSection {
				inReq, sawReq = true, true
				continue
			}
			for _, s := range wordingSections {
				if s.name == name {
					cur = s.get(&w)
					*cur = ""
				}
			}
			if cur == nil {
				return w, inputerr.New(file, place, fmt.Sprintf("没有“%s”这一部分：可用的部分为 称谓、进展通报开头、年度通报开头、下步工作要求标题、下步工作要求", name))
			}
			continue
		}
		if bad := unknownPlaceholder(line); bad != "" {
			return w, inputerr.New(file, place, fmt.Sprintf("“%s”不是可用的占位符：可用的有 {期次} {文件} {发文机关} {年度} {调度次数} {各期}", bad))
		}
		switch {
		case inReq:
			w.Requirements = append(w.Requirements, line)
		case cur != nil:
			*cur += line
		default:
			return w, inputerr.New(file, place, "这段文字不在任何部分之下：请放在 [称谓]、[进展通报开头] 等部分名称之后")
		}
	}
	if err := sc.Err(); err != nil {
		return w, inputerr.New(file, "", "文件中有过长的一行，无法读取")
	}
	if !sawReq {
		w.Requirements = DefaultWording.Requirements
	} else if len(w.Requirements) == 0 {
		return w, inputerr.New(file, "", "[下步工作要求] 下面没有文字：请至少写一段，或删去这一部分以使用默认文字")
	}
	for _, s := range wordingSections {
		if p := s.get(&w); strings.TrimSpace(*p) == "" {
			*p = *s.get(&DefaultWording)
		}
	}
	return w, nil
}

var placeholders = []string{"期次", "文件", "发文机关", "年度", "调度次数", "各期"}

// unknownPlaceholder returns the first {…} in line that names no
// placeholder, or "".
func unknownPlaceholder(line string) string {
	for rest := line; ; {
		i := strings.Index(rest, "{")
		if i < 0 {
			return ""
		}
		j := strings.Index(rest[i:], "}")
		if j < 0 {
			return rest[i:]
		}
		name := rest[i+1 : i+j]
		known := false
		for _, p := range placeholders {
			known = known || p == name
		}
		if !known {
			return rest[i : i+j+1]
		}
		rest = rest[i+j+1:]
	}
}

// fill replaces the placeholders of text.
func fill(text string, values map[string]string) string {
	for k, v := range values {
		text = strings.ReplaceAll(text, "{"+k+"}", v)
	}
	return text
}

// heading splits a requirement paragraph into its first sentence (its
// heading) and the rest.
func heading(p string) (string, string) {
	if i := strings.Index(p, "。"); i >= 0 {
		return p[:i+len("。")], p[i+len("。"):]
	}
	return p, ""
}
