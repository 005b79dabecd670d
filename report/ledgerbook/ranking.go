package ledgerbook

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
)

// scoreStyles are the number styles of the assessment sheets.
type scoreStyles struct {
	score  int // 2 decimals
	rank   int // a plain rank
	tied   int // a shared rank: 2（并列）, still a number
	points int // signed, 2 decimals
}

func newScoreStyles(f *excelize.File) (*scoreStyles, error) {
	font := &excelize.Font{Family: fontFamily, Size: fontSize}
	centred := &excelize.Alignment{Horizontal: "center", Vertical: "center"}
	var (
		ss  scoreStyles
		err error
	)
	add := func(id *int, format string) {
		if err == nil {
			*id, err = f.NewStyle(&excelize.Style{Font: font, Border: cellBorder, Alignment: centred, CustomNumFmt: &format})
		}
	}
	add(&ss.score, "0.00")
	add(&ss.rank, "0")
	add(&ss.tied, `0"（并列）"`)
	add(&ss.points, `+0.00;"−"0.00;0`)
	if err != nil {
		return nil, err
	}
	return &ss, nil
}

// kindNames name the kinds of score events in the 类型 column.
var kindNames = map[string]string{
	score.KindDone:       "按期完成",
	score.KindDoneLate:   "逾期完成",
	score.KindOverdue:    "逾期未完成",
	score.KindYellow:     "亮黄灯",
	score.KindRed:        "亮红灯",
	score.KindLate:       "迟报",
	score.KindMissing:    "未报",
	score.KindEmpty:      "报送空表",
	score.KindMissingKey: "半年或年度报告未报",
	score.KindCap:        "超出上限调整",
	score.KindClamp:      "满分或最低分调整",
}

// writePeriodRanking writes a period's ranking on the 考核 and 考核明细
// sheets of its ledger workbook.
func writePeriodRanking(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger, rk *history.Ranking) error {
	ss, err := newScoreStyles(f)
	if err != nil {
		return err
	}
	label := cmp.Or(rk.Label, l.PeriodLabel, l.Period)
	labels := map[string]string{l.Period: cmp.Or(l.PeriodLabel, l.Period)}
	if rk.Key != "" {
		labels[rk.Key] = label
	}
	rank := rankingSheet(st, ss, SheetRanking, label+"单位考核排名", rk.Result, rk.Standings)
	rank.note = rulesNote(rk.Result.Rules) + rankingNote
	if err := rank.write(f, st, later); err != nil {
		return err
	}
	return eventsSheet(st, ss, SheetRankingEvents, label+"单位考核加减分明细", rk.Result, labels).write(f, st, later)
}

// rankingNote follows the rules on a ranking sheet.
const rankingNote = "。得分 = 基础分 + 各项加减分，明细见“" + SheetRankingEvents + "”工作表；" +
	"得分相同的，依次比较牵头任务完成率、逾期未完成任务数、未报次数、迟报次数，仍相同的为并列。"

// rulesNote states the base and the bounds of the scores: 基础分 80 分；满分 100 分.
func rulesNote(r score.Rules) string {
	s := "基础分 " + points(r.Base) + " 分"
	if r.Max > r.Min {
		s += "；满分 " + points(r.Max) + " 分"
		if r.Min != 0 {
			s += "，最低 " + points(r.Min) + " 分"
		}
	}
	return s
}

// points writes a number of points as people do: 80, 2.5, 0.25.
func points(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// rankingSheet is a ranking table, best first. 较上期 shows each unit's
// move when standings (the ranking's, by unit) are given.
func rankingSheet(st *styles, ss *scoreStyles, name, title string, res *score.Result, standings []history.Standing) *plainSheet {
	headers := []string{"名次", "单位", "排名分组", "得分"}
	widths := []float64{11, 20, 14, 8}
	if standings != nil {
		headers, widths = append(headers, "较上期"), append(widths, 8)
	}
	headers = append(headers, "牵头任务", "已完成", "完成率", "逾期", "迟报", "未报", "主要加减分")
	widths = append(widths, 9, 8, 8, 6, 6, 6, 34)
	moves := make(map[string]string, len(standings))
	for _, s := range standings {
		moves[s.Unit] = s.Arrow()
	}
	s := section{headers: headers, n: len(res.Units)}
	s.fit(widths)
	s.each = func(yield func([]excelize.Cell) bool) {
		for _, u := range res.Units {
			if !yield(rankingRow(st, ss, u, standings != nil, moves[u.Unit])) {
				return
			}
		}
	}
	return &plainSheet{name: name, title: title, widths: widths, sections: []section{s}}
}

// rankingRow is a unit's row of a ranking table, with its move when
// withMoves.
func rankingRow(st *styles, ss *scoreStyles, u *score.UnitScore, withMoves bool, move string) []excelize.Cell {
	rank := excelize.Cell{StyleID: ss.rank, Value: u.Rank}
	if u.Tied {
		rank.StyleID = ss.tied
	}
	if u.Rank == 0 {
		rank = text(st.center, "—")
	}
	completion := excelize.Cell{StyleID: st.ratio}
	if u.Led > 0 {
		completion.Value = u.Completion
	}
	row := []excelize.Cell{rank, text(st.text, u.Unit), text(st.text, u.Group), {StyleID: ss.score, Value: u.Score}}
	if withMoves {
		row = append(row, text(st.center, move))
	}
	return append(row,
		excelize.Cell{StyleID: st.count, Value: u.Led},
		excelize.Cell{StyleID: st.count, Value: u.Done},
		completion,
		excelize.Cell{StyleID: st.count, Value: u.Overdue},
		excelize.Cell{StyleID: st.count, Value: u.Late},
		excelize.Cell{StyleID: st.count, Value: u.Missing},
		text(st.text, strings.Join(u.Reasons(3), "；")),
	)
}

// eventsSheet lists every event behind res's scores, one a row, the units
// in ranking order; labels name the periods by key.
func eventsSheet(st *styles, ss *scoreStyles, name, title string, res *score.Result, labels map[string]string) *plainSheet {
	s := section{headers: []string{"单位", "期次", "任务编号", "类型", "角色", "分值", "说明"}}
	for _, u := range res.Units {
		s.n += len(u.Events)
	}
	s.each = func(yield func([]excelize.Cell) bool) {
		for _, u := range res.Units {
			for _, e := range u.Events {
				row := []excelize.Cell{
					text(st.text, u.Unit),
					text(st.center, cmp.Or(labels[e.Period], e.Period)),
					text(st.center, e.TaskID),
					text(st.center, cmp.Or(kindNames[e.Kind], e.Kind)),
					text(st.center, string(e.Role)),
					{StyleID: ss.points, Value: e.Points},
					text(st.text, e.Text),
				}
				if !yield(row) {
					return
				}
			}
		}
	}
	return &plainSheet{
		name: name, title: title,
		note:   rulesNote(res.Rules) + "。每个单位的基础分加上其各项分值，即为其得分。",
		widths: []float64{20, 14, 16, 16, 6, 8, 56}, filter: true,
		sections: []section{s},
	}
}
