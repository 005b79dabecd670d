package docread

import (
	"regexp"
	"strings"
)

// Artefacts of extraction that a copy leaves as text. A web page's source
// copied without its tags keeps its entities (&nbsp;) and its line breaks
// (<br>) as characters; a web editor justifies an owner label with
// no-break spaces (责任 单位 ： 市发改委). Each is written back as what it
// stands for, so that a line starts with its number and a label is one
// word again.

// webEntities are the entities and break tags a plain text copied from a
// page's source keeps, with what each stands for. Nothing of a policy
// document's own is written so.
var webEntities = strings.NewReplacer(
	"&nbsp;", "\u00a0", "&ensp;", "\u2002", "&emsp;", "\u3000", "&thinsp;", "\u2009",
	"&ldquo;", "“", "&rdquo;", "”", "&lsquo;", "‘", "&rsquo;", "’", "&mdash;", "—", "&hellip;", "…",
	"&middot;", "·", "&quot;", "\"", "&lt;", "<", "&gt;", ">", "&amp;", "&",
	"<br>", "\n", "<br/>", "\n", "<br />", "\n", "<BR>", "\n", "<BR/>", "\n", "<BR />", "\n",
)

// dropWebArtefacts writes the entities and <br> tags left in a plain text
// as the characters and line breaks they stand for.
func dropWebArtefacts(text string) string {
	if !strings.Contains(text, "&") && !strings.Contains(text, "<") {
		return text
	}
	return webEntities.Replace(text)
}

// spacedLabelRe is an owner label with a space inside it or before its
// colon (责任 单位 ：), and the space after the colon.
var spacedLabelRe = regexp.MustCompile(`(` + ownerRoles + `) ?(` + ownerBodies + `) ?([：:]) ?`)

// joinSpacedLabel writes an owner label justified with spaces (责任 单位 ：
// A) as one word and its colon (责任单位：A). Only a label followed by its
// colon: the colon tells the words for a label, not two units.
func joinSpacedLabel(s string) string {
	if !strings.Contains(s, " ") || !strings.ContainsAny(s, "：:") {
		return s
	}
	return spacedLabelRe.ReplaceAllStringFunc(s, func(m string) string {
		if !strings.Contains(m, " ") {
			return m
		}
		return strings.ReplaceAll(m, " ", "")
	})
}

// pageJoinRe is the mark a copy puts where a page goes on from the page
// before ([接上页], 【续上页】), at a line's start.
var pageJoinRe = regexp.MustCompile(`^[ \t\x{3000}]*[\[［【(（][ \t\x{3000}]*(?:接|续)上页[ \t\x{3000}]*[\]］】)）][ \t\x{3000}]*`)

// dropPageJoin removes such a mark: the page's first item opens the line
// as it opened its line in the document.
func dropPageJoin(s string) string {
	if !strings.Contains(s, "上页") {
		return s
	}
	return pageJoinRe.ReplaceAllString(s, "")
}
