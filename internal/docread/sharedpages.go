package docread

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A document-sharing site (《…》由会员分享,可在线阅读…) shows a file as page
// segments numbered 1、, 2、, … at the start of their lines, each cut where
// its page ended, even inside a word (…市⏎2、住建局…). Below such a notice
// the numbers are the site's, not the document's: they are dropped and the
// segments joined into the one text they were cut from.

// sharedNoticeRe is the site's notice that the file was shared by a member.
var sharedNoticeRe = regexp.MustCompile(`由会员分享.{0,12}在线阅读`)

// segmentRe is the number a segment starts with (1、, also as an item's
// number may be written: 1. 1．1) 1） 1。, 1 or a bare 1).
var segmentRe = regexp.MustCompile(`^(\d{1,3})(?:[、.．)）。]\s*|\s+)?`)

// joinSharedPages joins the segments 1、, 2、, … that follow the notice
// (below its other lines), one after the other (blank lines between them
// allowed); at least two must follow in order, and one must end inside a
// sentence: segments that each end a sentence may be the document's own
// items 1、, 2、. It reports whether it joined any.
func joinSharedPages(lines []line) ([]line, bool) {
	start := -1
	for i, l := range lines {
		if sharedNoticeRe.MatchString(l.text) {
			start = i + 1
			break
		}
	}
	for start >= 0 && start < len(lines) && !strings.HasPrefix(lines[start].text, "1") {
		start++
	}
	if start < 0 || start == len(lines) {
		return lines, false
	}
	var parts []string
	end := start
	for k := start; k < len(lines); k++ {
		if lines[k].blank() {
			continue
		}
		m := segmentRe.FindStringSubmatch(lines[k].text)
		if m == nil || m[1] != strconv.Itoa(len(parts)+1) {
			break
		}
		parts = append(parts, lines[k].text[len(m[0]):])
		end = k + 1
	}
	if len(parts) < 2 || !cutInsideSentence(parts[:len(parts)-1]) {
		return lines, false
	}
	joined := ""
	for _, p := range parts {
		joined += p
	}
	out := append([]line(nil), lines[:start]...)
	out = append(out, line{text: joined})
	return append(out, lines[end:]...), true
}

// cutInsideSentence reports whether a segment ends without the mark that
// ends a sentence or a clause.
func cutInsideSentence(parts []string) bool {
	for _, p := range parts {
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(p)); !strings.ContainsRune("。；;！!？?）)", r) {
			return true
		}
	}
	return false
}
