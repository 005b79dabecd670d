package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The eighth round's floors (all its variants together, kept apart from
// the earlier rounds): 92.7% of the checks with ../shared/corpus beside
// the project when the round was first measured (2026-12-06: a contact
// line below an owner line hid the owners, a 牵头单位 cell of several
// units beside an empty 责任单位 cell was read as one lead and co-units,
// a table stored as one paragraph refused a 进展情况 or 备注 header);
// 100% on the repository's own documents and with ../shared once those
// were read and a unit's bracketed note inside a labelled list (市财政局
// (国资委)；配合单位：…) stopped reading as a clause. Only ever raise these.
const (
	floorMeta8Repo = 0.999
	floorMeta8All  = 0.999
)

func init() { metaTransforms = append(metaTransforms, metaTransforms8...) }

// Layouts of the eighth round: names that are not owners, and the tables
// of other genres an office receives, none of them in rounds one to seven.
// A 督查通报 progress table whose 进展情况 cell is a sentence naming other
// agencies (with 会同, 牵头, 配合) and whose 备注 names a data source, as |
// rows, one cell a line and stored as one paragraph; a 整改清单 (问题, 整改
// 措施, 责任领导, 责任单位, 整改进展) whose problem cell makes an agency its
// subject; a 政府工作报告任务分解 table (牵头市领导, 牵头单位, 责任单位:
// there, as real pages say 各责任(配合)单位, the 责任单位 beside a 牵头单位
// are its co-units, as LABELLING.md reads 牵头单位：X；责任单位：Y);
// contact columns (联系人, 联系电话) after the unit columns, score and
// weight columns, yearly target-value columns; an agency named in an
// item's own text as the source of its data or the one its work serves,
// and in a table's task cell as its data source; a closing attachment
// listing each unit's contact, an 抄送 line and an 印发 line; the issuer's
// signature between the preamble and the tasks; a clause or owner line
// naming a leader and a contact person with a telephone number besides
// the units. Each keeps the answer by construction; where a rule cannot be
// sure, it leaves the text alone.
//
// Not covered: an agency named in an item's text with 会同 or 由…负责
// (会同市财政局研究制定: LABELLING.md reads 会同 as naming a co-unit, so
// the answer would change), a 整改清单 whose 责任单位 cell would list a
// task's several leads (one list cannot say which lead), a progress cell
// that holds a date (it would compete with the 完成时限 cell: the deadline
// is not sure to stay), a contact list set before the tasks (a reader
// takes its units for the tasks' scope), and a signature dated after every
// year the text names (a plan for 2012–2015 signed in 2024 would make its
// span past: the deadline is not sure to stay).
var metaTransforms8 = slices.Concat(
	[]metaTransform{
		{"table-progress-report", metaTableAs(metaProgressPipes, false)},
		{"table-progress-cell-lines", metaTableAs(metaProgressCellLines(false), true)},
		{"table-progress-cell-pipes", metaTableAs(metaProgressCellLines(true), true)},
		{"table-progress-one-line", metaTableAs(func(tb *metaTable) (string, bool) { return metaRenderOneLine(metaProgressTable(tb)) }, true)},
		{"table-task-data-note", metaTableAs(metaTaskDataNote, false)},
		{"table-rectify-list", metaTableAs(metaRenderRectify, false)},
		{"table-gov-report-leader", metaTableAs(metaRenderGovReport, false)},
		{"table-contact-columns", metaTableAs(metaRenderExtraColumns("配合单位", []string{"联系人", "联系电话"}, metaContactCells), false)},
		{"table-score-weight", metaTableAs(metaRenderExtraColumns("完成时限", []string{"考核分值", "权重"}, metaScoreCells), false)},
		{"table-target-years", metaTableAs(metaRenderExtraColumns("重点任务", []string{"目标值（2024年）", "目标值（2025年）"}, metaTargetCells), false)},
		{"doc-contacts-attachment", metaContactsAttachment},
	},
	metaTexts([]metaText{
		{"text-data-source", func(s string) string {
			return metaSentenceBeforeClause(s, "监测数据由市统计局统一发布。")
		}},
		{"text-purpose-agency", func(s string) string {
			return metaSentenceBeforeClause(s, "为市财政局安排预算提供依据。")
		}},
		{"doc-cc-printed", metaCCPrinted},
		{"doc-signature-before-list", metaSignatureBeforeList},
		{"clause-leader-contact", metaLeaderContactClause},
		{"owner-line-contact", metaOwnerLineContact},
		{"owner-line-leader-contact", metaOwnerLineLeaderContact},
	}),
)

// The cells of a progress report: sentences naming other agencies as the
// doers of what was done (with the verbs a clause uses), and a data source
// as the note. None names a time.
var metaProgressNotes = []string{"市财政局已拨付资金，会同市住建局完成验收", "市发展改革委牵头召开推进会，各成员单位配合完成督查"}

const metaProgressRemark = "市统计局提供数据"

// metaProgressTable is tb with 进展情况 and 备注 columns after its last.
func metaProgressTable(tb *metaTable) *metaTable {
	return metaWithColumns(tb, len(tb.header), []string{"进展情况", "备注"}, func(i int) []string {
		return []string{metaProgressNotes[i%2], metaProgressRemark}
	})
}

// metaWithColumns is tb with the columns names inserted at index at, the
// cells of row i given by cells(i).
func metaWithColumns(tb *metaTable, at int, names []string, cells func(i int) []string) *metaTable {
	out := &metaTable{header: slices.Insert(slices.Clone(tb.header), at, names...)}
	for i, r := range tb.rows {
		out.rows = append(out.rows, slices.Insert(slices.Clone(r), at, cells(i)...))
	}
	return out
}

// metaProgressPipes writes the progress table with |.
func metaProgressPipes(tb *metaTable) (string, bool) {
	var b strings.Builder
	pt := metaProgressTable(tb)
	metaPipeRows(&b, append([][]string{pt.header}, pt.rows...))
	return b.String(), true
}

// metaProgressCellLines writes the progress table one cell a line (see
// metaRenderCellLines).
func metaProgressCellLines(pipes bool) func(*metaTable) (string, bool) {
	return func(tb *metaTable) (string, bool) {
		return metaRenderCellLines(pipes)(metaProgressTable(tb))
	}
}

// metaColumn is the index of the column headed name, or -1.
func metaColumn(tb *metaTable, name string) int { return slices.Index(tb.header, name) }

// metaRenderRectify writes the tasks as a 整改清单: 序号 | 问题 | 整改措施 |
// 责任领导 | 责任单位 | 整改时限 | 整改进展. 责任单位 alone lists the lead
// first and the co-units after it (LABELLING.md): only where every task
// has one lead. The problem cell makes an agency its subject; the leader
// is a person.
func metaRenderRectify(tb *metaTable) (string, bool) {
	lead, co, due := metaColumn(tb, "牵头单位"), metaColumn(tb, "配合单位"), metaColumn(tb, "完成时限")
	rows := [][]string{{"序号", "问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改进展"}}
	for _, r := range tb.rows {
		if strings.Contains(r[lead], "、") {
			return "", false
		}
		units := r[lead]
		if r[co] != "" {
			units += "、" + r[co]
		}
		rows = append(rows, []string{r[0], "市场监管局日常监管不到位", r[1], "王某某", units, r[due], "已完成阶段性整改"})
	}
	var b strings.Builder
	metaPipeRows(&b, rows)
	return b.String(), true
}

// metaRenderGovReport writes the tasks as a 政府工作报告任务分解 table:
// 序号 | 工作任务 | 牵头市领导 | 牵头单位 | 责任单位 | 完成时限, the
// 责任单位 holding the co-units.
func metaRenderGovReport(tb *metaTable) (string, bool) {
	lead, co, due := metaColumn(tb, "牵头单位"), metaColumn(tb, "配合单位"), metaColumn(tb, "完成时限")
	rows := [][]string{{"序号", "工作任务", "牵头市领导", "牵头单位", "责任单位", "完成时限"}}
	for _, r := range tb.rows {
		rows = append(rows, []string{r[0], r[1], "李某某", r[lead], r[co], r[due]})
	}
	var b strings.Builder
	metaPipeRows(&b, rows)
	return b.String(), true
}

// metaRenderExtraColumns writes the table with | and the columns names
// inserted after the column headed after, their cells given by cells.
func metaRenderExtraColumns(after string, names []string, cells func(i int) []string) func(*metaTable) (string, bool) {
	return func(tb *metaTable) (string, bool) {
		at := metaColumn(tb, after)
		if at < 0 {
			return "", false
		}
		xt := metaWithColumns(tb, at+1, names, cells)
		var b strings.Builder
		metaPipeRows(&b, append([][]string{xt.header}, xt.rows...))
		return b.String(), true
	}
}

// metaContactCells is a made-up contact person and an 11-digit mobile
// number for row i.
func metaContactCells(i int) []string {
	return []string{[]string{"张某某", "李某某", "赵某某"}[i%3], fmt.Sprintf("138%08d", 10000000+i)}
}

// metaScoreCells is a score and a weight for row i.
func metaScoreCells(i int) []string {
	return []string{fmt.Sprint(5 + i%3), fmt.Sprintf("%d%%", 10+i%4)}
}

// metaTargetCells is a target value for 2024 and 2025 for row i.
func metaTargetCells(i int) []string {
	return []string{fmt.Sprintf("%d%%", 80+i%10), fmt.Sprintf("%d%%", 85+i%10)}
}

// metaTextEndsComplete reports whether the text ends a sentence, a clause
// or a | table's row (see metaDocClosing), and is no table flattened one
// cell a line: what is added after it cannot read as more of its last
// item or cell.
func metaTextEndsComplete(s string) bool {
	t := strings.TrimRight(s, "\n \t　\r")
	if strings.HasSuffix(t, "|") {
		return !metaCellTable(s)
	}
	return (strings.HasSuffix(t, "。") || strings.HasSuffix(t, "）")) && !strings.Contains(s, "|")
}

// metaContactsAttachment ends the text with an attachment listing every
// unit's contact person, as a table (序号 | 单位 | 联系人 | 联系电话). The
// units are made up; the list assigns nothing. Only where the text ends
// complete and names no attachment of its own.
func metaContactsAttachment(s string, w *wantDoc) (string, *wantDoc, bool) {
	if !metaTextEndsComplete(s) || strings.Contains(s, "附件") {
		return "", nil, false
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(s, "\n \t　\r") + "\n\n附件\n\n各责任单位联系人名单\n\n")
	rows := [][]string{{"序号", "单位", "联系人", "联系电话"}}
	for i, u := range []string{"市发展改革委", "市财政局", "市统计局"} {
		rows = append(rows, append([]string{fmt.Sprint(i + 1), u}, metaContactCells(i)...))
	}
	metaPipeRows(&b, rows)
	return b.String(), w, true
}

// metaSentenceBeforeClause puts sentence, which names an agency as the
// source of data or the one the work serves, before every bracketed owner
// clause that ends its line after a full stop, and at the end of every
// item's line that ends with a full stop above its owner lines: a reader
// takes the owners from the clause, never from such a sentence.
func metaSentenceBeforeClause(s, sentence string) string {
	lines := strings.Split(metaLineEndClause(s, func(head, clause, _ string) (string, bool) {
		return head + sentence + clause, strings.HasSuffix(head, "。")
	}), "\n")
	for i, l := range lines[:max(0, len(lines)-1)] {
		if metaItemStartRe.MatchString(l) && strings.HasSuffix(l, "。") && !strings.Contains(l, "|") && metaOwnLineRe.MatchString(lines[i+1]) {
			lines[i] = l + sentence
		}
	}
	return strings.Join(lines, "\n")
}

// metaCCPrinted ends the text with an 抄送 line naming offices and the 印发
// line (the issuing office and the date it printed). Only where the text
// ends complete.
func metaCCPrinted(s string) string {
	if !metaTextEndsComplete(s) {
		return s
	}
	return strings.TrimRight(s, "\n \t　\r") + "\n\n抄送：市委办公室，市人大常委会办公室，市政协办公室。\n\n某某市人民政府办公室　　　　2024年3月1日印发\n"
}

// metaSignatureBeforeList puts a notice's preamble and its signature (the
// issuing office and the date) before the first numbered item, as a
// notice that prints its task list after the signature does. The date is
// of the earliest year the text names (a plan for 2012–2015 is signed by
// 2012: signed later, its span would read as past), else of 2024. Not in a table flattened one cell a line
// (a line 序号 alone): its first number may be a cell.
func metaSignatureBeforeList(s string) string {
	if strings.Contains(s, "|") || metaCellTable(s) || metaSpacedHeaderRe.MatchString(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if metaAnyNumberRe.MatchString(l) {
			year := "2024"
			for _, m := range metaYearRe.FindAllStringSubmatch(s, -1) {
				year = min(year, m[1])
			}
			head := []string{
				"各区县人民政府，市政府各部门：",
				"　　现将有关工作任务印发给你们，请认真贯彻落实。",
				"",
				"某某市人民政府办公室",
				year + "年3月1日",
				"",
			}
			return strings.Join(slices.Concat(lines[:i], head, lines[i:]), "\n")
		}
	}
	return s
}

// metaSpacedHeaderRe is the header of a table flattened with spaces whose
// rows run over lines (序号 具体点位 存在问题 整改责任单位): its first
// numbered line is inside the table, where no signature stands.
var metaSpacedHeaderRe = regexp.MustCompile(`(?m)序号[ \x{3000}]+\S.*(单位|部门)[ \x{3000}]*$`)

var metaYearRe = regexp.MustCompile(`((?:19|20)\d\d)年`)

// metaLeaderContactClause names a leader first and a contact person with a
// telephone number last inside every labelled clause: （责任领导：王某某；
// 责任单位：A；联系人：李某某，电话：13800000000）. Persons and numbers are
// never units. Clauses naming a leader already are left alone.
func metaLeaderContactClause(s string) string {
	return metaRewriteClauses(s, func(body string) string {
		if !metaClauseLabelRe.MatchString(body) || strings.Contains(body, "领导") {
			return body
		}
		return "责任领导：王某某；" + body + "；联系人：李某某，电话：13800000000"
	})
}

// metaOwnerLineContact moves single clauses onto owner lines of their own
// (metaClauseToOwnLine) and puts a contact line below the last owner line
// of every item: 联系人：李某某　联系电话：13800000000. Only where the owner
// lines stand right below the item's text and the next item, a blank line
// or the end follows them: an owner line wrapped onto the next line would
// be cut in two.
func metaOwnerLineContact(s string) string {
	lines := strings.Split(metaClauseToOwnLine(s, false), "\n")
	var out []string
	below := false // the lines above since the last prose line are owner lines
	for i, l := range lines {
		out = append(out, l)
		owner := metaOwnLineRe.MatchString(l) && !strings.Contains(l, "|")
		if owner && below && metaOwnerGroupEnds(lines, i) {
			out = append(out, "联系人：李某某　联系电话：13800000000")
		}
		below = owner && below || !owner && strings.TrimSpace(l) != "" && !strings.Contains(l, "|")
	}
	return strings.Join(out, "\n")
}

// metaOwnerGroupEnds reports whether the owner line i is the last of its
// group: the next line is blank, starts an item, or there is none.
func metaOwnerGroupEnds(lines []string, i int) bool {
	if i+1 == len(lines) {
		return true
	}
	next := lines[i+1]
	return strings.TrimSpace(next) == "" || metaItemStartRe.MatchString(next) || metaChineseItemRe.MatchString(next)
}

// metaTaskDataNote writes the table with | and a note in brackets after
// every task's text that names the agency its data come from: （数据由市
// 统计局提供）. A reader never takes a data source for an owner.
func metaTaskDataNote(tb *metaTable) (string, bool) {
	text := metaColumn(tb, "重点任务")
	rows := [][]string{tb.header}
	for _, r := range tb.rows {
		nr := slices.Clone(r)
		nr[text] = strings.TrimRight(nr[text], "。") + "（数据由市统计局提供）"
		rows = append(rows, nr)
	}
	var b strings.Builder
	metaPipeRows(&b, rows)
	return b.String(), true
}

// metaOwnerLineLeaderContact moves single clauses onto owner lines of their
// own (metaClauseToOwnLine) and writes each such line that stands right
// below an item with a leader before its units and a contact after them:
// 责任领导：王某某；责任单位：A；联系人：李某某，电话：13800000000.
func metaOwnerLineLeaderContact(s string) string {
	lines := strings.Split(metaClauseToOwnLine(s, false), "\n")
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if !metaOwnLineRe.MatchString(l) || strings.Contains(l, "领导") || !metaItemStartRe.MatchString(lines[i-1]) || strings.Contains(lines[i-1], "|") || !metaOwnerGroupEnds(lines, i) {
			continue
		}
		lines[i] = "责任领导：王某某；" + strings.TrimRight(strings.TrimSpace(l), "。；;") + "；联系人：李某某，电话：13800000000"
	}
	return strings.Join(lines, "\n")
}
