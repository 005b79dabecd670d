package score

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

func taskText(row *ledger.Row, kind string, role fillin.Role, pts float64, grey bool) string {
	label := row.Label
	if label == "" {
		label = row.TaskID
	}
	var what string
	switch kind {
	case KindDone:
		what = "按期完成"
	case KindDoneLate:
		what = "逾期完成"
	case KindOverdue:
		what = "逾期未完成"
		if grey {
			what += "（牵头单位未报送）"
		}
	case KindYellow:
		what = "亮黄灯"
	case KindRed:
		what = "亮红灯"
	}
	return string(role) + "任务 " + label + " " + what + " " + signed(pts)
}

func reportText(l *ledger.Ledger, kind string, pts float64) string {
	var what string
	switch kind {
	case KindLate:
		what = "迟报"
	case KindMissing:
		what = "未报"
	case KindEmpty:
		what = "报送空表"
	case KindMissingKey:
		what = keyPeriod(l) + "报告未报"
	}
	return periodLabel(l) + " " + what + " " + signed(pts)
}

func capText(what string, sum, capped, limit float64) string {
	return fmt.Sprintf("%s合计 %s，超过上限 %s 分，按 %s 计 %s", what, signed(sum), plain(limit), signed(capped), signed(capped-sum))
}

func clampText(total, clamped float64, r Rules) string {
	if total > r.Max {
		return fmt.Sprintf("总分 %s 高于满分 %s，按 %s 分计 %s", plain(total), plain(r.Max), plain(clamped), signed(clamped-total))
	}
	return fmt.Sprintf("总分 %s 低于最低分 %s，按 %s 分计 %s", plain(total), plain(r.Min), plain(clamped), signed(clamped-total))
}

// Reasons summarises the main reasons for the unit's score in Chinese, one
// line per kind of event (and role), the weightiest first: 按期完成牵头任务
// 3 项 +6, 逾期未完成牵头任务 1 项 −5, 迟报 2 次 −0.2. n ≤ 0 lists them all.
func (u *UnitScore) Reasons(n int) []string {
	type group struct {
		kind  string
		role  fillin.Role
		text  string // a cap's or the clamp's own text
		count int
		sum   float64
		first int
	}
	var groups []*group
	index := map[string]*group{}
	for i, e := range u.Events {
		key := e.Kind + "|" + string(e.Role)
		if e.Kind == KindCap || e.Kind == KindClamp {
			key += "|" + e.Text
		}
		g := index[key]
		if g == nil {
			g = &group{kind: e.Kind, role: e.Role, text: e.Text, first: i}
			index[key] = g
			groups = append(groups, g)
		}
		g.count++
		g.sum += e.Points
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		if c := cmp.Compare(abs(round2(b.sum)), abs(round2(a.sum))); c != 0 {
			return c
		}
		return cmp.Compare(a.first, b.first)
	})
	if n > 0 && len(groups) > n {
		groups = groups[:n]
	}
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = reason(g.kind, g.role, g.text, g.count, g.sum)
	}
	return out
}

func reason(kind string, role fillin.Role, text string, count int, sum float64) string {
	pts := signed(sum)
	switch kind {
	case KindDone:
		return fmt.Sprintf("按期完成%s任务 %d 项 %s", role, count, pts)
	case KindDoneLate:
		return fmt.Sprintf("逾期完成%s任务 %d 项 %s", role, count, pts)
	case KindOverdue:
		return fmt.Sprintf("逾期未完成%s任务 %d 项 %s", role, count, pts)
	case KindYellow:
		return fmt.Sprintf("%s任务亮黄灯 %d 项 %s", role, count, pts)
	case KindRed:
		return fmt.Sprintf("%s任务亮红灯 %d 项 %s", role, count, pts)
	case KindLate:
		return fmt.Sprintf("迟报 %d 次 %s", count, pts)
	case KindMissing:
		return fmt.Sprintf("未报 %d 次 %s", count, pts)
	case KindMissingKey:
		return fmt.Sprintf("半年或年度报告未报 %d 次 %s", count, pts)
	case KindEmpty:
		return fmt.Sprintf("报送空表 %d 次 %s", count, pts)
	}
	return text
}

// signed writes points with their sign, +2 or −0.5 (a real minus sign).
func signed(x float64) string {
	x = round2(x)
	switch {
	case x > 0:
		return "+" + plain(x)
	case x < 0:
		return "−" + plain(-x)
	}
	return "0"
}

// plain writes a number to at most 2 decimals, with a real minus sign.
func plain(x float64) string {
	x = round2(x)
	if x < 0 {
		return "−" + strconv.FormatFloat(-x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// round2 rounds to 2 decimals, half away from zero. The value is first
// taken to a millionth so that binary noise cannot decide a half: 2.675
// (stored as 2.67499…) rounds to 2.68, 0.1+0.2 to 0.3.
func round2(x float64) float64 {
	micro := math.Round(x * 1e6)
	cents := math.Trunc(micro / 1e4)
	switch rest := micro - cents*1e4; {
	case rest >= 5000:
		cents++
	case rest <= -5000:
		cents--
	}
	return cents / 100
}

// round6 drops binary noise below a millionth of a point.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
