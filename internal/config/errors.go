package config

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// Error is what is wrong with a user's configuration file: every problem
// found, each with its line when it has one.
type Error struct {
	File     string
	Problems []Problem
}

// Problem is one problem of a configuration file.
type Problem struct {
	Line int // 1-based; 0 when the problem is not on one line
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("第 %d 行：%s", p.Line, p.Msg)
	}
	return p.Msg
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = FileName
	}
	if len(e.Problems) == 1 {
		return file + "：" + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s 有 %d 处问题：", file, len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// newError sorts the problems by line, dropping repeats.
func newError(file string, ps []Problem) *Error {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
	var out []Problem
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return &Error{File: file, Problems: out}
}

var yamlLineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// syntaxProblem turns a YAML parser error into a problem on the line where
// the text stops being YAML. The parser sometimes names the line before
// (or none), so the line is found as the first one at which the text read
// so far fails with the same message.
func syntaxProblem(data []byte, err error) Problem {
	line, msg := splitYAMLError(err)
	lines := strings.SplitAfter(string(data), "\n")
	for k := 1; k <= len(lines); k++ {
		perr := parseOnly([]byte(strings.Join(lines[:k], "")))
		if perr == nil {
			continue
		}
		if _, m := splitYAMLError(perr); m == msg {
			line = k
			break
		}
	}
	return Problem{Line: line, Msg: "配置文件格式有误（YAML）：" + explainYAML(msg)}
}

func splitYAMLError(err error) (int, string) { return splitYAMLMessage(err.Error()) }

// splitYAMLMessage splits "yaml: line 3: msg" into 3 and msg.
func splitYAMLMessage(s string) (int, string) {
	s = strings.TrimSpace(s)
	if m := yamlLineRe.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 0, strings.TrimPrefix(s, "yaml: ")
}

// yamlExplained are the parser's messages an office is likely to meet, in
// words that say what to fix.
var yamlExplained = []struct{ part, say string }{
	{"tab character", "用了 Tab 缩进，请改用空格"},
	{"found character that cannot start any token", "含有不能出现在此处的字符（常见原因：用了 Tab 缩进，请改用空格；或值以 @、`、% 开头，需要加引号）"},
	{"mapping values are not allowed in this context", "此处不能再有冒号“:”（一行只写一个“设置项: 值”；值中含有“: ”时请给值加引号）"},
	{"did not find expected key", "缩进不一致：同一层的设置项应对齐，下一层应多缩进两个空格"},
	{"did not find expected '-' indicator", "列表的各项应以“- ”开头并与同一列表的其他项对齐"},
	{"did not find expected ',' or ']'", "方括号 [ ] 中的列表没有正确结束（缺少“]”或项之间的逗号）"},
	{"did not find expected ',' or '}'", "花括号 { } 没有正确结束（缺少“}”或项之间的逗号）"},
	{"could not find expected ':'", "缺少冒号“:”（应写作“设置项: 值”，冒号后加一个空格）"},
	{"found unexpected end of stream", "引号或括号没有闭合"},
	{"found unknown escape character", "双引号中的反斜杠“\\”需写作“\\\\”，或改用单引号"},
	{"did not find expected node content", "缺少值，或值的写法有误"},
	{"did not find expected alphabetic or numeric character", "“&”或“*”后面应有名称；值中含有这些字符时请加引号"},
	{"unknown anchor", "引用了未定义的“*”名称；值中含有“*”时请加引号"},
}

func explainYAML(msg string) string {
	for _, e := range yamlExplained {
		if strings.Contains(msg, e.part) {
			return e.say
		}
	}
	return msg
}

// InputProblem marks Error as a problem in the user's input (see inputerr).
func (*Error) InputProblem() {}

var _ inputerr.Problem = (*Error)(nil)
