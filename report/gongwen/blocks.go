package gongwen

import "github.com/taizhang-dev/taizhang/report/chart"

// blockKind is what a block of the document's content is.
type blockKind int

const (
	blockMasthead    blockKind = iota // the red header of a bulletin
	blockTitle                        // the document's (or an attachment's) title
	blockHeading                      // a numbered heading
	blockParagraph                    // any other paragraph
	blockTable                        // a table
	blockFigure                       // a chart
	blockAttachments                  // the list of attachments under the body
	blockAttachment                   // the start of an attachment, on a new page
	blockSignature                    // the issuing office and date
	blockPageBreak                    // a new page in the other orientation
)

// block is one piece of the document's content in reading order, as the
// caller gave it: what WriteDocx turns into a word-processing document,
// where the page layout is the word processor's.
type block struct {
	kind blockKind

	// heading: level 1–4, its marker (一、) and text; the rest of its
	// paragraph in spans.
	level  int
	marker string
	text   string // heading text; title text; masthead name

	style Style // paragraph
	spans []Span

	table *Table

	// figure: its height and width in points and what draws it.
	h, w float64
	draw func(c chart.Canvas, x, y, w, h float64)

	titles []string // attachment list

	n         int  // attachment number
	landscape bool // attachment, page break

	// masthead: issue, office and date; signature: office and date.
	issue, office, date string
}

// record appends a block of content; layout is done separately.
func (d *Doc) record(b block) { d.blocks = append(d.blocks, b) }
