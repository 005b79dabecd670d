package gongwen

import (
	"strings"
	"testing"
)

// glyphs makes glyphs of width 1 for CJK and 0.5 for ASCII, without fonts.
func glyphs(s string) []glyph {
	var gs []glyph
	for _, r := range s {
		w := 1.0
		if r < 0x2000 {
			w = 0.5
		}
		gs = append(gs, glyph{r: r, w: w, space: r == ' ', brk: r == '\n'})
	}
	return gs
}

func lineTexts(gs []glyph, ls []line) []string {
	var out []string
	for _, l := range ls {
		var b strings.Builder
		for _, g := range gs[l.from:l.to] {
			b.WriteRune(g.r)
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"plain", "一二三四五六七八九十", 4, []string{"一二三四", "五六七八", "九十"}},
		// The comma may not start a line: 四 goes down with it.
		{"closing punctuation", "一二三四，五六七八", 4, []string{"一二三", "四，五六", "七八"}},
		{"two closers", "一二三四。”五六", 4, []string{"一二三", "四。”五", "六"}},
		// The opening bracket may not end a line.
		{"opening punctuation", "一二三（四五）六七", 4, []string{"一二三", "（四五）", "六七"}},
		// A number with its decimal point and percent sign stays whole.
		{"number", "完成率达到95.5%以上", 6, []string{"完成率达到", "95.5%以上"}},
		{"latin words", "采用 Excel 或 WPS 填报表", 6, []string{"采用 Excel", "或 WPS 填报", "表"}},
		{"forced break", "一二\n三四", 4, []string{"一二", "三四"}},
		// A dash pair stays whole and may not start a line.
		{"dash pair", "一二三——四五", 4, []string{"一二", "三——四", "五"}},
		// A word longer than the line is broken between characters.
		{"long word", "ABCDEFGHIJKL", 4, []string{"ABCDEFGH", "IJKL"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := glyphs(tc.text)
			got := lineTexts(gs, breakLines(gs, tc.width, tc.width, 0))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("%q at %v: got %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

// No line of a long text with punctuation everywhere starts with closing
// punctuation or ends with opening punctuation, and nothing is lost.
func TestBreakLinesRules(t *testing.T) {
	text := strings.Repeat("推进“放管服”改革，（一）优化营商环境；完成率95%。“十四五”期间、", 20)
	gs := glyphs(text)
	for _, width := range []float64{5, 7, 11, 28} {
		ls := breakLines(gs, width-2, width, 0)
		got := lineTexts(gs, ls)
		if strings.Join(got, "") != text {
			t.Fatalf("width %v: text changed", width)
		}
		for i, s := range got {
			r := []rune(s)
			if isNoStart(r[0]) || isNoEnd(r[len(r)-1]) {
				t.Errorf("width %v line %d %q breaks the punctuation rules", width, i, s)
			}
			if ls[i].width > width+0.01 {
				t.Errorf("width %v line %d %q is %v wide", width, i, s, ls[i].width)
			}
		}
	}
}

func TestTitleLines(t *testing.T) {
	gs := glyphs("关于2024年第四季度重点工作任务推进情况的通报")
	ls := titleLines(gs, 16)
	got := lineTexts(gs, ls)
	if len(got) != 2 {
		t.Fatalf("got %q; want two lines", got)
	}
	// 2024 stays whole; the lines are balanced within four characters.
	if strings.Contains(got[0], "202") && !strings.Contains(got[0], "2024") {
		t.Errorf("number broken: %q", got)
	}
	if d := ls[0].width - ls[1].width; d > 4 || d < -4 {
		t.Errorf("unbalanced: %q (%v vs %v)", got, ls[0].width, ls[1].width)
	}
	if one := lineTexts(gs, titleLines(gs, 40)); len(one) != 1 {
		t.Errorf("a title that fits is broken: %q", one)
	}
}

// Shaping keeps every character: the ideographic space is a full-width
// glyph, control characters other than line breaks go.
func TestShapeKeepsCharacters(t *testing.T) {
	d := New(nil)
	gs := d.shape([]Span{Plain("图1\u3000分布\x07")}, SizeSan)
	var got []rune
	for _, g := range gs {
		got = append(got, g.r)
	}
	if string(got) != "图1\u3000分布" {
		t.Errorf("shaped %q", string(got))
	}
	if w := gs[2].w; w != SizeSan {
		t.Errorf("ideographic space is %v wide; want one em", w)
	}
}
