// Package typeface reads the TrueType fonts the PDF reports are set in: the
// bundled ones (module folder fonts/) and the user's own .ttf files or faces
// of a .ttc collection. A Face answers what the layout asks for every
// character — is it in the font, how wide is it — in constant time, and
// carries a standalone .ttf that gopdf can embed. A Set assigns a face to
// each role of an official document (正文, 标题, 黑体, 楷体) and says which
// faces to fall back on for a character the role's face lacks. The package
// reads only the tables it needs and depends on the standard library alone.
package typeface

import (
	"fmt"
)

// Face is one TrueType font, parsed.
type Face struct {
	Name string // family name from the font's name table, for messages
	Path string // the file it was loaded from; "" for a bundled face or Parse

	// Data is a standalone TrueType font (sfnt version 1.0, (3,1) format 4
	// cmap, PostScript name) that gopdf's AddTTFFontData accepts: a face of
	// a .ttc is extracted into one. It may share memory with Parse's input.
	Data []byte

	UnitsPerEm int
	Ascent     int // hhea ascender, font units
	Descent    int // hhea descender, font units, negative below the baseline

	cmap    cmap
	advance []float64 // per glyph, in em
}

// Has reports whether the font maps r to a glyph.
func (f *Face) Has(r rune) bool { return f.cmap.glyph(r) != 0 }

// Advance is r's advance width in em (1.0 for a full-width 汉字 in a CJK
// font); 0 when the font lacks r.
func (f *Face) Advance(r rune) float64 {
	g := f.cmap.glyph(r)
	if g == 0 {
		return 0
	}
	return f.advance[g]
}

const (
	msgWOFF     = "是网页字体（WOFF/WOFF2），本程序只能嵌入 TrueType 字体：请改用 .ttf 或 .ttc 文件"
	msgNotFont  = "不是 TrueType 字体文件（可能是改了扩展名的其他文件）：请使用 .ttf 或 .ttc 字体"
	msgNoTTC    = "不是字体集（.ttc），只含一款字体，不能用 #%d 选择：请去掉 #%d"
	msgTTCRange = "字体集中有 %d 款字体（#0 至 #%d），没有 #%d"
	msgNoName   = "文件中没有名为“%s”的字体，其中有：%s"
)

// face names the face a message is about: "" for a single font, "#1" for
// the second face of a collection.
type face string

func faceOf(ttc bool, index int) face {
	if !ttc {
		return ""
	}
	return face(fmt.Sprintf("#%d", index))
}

func (w face) cff() string {
	kind := ".otf"
	if w != "" {
		kind = "字体集中的 " + string(w)
	}
	return "是 OpenType/CFF 轮廓的字体（" + kind + "），本程序只能嵌入 TrueType 轮廓的字体（.ttf，或 .ttc 中的一款）：" +
		"请改用 .ttf 文件，或用 fonttools 转换为 TrueType 轮廓；Windows 自带的 simsun.ttc、simfang.ttf、simhei.ttf、simkai.ttf 都可以直接使用"
}

func (w face) damaged(detail string) string {
	if w != "" {
		detail = string(w) + " 的 " + detail
	}
	return "字体文件已损坏（" + detail + "）：请重新复制该字体文件，或改用其他字体"
}

func (w face) cannotEmbed(what string) string {
	s := "字体"
	if w != "" {
		s = "字体集中的 " + string(w) + " "
	}
	return s + "缺少" + what + "，无法嵌入 PDF：请改用其他 TrueType 字体"
}
