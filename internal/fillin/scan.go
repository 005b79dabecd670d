package fillin

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A fast reader of the plain XML that spreadsheet programs write. It
// reports the same tags, attributes and text as encoding/xml's RawToken
// does in non-strict mode, without allocating per token, but only for
// the XML it is sure to read the same: a part with anything else (a
// comment, CDATA, a DOCTYPE, an entity other than the five predefined
// ones, an unquoted attribute, a character XML does not allow, a syntax
// error) is read with encoding/xml, so that hostile files give the same
// results and the same errors as before.

// useScanner is off in tests that compare the scanner's results with
// encoding/xml's.
var useScanner = true

// xmlEvents takes the tokens of a part.
type xmlEvents interface {
	start(t *tag)
	end(local string)
	text(data []byte)
}

// tag is a start tag: its local name and its attributes.
type tag struct {
	local string
	attrs []tagAttr
}

// tagAttr is an attribute, by its local name. Its value is made a string
// only when asked for: most attributes are never looked at.
type tagAttr struct {
	local string
	value []byte
}

// attr is the value of the tag's first attribute named local.
func (t *tag) attr(local string) string { return string(t.attrBytes(local)) }

// attrBytes is attr without making a string: valid until the next tag.
func (t *tag) attrBytes(local string) []byte {
	for _, a := range t.attrs {
		if a.local == local {
			return a.value
		}
	}
	return nil
}

// eachToken gives every raw token of an XML part to a reader that begin
// makes, until the end or an error. When the scanner finds the part is not
// one it reads, the tokens given so far are dropped: a new reader reads the
// part with encoding/xml.
func eachToken(data []byte, begin func() xmlEvents) error {
	if useScanner && plainXML(data) {
		s := scanner{data: data}
		if s.run(begin()) {
			return nil
		}
	}
	return eachRawToken(data, begin())
}

// eachRawToken reads the part with encoding/xml.
func eachRawToken(data []byte, h xmlEvents) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var t tag
	for {
		// RawToken gives no token with an error.
		tok, err := d.RawToken()
		switch x := tok.(type) {
		case xml.StartElement:
			t.local, t.attrs = x.Name.Local, t.attrs[:0]
			for _, a := range x.Attr {
				t.attrs = append(t.attrs, tagAttr{a.Name.Local, []byte(a.Value)})
			}
			h.start(&t)
		case xml.EndElement:
			h.end(x.Name.Local)
		case xml.CharData:
			h.text(x)
		}
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// plainXML reports whether data is valid UTF-8 of characters XML allows
// and has no markup the scanner leaves to encoding/xml.
func plainXML(data []byte) bool {
	// Valid UTF-8 has no surrogates and nothing beyond U+10FFFF: of the
	// characters XML does not allow, it can have U+FFFE, U+FFFF and the
	// control characters.
	if !utf8.Valid(data) || bytes.Contains(data, []byte("\uFFFE")) || bytes.Contains(data, []byte("\uFFFF")) ||
		bytes.Contains(data, []byte("<!")) || bytes.Contains(data, []byte("]]>")) {
		return false
	}
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// xmlChar reports whether XML allows r (encoding/xml's character range).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// declRe is the XML declarations the scanner reads: version 1.0, in UTF-8.
var declRe = regexp.MustCompile(`^<\?xml version=("1\.0"|'1\.0')( encoding=("(?i:utf-8)"|'(?i:utf-8)'))?( standalone=("yes"|"no"|'yes'|'no'))?[ \t\r\n]*\?>`)

// scanner is one pass over a part.
type scanner struct {
	data []byte
	pos  int
	t    tag
	buf  []byte // decoded text
}

// run scans the part, giving its tokens to h; false means the part needs
// encoding/xml.
func (s *scanner) run(h xmlEvents) bool {
	if bytes.HasPrefix(s.data, []byte("<?")) {
		m := declRe.Find(s.data)
		if m == nil {
			return false
		}
		s.pos = len(m)
	}
	for s.pos < len(s.data) {
		if s.data[s.pos] != '<' {
			if !s.chars(h) {
				return false
			}
			continue
		}
		s.pos++
		if s.pos >= len(s.data) {
			return false
		}
		var ok bool
		switch s.data[s.pos] {
		case '/':
			s.pos++
			ok = s.endTag(h)
		case '?', '!':
			return false
		default:
			ok = s.startTag(h)
		}
		if !ok {
			return false
		}
	}
	return true
}

// chars reads the text up to the next tag.
func (s *scanner) chars(h xmlEvents) bool {
	end := bytes.IndexByte(s.data[s.pos:], '<')
	if end < 0 {
		end = len(s.data)
	} else {
		end += s.pos
	}
	raw := s.data[s.pos:end]
	s.pos = end
	text, ok := s.decode(raw)
	if ok {
		h.text(text)
	}
	return ok
}

// endTag reads a closing tag after its "</".
func (s *scanner) endTag(h xmlEvents) bool {
	name, ok := s.nameThen('>')
	if ok {
		h.end(intern(name))
	}
	return ok
}

// nameThen reads a name and then, after any white space, the byte c.
func (s *scanner) nameThen(c byte) ([]byte, bool) {
	name, ok := s.name()
	if !ok {
		return nil, false
	}
	s.space()
	if s.pos >= len(s.data) || s.data[s.pos] != c {
		return nil, false
	}
	s.pos++
	return name, true
}

// startTag reads an opening or empty tag after its "<".
func (s *scanner) startTag(h xmlEvents) bool {
	name, ok := s.name()
	if !ok {
		return false
	}
	s.t.local, s.t.attrs = intern(name), s.t.attrs[:0]
	for {
		s.space()
		if s.pos >= len(s.data) {
			return false
		}
		switch s.data[s.pos] {
		case '>':
			s.pos++
			h.start(&s.t)
			return true
		case '/':
			if s.pos+1 >= len(s.data) || s.data[s.pos+1] != '>' {
				return false
			}
			s.pos += 2
			h.start(&s.t)
			h.end(s.t.local)
			return true
		}
		if !s.attribute() {
			return false
		}
	}
}

// attribute reads name="value" into the tag.
func (s *scanner) attribute() bool {
	name, ok := s.nameThen('=')
	if !ok {
		return false
	}
	s.space()
	if s.pos >= len(s.data) {
		return false
	}
	q := s.data[s.pos]
	if q != '"' && q != '\'' {
		return false
	}
	end := bytes.IndexByte(s.data[s.pos+1:], q)
	if end < 0 {
		return false
	}
	raw := s.data[s.pos+1 : s.pos+1+end]
	s.pos += end + 2
	if bytes.IndexByte(raw, '<') >= 0 {
		return false
	}
	value, ok := s.decode(raw)
	if ok {
		if len(value) > 0 && &value[0] != &raw[0] {
			value = bytes.Clone(value) // the buffer is the next value's
		}
		s.t.attrs = append(s.t.attrs, tagAttr{intern(name), value})
	}
	return ok
}

// space skips white space as encoding/xml does.
func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// name reads a name of ASCII letters, digits and _ . - with at most one
// colon, and returns its local part: the part after the colon when both
// sides are there, as encoding/xml reads it.
func (s *scanner) name() ([]byte, bool) {
	start, colon, colons := s.pos, 0, 0
	for s.pos < len(s.data) && nameBytes[s.data[s.pos]] {
		if s.data[s.pos] == ':' {
			colon = s.pos - start
			colons++
		}
		s.pos++
	}
	b := s.data[start:s.pos]
	if len(b) == 0 || !letter(b[0]) && b[0] != '_' || colons > 1 {
		return nil, false
	}
	if colons == 1 && colon > 0 && colon < len(b)-1 {
		b = b[colon+1:]
	}
	return b, true
}

// intern gives the names of the parts a return is read from without
// allocating them.
func intern(b []byte) string {
	if n := nameSlots[nameSlot(b)]; n == string(b) {
		return n
	}
	if n, ok := knownNames[string(b)]; ok {
		return n
	}
	return string(b)
}

const numSlots = 1024 // a power of two

// nameSlot hashes a name into nameSlots.
func nameSlot(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	return (len(b)*131 + int(b[0])*31 + int(b[len(b)-1])) & (numSlots - 1)
}

// nameSlots hold most known names where nameSlot finds them, faster than
// a map; the names that share a slot are looked up in knownNames. The
// names listed first win a slot.
var nameSlots = func() (t [numSlots]string) {
	for _, n := range nameList {
		if i := nameSlot([]byte(n)); t[i] == "" {
			t[i] = n
		}
	}
	return t
}()

// knownNames are the tag and attribute names of the parts a return is
// read from, as spreadsheet programs write them.
var knownNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range nameList {
		m[n] = n
	}
	return m
}()

// nameList are knownNames, the most frequent first.
var nameList = strings.Fields(`c v r s t f is si row spans ht customHeight customFormat hidden
		worksheet sheetPr pageSetUpPr fitToPage outlinePr dimension ref sheetViews sheetView tabSelected
		workbookViewId pane activePane state topLeftCell xSplit ySplit selection activeCell sqref
		sheetFormatPr defaultRowHeight baseColWidth cols col customWidth max min width style sheetData
		mergeCells mergeCell count dataValidations dataValidation type allowBlank showInputMessage
		showErrorMessage errorTitle error promptTitle prompt operator formula1 formula2 sheetProtection
		sheet password objects scenarios formatCells formatColumns formatRows selectLockedCells
		pageMargins left right top bottom header footer pageSetup orientation paperSize legacyDrawing
		id sst uniqueCount rPh rPr rFont sz color rgb theme family scheme charset b i u
		styleSheet numFmts numFmt numFmtId formatCode fonts font name val fills fill patternFill
		patternType fgColor bgColor borders border diagonal cellStyleXfs cellXfs xf fontId fillId
		borderId xfId applyNumberFormat applyFont applyFill applyBorder applyAlignment applyProtection
		alignment horizontal vertical wrapText protection locked cellStyles cellStyle builtinId
		Relationships Relationship Id Type Target TargetMode Properties property fmtid pid lpwstr
		workbook fileVersion workbookPr date1904 bookViews workbookView sheets sheetId definedNames
		definedName localSheetId calcPr calcId xmlns mc Ignorable`)

func letter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// nameBytes are the bytes a name may have.
var nameBytes = func() (t [256]bool) {
	for c := range 256 {
		b := byte(c)
		t[c] = letter(b) || '0' <= b && b <= '9' || b == '_' || b == ':' || b == '.' || b == '-'
	}
	return t
}()

// decode resolves the predefined entities and character references of
// raw and turns \r\n and \r into \n, as encoding/xml does; false means
// raw has a reference the scanner leaves to encoding/xml.
func (s *scanner) decode(raw []byte) ([]byte, bool) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return raw, true
	}
	s.buf = s.buf[:0]
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '&':
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return nil, false
			}
			r, ok := entityRune(raw[i+1 : i+semi])
			if !ok {
				return nil, false
			}
			s.buf = utf8.AppendRune(s.buf, r)
			i += semi
		case '\r':
			s.buf = append(s.buf, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		default:
			s.buf = append(s.buf, c)
		}
	}
	return s.buf, true
}

// entityRune reads a predefined entity or a character reference, without
// its & and ;.
func entityRune(e []byte) (rune, bool) {
	switch string(e) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	digits, base := e[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !xmlChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}
