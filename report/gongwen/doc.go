// Package gongwen lays out reports in the official-document format of
// GB/T 9704-2012 (党政机关公文格式) and writes them as PDF with embedded fonts.
//
// A Doc is built in reading order: title, headings, paragraphs, tables,
// charts, attachments. Layout happens as the content is added, into pages of
// drawing operations; Write renders them with github.com/signintech/gopdf,
// adding the page numbers. The engine does its own line breaking (Chinese
// rules: no closing punctuation at a line start, no opening punctuation at
// a line end, Latin words and numbers kept whole), justifies lines by
// character spacing and draws any character missing from a role's font
// from a fallback font, recording it (Doc.Substitutions).
//
// The Doc also keeps its content in reading order, as the caller gave it
// (title, headings, paragraphs, tables, charts, attachments); WriteDocx
// writes that as a Word document for the office to edit, in styles named
// for their role and on GB/T 9704 pages, leaving the page layout to the
// word processor.
package gongwen

import (
	"time"

	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Millimetres to points.
const mm = 72 / 25.4

// Page geometry of GB/T 9704: A4, top margin 37 mm, left 28 mm, a text
// block of 156×225 mm holding 22 lines of 28 characters of 三号 text.
const (
	PageWidth   = 210 * mm
	PageHeight  = 297 * mm
	MarginTop   = 37 * mm
	MarginLeft  = 28 * mm
	BlockWidth  = 156 * mm
	BlockHeight = 225 * mm

	LinesPerPage = 22
	CharsPerLine = 28

	// LinePitch is the fixed distance between body lines (about 29 pt).
	LinePitch = BlockHeight / LinesPerPage
	// CharPitch is the advance of one full-width body character.
	CharPitch = BlockWidth / CharsPerLine
)

// Font sizes in points (字号).
const (
	SizeEr   = 22   // 二号: the title
	SizeSan  = 16   // 三号: body text and headings
	SizeSi   = 14   // 四号: page numbers
	SizeXiao = 12   // 小四: table text
	SizeWu   = 10.5 // 五号: dense table text
)

// Page-number placement: 7 mm below the text block, one character in from
// the block's edge.
const pageNumberGap = 7 * mm

// Info is the document information written into the PDF.
type Info struct {
	Title   string
	Author  string // the issuing office
	Subject string
	// Created is the creation date; the zero time writes none, which keeps
	// the output identical for identical input.
	Created time.Time
}

// Doc is a document being laid out.
type Doc struct {
	fonts *typeface.Set
	pages []*page
	cur   *page
	y     float64 // top of the next line, in points from the page top

	// blocks is the content in reading order, for WriteDocx.
	blocks []block

	subst map[substKey]*substitution
	order []substKey
	// measuring is set while a chart measures text it may not draw: its
	// characters are not counted as drawn.
	measuring bool
}

// New starts a document using the given fonts (typeface.DefaultSet() for
// the bundled ones).
func New(fonts *typeface.Set) *Doc {
	if fonts == nil {
		fonts = typeface.DefaultSet()
	}
	d := &Doc{
		fonts: fonts,
		subst: map[substKey]*substitution{},
	}
	d.newPage(false)
	return d
}

// Pages is the number of pages laid out so far.
func (d *Doc) Pages() int { return len(d.pages) }

// Substitution is a character a role's font lacks: it was drawn from
// Fallback, or, when no font has it, replaced by 〓 (Fallback "").
type Substitution struct {
	Role     typeface.Role
	Font     string // the role's font
	Char     rune
	Fallback string // the font it was drawn from; "" = none had it
	Count    int
}

type substKey struct {
	role typeface.Role
	r    rune
}

// substitution is a Substitution with the face that draws it (nil: none).
type substitution struct {
	Substitution
	face *typeface.Face
}

// Substitutions lists the characters drawn from fallback fonts or replaced,
// in order of first use.
func (d *Doc) Substitutions() []Substitution {
	out := make([]Substitution, 0, len(d.order))
	for _, k := range d.order {
		if s := d.subst[k]; s.Count > 0 {
			out = append(out, s.Substitution)
		}
	}
	return out
}
