// Package docread reads policy documents as offices receive them (.txt in
// any common Chinese encoding, .docx, .html saved from a government site)
// into plain paragraphs and tables, with web-page boilerplate removed and the
// document's metadata (title, 文号, issuer, date) kept where it is present.
// It does not interpret numbering or units: that is package policy's job.
package docread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// Meta is what a document says about itself. Each field comes from the
// page's metadata labels when present, else from the text; empty when
// neither has it.
//
//   - Title: 标题, else 信息名称/文件名称, else the first title-like line at
//     the top (joined when a long title is broken over two or three lines),
//     else the web page's <title> or the .docx properties.
//   - DocNumber: 发文字号/文号/政策文号, else 文件编号, else a 文号 standing
//     on its own line at the top. Brackets are normalized to 〔〕.
//   - Issuer: 发文机关, else 发布机构/发布部门/发布单位, else 来源, else the
//     organisation signing the text.
//   - Date: 成文日期, else the signature date in the text (or the date in
//     brackets under a Party document's title), else 发布日期/发布时间, else
//     生成日期/公开日期: the date a document was signed is its date; a web
//     page is published days later.
type Meta struct {
	Title     string // 标题, e.g. 关于实施创新驱动发展战略…的意见
	DocNumber string // 文号, e.g. 泰政办发〔2017〕126号
	Issuer    string // 发布机构 / 发文机关
	Date      string // YYYY-MM-DD: 成文日期, else signature date, else 发布日期
}

// Block is one paragraph or one table of the document body, in order.
type Block struct {
	// Text is a paragraph; it may hold a whole document flattened into one
	// line. Empty for a table, and in a block with no rows either: the end
	// of a table flattened one cell a line with | after each cell (the
	// blank line the page left after it).
	Text string
	// Rows is a table, row by row, cell text trimmed; nil for a paragraph.
	// Merged cells are repeated in every row and column they span; the
	// paragraphs of a cell are joined with "\n"; empty trailing cells are
	// dropped, so rows may differ in length.
	Rows [][]string
}

// Document is a read document.
type Document struct {
	Source string // file name as given
	Meta   Meta
	Blocks []Block
	// Traditional reports that the file was in traditional characters;
	// Meta and Blocks hold the text converted to simplified ones.
	Traditional bool
}

// maxInput bounds what Read accepts; a policy document is a few hundred KB,
// so anything larger is a wrong file and must not exhaust memory. A
// variable so that tests can check the limit cheaply.
var maxInput int64 = 64 << 20

// InputError is a problem with the user's file. Msg is in Chinese and says
// what to do; the command layer shows it as is and exits without a stack of
// wrapped errors.
type InputError struct {
	File string
	Msg  string
}

func (e *InputError) Error() string { return e.File + "：" + e.Msg }

func inputErr(file, msg string) *InputError { return &InputError{File: file, Msg: msg} }

// Read reads a document from r; name is the file name as the user gave it
// (used for the extension and in messages). Problems with the file itself
// are returned as *InputError; failures of r are wrapped.
func Read(name string, r io.Reader) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("docread: reading %s: %w", name, err)
	}
	if int64(len(data)) > maxInput {
		return nil, inputErr(name, msgTooLarge)
	}
	lines, hint, err := extract(name, data)
	if err != nil {
		return nil, err
	}
	return assemble(name, lines, hint)
}

// FromBlocks makes a document of the paragraphs and tables another reader
// took from a file (a workbook's sheets): they are cleaned as a .docx's
// are, and hint's title is the document's when the text shows none. A
// paragraph's line breaks part it into paragraphs; no text at all is an
// *InputError.
func FromBlocks(name string, blocks []Block, hint Meta) (*Document, error) {
	var lines []line
	for _, b := range blocks {
		if b.Rows != nil {
			lines = append(lines, line{rows: b.Rows})
			continue
		}
		for _, s := range strings.Split(b.Text, "\n") {
			lines = append(lines, line{text: strings.TrimSpace(s)})
		}
	}
	return assemble(name, lines, hint)
}

// ReadFile opens path and calls Read. Only a regular file is opened: a
// named pipe would wait for a writer that never comes.
func ReadFile(path string) (*Document, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, inputErr(path, msgIsDir)
		}
		return nil, inputErr(path, msgNotRegular)
	}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, inputErr(path, msgNotFound)
	case errors.Is(err, fs.ErrPermission):
		return nil, inputErr(path, msgNoPermission)
	case err != nil:
		return nil, fmt.Errorf("docread: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, inputErr(path, msgIsDir)
	}
	return Read(path, f)
}

// InputProblem marks InputError as a problem in the user's input (see inputerr).
func (*InputError) InputProblem() {}

var _ inputerr.Problem = (*InputError)(nil)
