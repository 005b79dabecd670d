package demo

import (
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// The demo office's edits of its task list, made as an office makes them
// in 任务分解表.xlsx before it issues the workbooks: the items that frame a
// document (its guiding thought, principles and general requirements) are
// not tasks, and each task its document gives no lead unit gets one, chosen
// by what the task is about.

// framing are the headings whose items frame a document rather than ask
// for work.
var framing = []string{"总体要求", "总体思路", "指导思想", "基本原则"}

// leadsByTopic are the office's choices of lead unit, the first topic
// the task's title or text names deciding; defaultLead leads the rest, as
// the bureau in charge of the documents' subject (innovation).
var leadsByTopic = []struct {
	words []string
	lead  string
}{
	{[]string{"人才", "科研人员"}, "市委人才办"},
	{[]string{"高校", "院校", "大学"}, "市教育局"},
	{[]string{"知识产权"}, "市知识产权局"},
	{[]string{"金融", "资本"}, "市金融局"},
	{[]string{"对外合作", "开放合作", "以色列", "招商"}, "市商务局"},
	{[]string{"改革", "宽容失败", "体制机制"}, "市发改委"},
	{[]string{"氛围", "创新文化"}, "市委宣传部"},
	{[]string{"产业链", "产业集群", "新兴产业", "主导产业", "智造"}, "市工信局"},
}

const defaultLead = "市科技局"

// editTaskList makes the office's edits to set and returns how many items
// it took out of the tasks and how many tasks it gave a lead unit.
func editTaskList(set *task.Set) (framed, assigned int) {
	for _, d := range set.Documents {
		for _, t := range d.Tasks {
			if !t.Reportable() || len(t.Lead) > 0 {
				continue
			}
			if frames(t) {
				t.Kind = task.KindOther
				framed++
				continue
			}
			t.Lead = []string{leadFor(t.Title + t.Text)}
			t.Flags = slices.DeleteFunc(t.Flags, func(f string) bool { return strings.Contains(f, "牵头单位") })
			assigned++
		}
	}
	return framed, assigned
}

// frames reports whether t is an item of a document's framing sections.
// A target, or an item under a heading of goals (总体要求 › 发展目标), is
// work the office follows, wherever it stands.
func frames(t *task.Task) bool {
	if t.Kind == task.KindTarget {
		return false
	}
	for _, h := range t.Headings {
		if strings.Contains(h, "目标") {
			return false
		}
	}
	for _, h := range append(slices.Clone(t.Headings), t.Title) {
		for _, f := range framing {
			if strings.Contains(h, f) {
				return true
			}
		}
	}
	return false
}

// leadFor is the lead unit the office gives a task about text.
func leadFor(text string) string {
	for _, c := range leadsByTopic {
		for _, w := range c.words {
			if strings.Contains(text, w) {
				return c.lead
			}
		}
	}
	return defaultLead
}
