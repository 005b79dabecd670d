package docread

import (
	"strings"
	"testing"
)

// A page in traditional characters is read in simplified ones and says so;
// a simplified page with a stray traditional-only character (a name with
// 乾) is left as it is.
func TestTraditionalPageSimplified(t *testing.T) {
	text := "吉林省人民政府關于落實東北振興政策舉措的意見\n各市(州)人民政府,省政府各廳委辦、各直屬機構:\n" +
		"一、著力激發市場活力\n1.進一步加快推進簡政放權,做好前置審批事項對口承接工作。(省發展改革委、省編辦、省國土資源廳負責,列第一位的為牽頭部門,下同)\n"
	d, err := Read("t.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if !d.Traditional {
		t.Fatal("a traditional page is not marked as such")
	}
	var all []string
	for _, b := range d.Blocks {
		all = append(all, b.Text)
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{"省发展改革委、省编办、省国土资源厅负责", "列第一位的为牵头部门", "进一步加快推进简政放权"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	d, err = Read("t.txt", strings.NewReader("某镇重点工作计划\n一、河道治理\n1.完成河道清淤5公里。（责任领导：欧乾震；责任科室：水利站）\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Traditional || !strings.Contains(d.Blocks[len(d.Blocks)-1].Text, "欧乾震") {
		t.Errorf("a simplified page was converted: %+v", d.Blocks)
	}
}
