package docread

import (
	"slices"
	"testing"
)

// A document-sharing site's page segments 1、, 2、 are joined, the cut word
// (市⏎2、住建局) whole again; segments that each end a sentence may be the
// document's own items and stay.
func TestJoinSharedPages(t *testing.T) {
	notice := "《分工表.docx》由会员分享,可在线阅读,更多相关内容请在本站搜索。\n"
	for _, c := range []struct{ in, want string }{
		{notice + "1、分工表序号工作内容责任单位1推进分类。市\n2、住建局2完善体系。市商务局\n",
			"分工表序号工作内容责任单位1推进分类。市住建局2完善体系。市商务局"},
		{notice + "1、推进垃圾分类。\n2、完善回收体系。\n", "1、推进垃圾分类。"},
	} {
		got := texts(mustRead(t, "a.txt", []byte(c.in)))
		if !slices.Contains(got, c.want) {
			t.Errorf("texts = %q; want a paragraph %q", got, c.want)
		}
	}
}
