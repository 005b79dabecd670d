package fillin

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// What people type is read through these rules; each rule that changed the
// meaning of a value returns a note that Check reports as an info, so the
// office sees how a value was understood.

// percent reads a 累计进度 cell. raw is the cell's raw value; numeric tells
// whether the cell holds a number and pctFmt whether it is formatted as a
// percentage (Excel stores 80% as 0.8). ok is false when the value is not a
// number at all.
//
// A value beyond ±maxPercent, or one that overflows when read, is not
// taken (ok false): it would only come from a slip of the keyboard, and an
// infinite value breaks every figure computed from it.
func percent(raw string, numeric, pctFmt bool) (v *float64, note string, ok bool) {
	v, note, ok = readPercent(raw, numeric, pctFmt)
	if v != nil && !plausible(*v, maxPercent) {
		return nil, "", false
	}
	return v, note, ok
}

// Bounds of the numbers read from a return. A progress far outside 0–100
// is kept with a warning up to maxPercent; an indicator's value up to
// maxCurrent, beyond which Excel no longer holds every digit.
const (
	maxPercent = 1000
	maxCurrent = 1e15
)

// plausible reports whether x is finite and within ±bound.
func plausible(x, bound float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && math.Abs(x) <= bound
}

// numberOutOfRange reports whether raw reads as a number (perhaps with a
// percent sign) that is beyond bound or overflows: the message then says
// "out of range", not "not a number".
func numberOutOfRange(raw string, bound float64) bool {
	s := strings.TrimSuffix(strings.TrimSuffix(strings.ReplaceAll(squeeze(raw), ",", ""), "%"), "％")
	x, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		// A single number among words: 约1000…0家.
		nums := numberRe.FindAllString(s, -1)
		if len(nums) != 1 {
			return false
		}
		if x, err = strconv.ParseFloat(nums[0], 64); err != nil && !errors.Is(err, strconv.ErrRange) {
			return false
		}
	}
	return !plausible(x, bound) && !math.IsNaN(x)
}

// shownNumber is a number as Excel shows it, 1E+308 rather than its 309
// digits; anything else as it is.
func shownNumber(raw string) string {
	s := strings.TrimSpace(raw)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || len(s) <= 15 {
		return s
	}
	return strconv.FormatFloat(x, 'G', -1, 64)
}

func readPercent(raw string, numeric, pctFmt bool) (v *float64, note string, ok bool) {
	s := squeeze(raw)
	if s == "" {
		return nil, "", true
	}
	if numeric {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, "", false
		}
		switch {
		case pctFmt:
			return ptr(round(x * 100)), "", true
		case x > 0 && x < 1:
			return ptr(round(x * 100)), fmt.Sprintf("累计进度“%s”按 %s 读取（小于 1 的小数视为比例）", trimNum(x), trimNum(round(x*100))), true
		}
		return ptr(round(x)), "", true
	}
	t, hasPct := strings.CutSuffix(s, "%")
	t = strings.TrimSuffix(t, "％")
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return nil, "", false
	}
	x = round(x)
	shown := strings.TrimSpace(raw)
	switch {
	case hasPct:
		return &x, fmt.Sprintf("累计进度“%s”按 %s 读取", shown, trimNum(x)), true
	case x > 0 && x < 1:
		// A clerk who types 1 means 1%, but 0.8 is a fraction.
		y := round(x * 100)
		return &y, fmt.Sprintf("累计进度“%s”按 %s 读取（小于 1 的小数视为比例）", shown, trimNum(y)), true
	case shown != t:
		return &x, fmt.Sprintf("累计进度“%s”按 %s 读取", shown, trimNum(x)), true
	}
	return &x, "", true
}

func ptr(x float64) *float64 { return &x }

// round drops binary noise such as 0.8*100 = 80.00000000000001.
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

func trimNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// statusWords maps what people write to the five statuses. note explains
// mappings that are a judgement rather than a synonym.
var statusWords = map[string]struct {
	s    Status
	note string
}{}

func init() {
	add := func(s Status, note string, words ...string) {
		for _, w := range words {
			statusWords[w] = struct {
				s    Status
				note string
			}{s, note}
		}
	}
	add(StatusDone, "", "已完成", "完成", "全部完成", "已全部完成", "已经完成", "办结", "已办结", "完结", "已完结", "圆满完成", "完成了")
	add(StatusOnTrack, "", "按序时推进", "正常推进", "推进中", "进行中", "按计划推进", "序时推进", "按序时进度推进", "按进度推进",
		"正在推进", "有序推进", "稳步推进", "顺利推进", "正在实施", "实施中", "已启动", "超序时推进", "超序时", "提前推进", "超前推进")
	add(StatusOnTrack, "尚未全部完成，按“按序时推进”统计", "基本完成", "基本完成了", "接近完成")
	add(StatusBehind, "", "滞后", "落后", "进度滞后", "进度落后", "滞后推进", "未按序时推进", "滞后于序时进度", "落后于序时进度")
	add(StatusBehind, "按“滞后”统计，请在存在问题中说明原因", "申请延期", "延期", "已申请延期", "延期办理")
	add(StatusNotStart, "", "未启动", "未开始", "尚未启动", "尚未开始", "待启动", "未实施", "待办理")
	add(StatusOngoing, "", "持续推进", "长期推进", "常态化推进", "常态化", "长期坚持", "持续开展", "常态推进", "长期")
}

var donePctRe = regexp.MustCompile(`^已?完成(?:了)?(\d+(?:\.\d+)?)%$`)

// status reads a 完成状态 cell. It returns "" for an empty cell and for a
// value it does not understand (known is then false). pct is the progress
// a value like “已完成90%” carries.
func status(raw string) (s Status, note string, pct *float64, known bool) {
	k := strings.TrimRight(squeeze(raw), "。.;；,，!！")
	if k == "" {
		return "", "", nil, true
	}
	shown := strings.TrimSpace(raw)
	if w, ok := statusWords[k]; ok {
		switch {
		case w.note != "":
			note = fmt.Sprintf("完成状态“%s”按“%s”读取（%s）", shown, w.s, w.note)
		case string(w.s) != k:
			note = fmt.Sprintf("完成状态“%s”按“%s”读取", shown, w.s)
		}
		return w.s, note, nil, true
	}
	if m := donePctRe.FindStringSubmatch(k); m != nil {
		x, _ := strconv.ParseFloat(m[1], 64)
		if x >= 100 {
			return StatusDone, fmt.Sprintf("完成状态“%s”按“%s”读取", shown, StatusDone), ptr(100), true
		}
		return StatusOnTrack, fmt.Sprintf("完成状态“%s”按“%s”读取（尚未全部完成）", shown, StatusOnTrack), ptr(round(x)), true
	}
	if strings.Contains(k, "滞后") || strings.Contains(k, "落后") {
		return StatusBehind, fmt.Sprintf("完成状态“%s”按“%s”读取", shown, StatusBehind), nil, true
	}
	return "", "", nil, false
}

var numberRe = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// current reads a 指标当前值 cell: a number, possibly with a unit or a
// comparator around it (“约1050家”, “2.9%”). several tells whether the
// task has several targets, where a cell listing several numbers is normal.
func current(raw string, several bool) (v *float64, note string, ok bool) {
	s := strings.ReplaceAll(squeeze(raw), ",", "")
	if s == "" {
		return nil, "", true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil && plausible(x, maxCurrent) {
		return ptr(x), "", true
	} else if err == nil || errors.Is(err, strconv.ErrRange) {
		return nil, "", false // NaN, ±Inf or beyond maxCurrent
	}
	nums := numberRe.FindAllString(s, -1)
	switch {
	case len(nums) == 1:
		x, err := strconv.ParseFloat(nums[0], 64)
		if err != nil || !plausible(x, maxCurrent) {
			return nil, "", false
		}
		return ptr(x), fmt.Sprintf("指标当前值“%s”按 %s 读取", strings.TrimSpace(raw), trimNum(x)), true
	case len(nums) > 1 && several:
		return nil, fmt.Sprintf("指标当前值“%s”含多个数值，按原文保留", cells.TruncateRunes(strings.TrimSpace(raw), 40)), true
	}
	return nil, "", false
}
