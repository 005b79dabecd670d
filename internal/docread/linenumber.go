package docread

import (
	"regexp"
	"strconv"
)

// A line behind a number and a space: the number a PDF viewer that shows
// line numbers puts before every line of text it copies.
var lineNumberRe = regexp.MustCompile(`^(\d{1,5})[ \t]+(\S.*)$`)

// A line that starts a numbered item, heading or article (#12 for an item
// numbered by its id), or with a figure (a 序号 cell, a date).
var numberedLineRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d|[#＃]\d|第[一二三四五六七八九十百\d]+[章条节部])`)

// dropLineNumbers removes the line numbers of a text copied from a PDF
// viewer: every line that is not blank starts with a number and a space,
// the numbers run on by one without a gap, and behind some of them stands
// a numbered item of the text or a figure (12 一、总体要求, 13 1.推进……,
// 14 2024年3月1日), or a line of the site around the document (2 首页 >
// 部门动态, which no list numbers) or a field of the page's (3 发布部门:…). Items numbered 1 2 3 without
// punctuation would run on too, but their text does not start with a
// number of its own. Fewer than five lines, or a table row among them, are
// left as they are.
func dropLineNumbers(lines []line) {
	var at []int
	var texts []string // each numbered line's text behind its number
	next, numbered := -1, false
	for i, l := range lines {
		if l.rows != nil {
			return
		}
		if l.text == "" {
			continue
		}
		m := lineNumberRe.FindStringSubmatch(l.text)
		if m == nil {
			return
		}
		n, _ := strconv.Atoi(m[1])
		if next >= 0 && n != next {
			return
		}
		next = n + 1
		numbered = numbered || numberedLineRe.MatchString(m[2]) || isBoilerplate(m[2]) || labelLed(m[2])
		at = append(at, i)
		texts = append(texts, m[2])
	}
	if len(at) < 3 || !numbered {
		return
	}
	for k, i := range at {
		// A mojibake heading (?。ㄒ唬) is realigned only at the line's
		// start: now it stands there.
		lines[i].text = realignShifted(texts[k])
	}
}
