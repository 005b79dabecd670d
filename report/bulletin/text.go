package bulletin

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/report/gongwen"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Light colours, print-safe; the light's word is always written beside
// its mark so that a black-and-white print keeps the meaning.
var lightColors = map[ledger.Light]gongwen.Color{
	ledger.Green:  {R: 0x2E, G: 0x7D, B: 0x32},
	ledger.Yellow: {R: 0xF9, G: 0xA8, B: 0x25},
	ledger.Red:    {R: 0xC6, G: 0x28, B: 0x28},
	ledger.Grey:   {R: 0x9E, G: 0x9E, B: 0x9E},
}

// lightCell is a table cell with the light's mark and word.
func lightCell(l ledger.Light) gongwen.Cell {
	c := lightColors[l]
	return gongwen.Cell{Spans: []gongwen.Span{gongwen.Plain(string(l))}, Mark: &c}
}

// percent writes a ratio (0–1) as a percentage with at most one decimal.
func percent(ratio float64) string { return num(ratio*100) + "%" }

// num writes x with at most one decimal; "—" for a value that is not a
// number.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	return ledger.Num(x)
}

// pctText writes a reported percentage, "—" when there is none.
func pctText(p *float64) string {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return "—"
	}
	return num(*p) + "%"
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// summary shortens s to its first sentence, at most n characters.
func summary(s string, n int) string {
	s = strings.Join(strings.Fields(s), "")
	if i := strings.IndexAny(s, "。；;"); i > 0 && utf8.RuneCountInString(s[:i]) <= n {
		return s[:i] + "。"
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// clip shortens s to n characters, saying where the rest is: a 复核意见
// longer than a table cell holds is the ledger's to keep in full.
func clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…（全文见总台账）"
}

// docName is a document's short name: the 《》 part of its title, else the
// title.
func docName(title string) string {
	return "《" + task.ShortTitle(title) + "》"
}

// marker writes a path element of a document's numbering the way the
// document writes it: 一 → 一、, (一) → （一）, 1 → 1., (1) → （1）.
func marker(p string) string {
	switch {
	case strings.HasPrefix(p, "("):
		return "（" + strings.Trim(p, "()") + "）"
	case p == "":
		return ""
	case p[0] >= '0' && p[0] <= '9':
		return p + "."
	case strings.HasPrefix(p, "附表"):
		return p
	}
	return p + "、"
}

// taskName is the short name of a row: its title, else the start of its
// text.
func taskName(r *ledger.Row, n int) string {
	if r.Title != "" {
		return summary(r.Title, n)
	}
	return summary(r.Text, n)
}

func joinUnits(us []string) string {
	if len(us) == 0 {
		return "（未指定）"
	}
	return strings.Join(us, "、")
}

// statusText is the status the office stands by, with the progress.
func statusText(r *ledger.Row) string {
	s := string(r.Effective())
	if r.Overridden() {
		s += "（核定）"
	}
	if r.Percent != nil {
		s += " " + pctText(r.Percent)
	}
	return s
}

// rankText is a unit's rank, 3（并列） when it shares it, — when it is
// not ranked.
func rankText(u *score.UnitScore) string {
	if u.Rank == 0 {
		return "—"
	}
	if u.Tied {
		return strconv.Itoa(u.Rank) + "（并列）"
	}
	return strconv.Itoa(u.Rank)
}

// rateText is a unit's completion rate of its led tasks, "—" when it leads
// none.
func rateText(u *score.UnitScore) string {
	if u.Led == 0 {
		return "—"
	}
	return percent(u.Completion)
}

// groupRow is the row that heads a ranking group in a ranking table.
func groupRow(group string) []gongwen.Cell {
	if group == score.NotRanked {
		group += "（无牵头任务或不在排名分组内，仅列实绩）"
	}
	return []gongwen.Cell{{Spans: []gongwen.Span{gongwen.In(typeface.Kai, group)}, Wide: true}}
}

// groupsText says how the units are ranked: by group, and who is not.
func groupsText(units []*score.UnitScore) string {
	var groups []string
	ranked, apart := 0, 0
	for i, u := range units {
		if u.Group == score.NotRanked {
			apart++
			continue
		}
		ranked++
		if i == 0 || units[i-1].Group != u.Group {
			groups = append(groups, u.Group)
		}
	}
	s := fmt.Sprintf("参加排名的单位%d个，按%s分组排名", ranked, strings.Join(groups, "、"))
	if apart > 0 {
		s += fmt.Sprintf("；没有牵头任务或不在排名分组内的单位%d个单列，不参加排名", apart)
	}
	return s + "。"
}

// centred is a table column whose cells are centred.
func centred(header string, weight float64) gongwen.Column {
	return gongwen.Column{Header: header, Weight: weight, Align: gongwen.Center}
}
