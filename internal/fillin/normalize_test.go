package fillin

import (
	"strings"
	"testing"
)

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		raw             string
		numeric, pctFmt bool
		want            float64 // -1: no value
		ok              bool
		note            string // part of the note, "" for none
	}{
		{"", false, false, -1, true, ""},
		{"80", true, false, 80, true, ""},
		{"0.8", true, true, 80, true, ""},
		{"0.805", true, true, 80.5, true, ""},
		{"1", true, true, 100, true, ""},
		{"0.8", true, false, 80, true, "小数视为比例"},
		{"0.8", false, false, 80, true, "小数视为比例"},
		{"1", true, false, 1, true, ""},  // a typed 1 means 1%, not 100%
		{"1", false, false, 1, true, ""}, // the same typed as text
		{"0", true, false, 0, true, ""},
		{"100", true, false, 100, true, ""},
		{"80%", false, false, 80, true, "“80%”按 80 读取"},
		{"８０％", false, false, 80, true, "“８０％”按 80 读取"},
		{"８０", false, false, 80, true, "“８０”按 80 读取"},
		{" 80 ", false, false, 80, true, ""},
		{"80.5", false, false, 80.5, true, ""},
		{"80 %", false, false, 80, true, "按 80 读取"},
		{"120", false, false, 120, true, ""},
		{"约80", false, false, -1, false, ""},
		{"大部分", false, false, -1, false, ""},
		{"NaN", false, false, -1, false, ""},
		{"1e400", false, false, -1, false, ""},
	} {
		v, note, ok := percent(tc.raw, tc.numeric, tc.pctFmt)
		got := -1.0
		if v != nil {
			got = *v
		}
		if got != tc.want || ok != tc.ok || (tc.note == "") != (note == "") || !strings.Contains(note, tc.note) {
			t.Errorf("percent(%q, %v, %v) = %v, %q, %v; want %v, %q, %v", tc.raw, tc.numeric, tc.pctFmt, got, note, ok, tc.want, tc.note, tc.ok)
		}
	}
}

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		raw   string
		want  Status
		known bool
		note  string
		pct   float64 // -1: none
	}{
		{"", "", true, "", -1},
		{"已完成", StatusDone, true, "", -1},
		{"已完成 ", StatusDone, true, "", -1},
		{"已 完 成", StatusDone, true, "", -1},
		{"完成", StatusDone, true, "“完成”按“已完成”读取", -1},
		{"全部完成。", StatusDone, true, "按“已完成”读取", -1},
		{"办结", StatusDone, true, "按“已完成”读取", -1},
		{"已办结", StatusDone, true, "按“已完成”读取", -1},
		{"基本完成", StatusOnTrack, true, "尚未全部完成", -1},
		{"已完成90%", StatusOnTrack, true, "按“按序时推进”读取", 90},
		{"已完成９０％", StatusOnTrack, true, "按“按序时推进”读取", 90},
		{"完成100%", StatusDone, true, "按“已完成”读取", 100},
		{"正常推进", StatusOnTrack, true, "按“按序时推进”读取", -1},
		{"推进中", StatusOnTrack, true, "按“按序时推进”读取", -1},
		{"进行中", StatusOnTrack, true, "按“按序时推进”读取", -1},
		{"按计划推进", StatusOnTrack, true, "按“按序时推进”读取", -1},
		{"序时推进", StatusOnTrack, true, "按“按序时推进”读取", -1},
		{"按序时推进", StatusOnTrack, true, "", -1},
		{"落后", StatusBehind, true, "按“滞后”读取", -1},
		{"进度滞后", StatusBehind, true, "按“滞后”读取", -1},
		{"略有滞后", StatusBehind, true, "按“滞后”读取", -1},
		{"滞后", StatusBehind, true, "", -1},
		{"申请延期", StatusBehind, true, "请在存在问题中说明原因", -1},
		{"未开始", StatusNotStart, true, "按“未启动”读取", -1},
		{"尚未启动", StatusNotStart, true, "按“未启动”读取", -1},
		{"未启动", StatusNotStart, true, "", -1},
		{"持续推进", StatusOngoing, true, "", -1},
		{"长期推进", StatusOngoing, true, "按“持续推进”读取", -1},
		{"常态化推进", StatusOngoing, true, "按“持续推进”读取", -1},
		{"很好", "", false, "", -1},
		{"未完成", "", false, "", -1},
	} {
		s, note, pct, known := status(tc.raw)
		p := -1.0
		if pct != nil {
			p = *pct
		}
		if s != tc.want || known != tc.known || p != tc.pct || (tc.note == "") != (note == "") || !strings.Contains(note, tc.note) {
			t.Errorf("status(%q) = %q, %q, %v, %v; want %q, %q, %v, %v", tc.raw, s, note, p, known, tc.want, tc.note, tc.pct, tc.known)
		}
	}
}

func TestCurrent(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		several bool
		want    float64
		ok      bool
		note    bool
	}{
		{"", false, -1, true, false},
		{"1050", false, 1050, true, false},
		{"1,050", false, 1050, true, false},
		{"2.9", false, 2.9, true, false},
		{"2.9%", false, 2.9, true, true},
		{"约1050家", false, 1050, true, true},
		{"１０５０", false, 1050, true, false},
		{"已达标", false, -1, false, false},
		{"2.9%；1050家", true, -1, true, true},
		{"2.9%；1050家", false, -1, false, false},
	} {
		v, note, ok := current(tc.raw, tc.several)
		got := -1.0
		if v != nil {
			got = *v
		}
		if got != tc.want || ok != tc.ok || (note != "") != tc.note {
			t.Errorf("current(%q, %v) = %v, %q, %v; want %v, note %v, %v", tc.raw, tc.several, got, note, ok, tc.want, tc.note, tc.ok)
		}
	}
}
