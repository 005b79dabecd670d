package config

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// file is a user's configuration file as read: where each setting is, so
// that problems found after decoding can name their line.
type file struct {
	keys     map[string]*yaml.Node // setting path → its key
	vals     map[string]*yaml.Node // setting path → its value
	problems []Problem
	empty    bool // the file holds no setting at all (empty, or only comments)
}

// Paths name settings: "lights.green_within", "units[2].name",
// "aliases.市经信委", "collective_expand.各市(区)[1]".

// at is the line of the first of paths the file sets: the key's line for a
// setting, the item's line for a list item; 0 when it sets none of them.
func (f *file) at(paths ...string) int {
	for _, p := range paths {
		if n := f.keys[p]; n != nil {
			return n.Line
		}
		if n := f.vals[p]; n != nil {
			return n.Line
		}
	}
	return 0
}

func (f *file) sets(path string) bool { return f.keys[path] != nil || f.vals[path] != nil }

func (f *file) problem(line int, format string, args ...any) {
	f.problems = append(f.problems, Problem{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// decode checks data against the shape of Config — known keys, the kind of
// each value — and decodes it over c. A setting left empty keeps its
// default.
func decode(c *Config, name string, data []byte) (*file, error) {
	f := &file{keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	data = toUTF8(data)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, newError(name, []Problem{syntaxProblem(data, err)})
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		f.empty = true // empty, or only comments
		return f, nil
	}
	root := doc.Content[0]
	f.walk(root, reflect.TypeOf(*c), "", "")
	if len(f.problems) > 0 {
		return nil, newError(name, f.problems)
	}
	if err := root.Decode(c); err != nil {
		return nil, newError(name, decodeProblems(err))
	}
	return f, nil
}

// toUTF8 drops a byte-order mark and reads a file saved as GBK/GB18030 (as
// older Windows editors do).
func toUTF8(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data
	}
	if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil && utf8.Valid(d) {
		return d
	}
	return data
}

// parseOnly parses without decoding, for locating syntax errors.
func parseOnly(data []byte) error {
	var n yaml.Node
	return yaml.Unmarshal(data, &n)
}

func decodeProblems(err error) []Problem {
	var ps []Problem
	if te, ok := err.(*yaml.TypeError); ok {
		for _, e := range te.Errors {
			n, msg := splitYAMLMessage(e)
			ps = append(ps, Problem{Line: n, Msg: "设置的值有误：" + msg})
		}
		return ps
	}
	n, msg := splitYAMLMessage(err.Error())
	return []Problem{{Line: n, Msg: "设置的值有误：" + msg}}
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

var unitType = reflect.TypeOf(Unit{})

// walk checks node n against type t. label names the setting in messages.
func (f *file) walk(n *yaml.Node, t reflect.Type, path, label string) {
	n = deref(n)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f.vals[path] = n
	switch {
	case t == unitType:
		switch n.Kind {
		case yaml.ScalarNode: // just the name
		case yaml.MappingNode:
			f.walkStruct(n, t, path, label)
		default:
			f.problem(n.Line, "%s应为单位名称，或写作 {name: 单位名称, aliases: [别名], short: 简称}", named(label))
		}
	case t.Kind() == reflect.Struct:
		f.walkStruct(n, t, path, label)
	case t.Kind() == reflect.Map:
		f.walkMap(n, t, path, label)
	case t.Kind() == reflect.Slice:
		f.walkList(n, t, path, label)
	case t.Kind() == reflect.String:
		if n.Kind != yaml.ScalarNode {
			f.problem(n.Line, "%s应为一段文字（名称或路径），而不是列表或一组设置", named(label))
		}
	case t.Kind() == reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			f.problem(n.Line, "%s应为整数，而不是“%s”", named(label), shown(n))
		}
	case t.Kind() == reflect.Float64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" && n.Tag != "!!float" {
			hint := ""
			if strings.Contains(n.Value, "%") || strings.Contains(n.Value, "％") {
				hint = "（不带 % 号）"
			}
			f.problem(n.Line, "%s应为数字%s，而不是“%s”", named(label), hint, shown(n))
		} else if x, ok := nodeFloat(n); ok && !(math.Abs(x) <= maxSetting) { // also NaN
			f.problem(n.Line, "%s应为绝对值不超过 %d 的数字，而不是“%s”", named(label), maxSetting, shown(n))
		}
	}
}

// maxSetting bounds the numbers of the configuration: points, caps and
// thresholds are tens, and .inf or 1e308 would make every score and light
// computed from them infinite.
const maxSetting = 1000000

// nodeFloat is the number a scalar node holds.
func nodeFloat(n *yaml.Node) (float64, bool) {
	var x float64
	return x, n.Decode(&x) == nil
}

// shown is a value as the user wrote it, for messages.
func shown(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		return "一个列表"
	}
	return "一组设置"
}

func (f *file) walkStruct(n *yaml.Node, t reflect.Type, path, label string) {
	if n.Kind != yaml.MappingNode {
		f.problem(n.Line, "%s下应为若干“设置项: 值”（每项一行，比上一级多缩进两个空格），而不是“%s”", named(orTop(label)), shown(n))
		return
	}
	fields, names := yamlFields(t)
	seen := map[string]int{}
	var keep []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if first, dup := seen[key]; dup {
			f.problem(k.Line, "设置项“%s”重复（第 %d 行已有）：请删去一处", key, first)
			continue
		}
		seen[key] = k.Line
		ft, ok := fields[key]
		if !ok {
			f.unknown(k, key, label, names)
			continue
		}
		sub := join(path, key)
		f.keys[sub] = k
		if isNull(v) {
			continue // left empty: keeps its default
		}
		keep = append(keep, k, v)
		f.walk(v, ft, sub, key)
	}
	n.Content = keep
}

// fixedKeys are the keys a map-valued setting accepts; other maps take any.
var fixedKeys = map[string][]string{"fonts": FontSlots}

func (f *file) walkMap(n *yaml.Node, t reflect.Type, path, label string) {
	if n.Kind != yaml.MappingNode {
		f.problem(n.Line, "%s下应为若干“名称: 值”，每项一行，比上一级多缩进两个空格", named(label))
		return
	}
	allowed := fixedKeys[path]
	seen := map[string]int{}
	var keep []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := strings.TrimSpace(k.Value)
		if k.Kind != yaml.ScalarNode || key == "" {
			f.problem(k.Line, "%s中有一项的名称是空的", named(label))
			continue
		}
		if first, dup := seen[key]; dup {
			f.problem(k.Line, "%s中“%s”重复（第 %d 行已有）", named(label), key, first)
			continue
		}
		seen[key] = k.Line
		if allowed != nil && !contains(allowed, key) {
			f.unknown(k, key, label, allowed)
			continue
		}
		sub := path + "." + key
		f.keys[sub] = k
		if isNull(v) {
			if allowed != nil {
				continue // an optional slot left empty
			}
			f.problem(k.Line, "%s", emptyEntry(path, key))
			continue
		}
		keep = append(keep, k, v)
		f.walk(v, t.Elem(), sub, "“"+key+"”")
	}
	n.Content = keep
}

func emptyEntry(path, key string) string {
	switch path {
	case "aliases":
		return fmt.Sprintf("别名“%s”后面没有写对应的单位名称（应写作 %s: 单位名称）", key, key)
	case "collective_expand":
		return fmt.Sprintf("集体称谓“%s”后面没有列出它代表的单位（应写作 %s: [单位甲, 单位乙]）", key, key)
	}
	return fmt.Sprintf("“%s”后面没有写值", key)
}

func (f *file) walkList(n *yaml.Node, t reflect.Type, path, label string) {
	if n.Kind == yaml.ScalarNode && t.Elem().Kind() == reflect.String {
		// One name where a list is expected: a list of one.
		item := *n
		*n = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: item.Line, Column: item.Column, Content: []*yaml.Node{&item}}
	}
	if n.Kind != yaml.SequenceNode {
		f.problem(n.Line, "%s应为列表：每项一行，以“- ”开头，或写作 [甲, 乙]", named(label))
		return
	}
	for i, item := range n.Content {
		sub := fmt.Sprintf("%s[%d]", path, i)
		itemLabel := fmt.Sprintf("%s的第 %d 项", named(label), i+1)
		if isNull(item) {
			f.problem(item.Line, "%s是空的：请删去该行或写上内容", itemLabel)
			continue
		}
		f.walk(item, t.Elem(), sub, itemLabel)
	}
}

// unknown reports a key that is not a setting, with the closest one.
func (f *file) unknown(k *yaml.Node, key, parent string, known []string) {
	if parent == "" {
		switch strings.ToLower(key) {
		case "statuses", "status", "完成状态":
			f.problem(k.Line, "完成状态固定为 已完成、按序时推进、滞后、未启动、持续推进，不能在配置文件中修改：请删去“%s”", key)
			return
		case "secret", "key", "secret_key", "密钥":
			f.problem(k.Line, "签名密钥不写在配置文件中（它保存在工作目录的 .taizhang/secret.key，切勿外发）：请删去“%s”", key)
			return
		}
	}
	msg := "未知的设置项“" + key + "”"
	if parent != "" {
		msg += "（在 " + parent + " 下）"
	}
	if s := inputerr.Closest(key, known); s != "" {
		msg += "，是否应为“" + s + "”？"
	} else {
		msg += "；此处可用的设置项：" + strings.Join(known, "、")
	}
	f.problem(k.Line, "%s", msg)
}

// named puts a space after a label that ends in a Latin letter or digit,
// before the Chinese that follows it.
func named(label string) string {
	if label != "" && label[len(label)-1] < utf8.RuneSelf {
		return label + " "
	}
	return label
}

func orTop(label string) string {
	if label == "" {
		return "配置文件"
	}
	return label
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// yamlFields maps the yaml keys of struct t to the fields' types; names
// keeps their order.
func yamlFields(t reflect.Type) (map[string]reflect.Type, []string) {
	m := map[string]reflect.Type{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		m[name] = sf.Type
		names = append(names, name)
	}
	return m, names
}
