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
		// A segment that holds several paragraphs run together is joined
		// before they are parted: the second segment goes on the first's
		// last paragraph, and the paragraphs are parted after.
		{notice + "1、实施方案 (一)加快网络建设。 1.加快站址审批。各县要明确主管部门和职责分工,做好本地区站址规划编制审批工作,规划审批完成后及时向社会进行公示,自然资源和规划部门要加大支持力度,保障基站建设用地。(责任单位:市通信办、市工信局\n2、、市自然资源和规划局)\n",
			"1.加快站址审批。各县要明确主管部门和职责分工,做好本地区站址规划编制审批工作,规划审批完成后及时向社会进行公示,自然资源和规划部门要加大支持力度,保障基站建设用地。(责任单位:市通信办、市工信局、市自然资源和规划局)"},
	} {
		got := texts(mustRead(t, "a.txt", []byte(c.in)))
		if !slices.Contains(got, c.want) {
			t.Errorf("texts = %q; want a paragraph %q", got, c.want)
		}
	}
}
