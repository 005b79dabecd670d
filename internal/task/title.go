package task

import (
	"cmp"
	"strings"
)

// ShortTitle is a document's short name: the name inside the first 《》 of
// its title when the title has one, else the title as it is.
func ShortTitle(title string) string {
	if i := strings.Index(title, "《"); i >= 0 {
		if j := strings.Index(title[i:], "》"); j > 0 {
			return title[i+len("《") : i+j]
		}
	}
	return title
}

// Content is a task as a reader reads it in one cell: the title, then the
// text, without repeating a title the text already starts with, joined by
// "：" unless the title already ends in punctuation.
func Content(title, text string) string {
	title, text = strings.TrimSpace(title), strings.TrimSpace(text)
	switch {
	case title == "":
		return text
	case text == "" || strings.HasPrefix(text, title):
		return cmp.Or(text, title)
	case strings.ContainsAny(lastRune(title), "。；：！？.;:!?"):
		return title + text
	}
	return title + "：" + text
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}
