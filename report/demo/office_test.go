package demo

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/task"
)

func TestEditTaskList(t *testing.T) {
	set := &task.Set{Documents: []*task.Document{{Tasks: []*task.Task{
		{ID: "a", Kind: task.KindTask, Headings: []string{"总体要求", "基本原则"}, Title: "市场主导,政府引导"},
		{ID: "b", Kind: task.KindTask, Title: "鼓励创新宽容失败", Flags: []string{"文件未列责任单位，请指定牵头单位", "编号与前文重复，请核对原文编号"}},
		{ID: "c", Kind: task.KindTask, Title: "推进一网通办", Lead: []string{"市政务办"}},
		{ID: "d", Kind: task.KindOther, Title: "指导思想"},
		{ID: "e", Kind: task.KindTask, Title: "构建人才发展新格局"},
		{ID: "f", Kind: task.KindTarget, Title: "高水平建设重大科技创新平台"},
		{ID: "g", Kind: task.KindTarget, Headings: []string{"总体要求", "发展目标"}, Title: "研究与试验发展经费占地区生产总值比重达到3.6%"},
		{ID: "h", Kind: task.KindTask, Headings: []string{"总体要求", "主要目标"}, Title: "建成创新型城市"},
	}}}}
	framed, assigned := editTaskList(set)
	if framed != 1 || assigned != 5 {
		t.Errorf("framed %d, assigned %d; want 1 and 5 (goals under 总体要求 stay tasks)", framed, assigned)
	}
	ts := set.Documents[0].Tasks
	if ts[0].Kind != task.KindOther {
		t.Errorf("a principle stays a %s; want other", ts[0].Kind)
	}
	if len(ts[1].Lead) != 1 || ts[1].Lead[0] != "市发改委" || len(ts[1].Flags) != 1 {
		t.Errorf("task b: lead %v, flags %v; want 市发改委 and only the numbering flag", ts[1].Lead, ts[1].Flags)
	}
	if ts[2].Lead[0] != "市政务办" {
		t.Errorf("a document's own lead changed to %v", ts[2].Lead)
	}
	for i, want := range map[int]string{4: "市委人才办", 5: defaultLead} {
		if got := ts[i].Lead; len(got) != 1 || got[0] != want {
			t.Errorf("task %s (%s): lead %v; want %s", ts[i].ID, ts[i].Title, got, want)
		}
	}
}
