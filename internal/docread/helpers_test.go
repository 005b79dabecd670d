package docread

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// Fixtures are built in code rather than stored: a .docx is a zip of a few
// XML strings, and GBK or UTF-16 bytes come from the encoders.

const (
	wNS  = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	mcNS = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
)

// docxFiles returns the parts of a minimal .docx with body as the
// content of w:body.
func docxFiles(body string) map[string]string {
	return map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + ` ` + mcNS + `><w:body>` + body + `</w:body></w:document>`,
	}
}

func buildDocx(t testing.TB, body string) []byte {
	return testkit.Zip(t, docxFiles(body))
}

// wp is a Word paragraph with one run per text.
func wp(texts ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, t := range texts {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + t + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// wnum is a paragraph numbered by list numID at level ilvl.
func wnum(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` +
		`<w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func mustRead(t *testing.T, name string, data []byte) *Document {
	t.Helper()
	doc, err := Read(name, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read(%q) error: %v", name, err)
	}
	return doc
}

// texts returns the paragraph texts of a document, tables as "[table]".
func texts(doc *Document) []string {
	out := make([]string, len(doc.Blocks))
	for i, b := range doc.Blocks {
		if b.Rows != nil {
			out[i] = "[table]"
		} else {
			out[i] = b.Text
		}
	}
	return out
}

func tables(doc *Document) [][][]string {
	var out [][][]string
	for _, b := range doc.Blocks {
		if b.Rows != nil {
			out = append(out, b.Rows)
		}
	}
	return out
}

func inputError(t *testing.T, err error) *InputError {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error = %v (%T); want *InputError", err, err)
	}
	return ie
}
