package task

import (
	"reflect"
	"testing"
)

func TestReviewsGroupFlagsInFirstOrder(t *testing.T) {
	d := &Document{Tasks: []*Task{
		{Path: []string{"一"}, Flags: []string{"无牵头单位"}},
		{Path: []string{"二"}},
		{Path: []string{"三"}, Flags: []string{"无完成时限", "无牵头单位"}},
	}}
	want := []Review{{Flag: "无牵头单位", Labels: []string{"一", "三"}}, {Flag: "无完成时限", Labels: []string{"三"}}}
	if got := d.Reviews(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Reviews() = %v, want %v", got, want)
	}
}
