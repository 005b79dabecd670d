package bulletin

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// The file taizhang writes reads back as the default wording.
func TestWordingFileRoundTrip(t *testing.T) {
	w, err := ParseWording("通报文字.txt", WordingFile(DefaultWording))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(w, DefaultWording) {
		t.Errorf("read back %+v; want the default %+v", w, DefaultWording)
	}
}

// The office's own words replace the defaults in the report; parts the
// file leaves out keep the defaults.
func TestWordingInReport(t *testing.T) {
	w, err := ParseWording("通报文字.txt", "[进展通报开头]\n根据市委部署，{发文机关}对{期次}重点任务进行了督查。\n"+
		"[下步工作要求]\n压实工作责任。各单位主要负责同志要亲自过问。\n加强跟踪问效。督查室将每月通报。\n")
	if err != nil {
		t.Fatal(err)
	}
	if w.Salutation != DefaultWording.Salutation || len(w.Requirements) != 2 {
		t.Fatalf("wording = %+v", w)
	}
	l := testLedger(t, "2024-Q3")
	c := writeReport(t, Progress(l, Options{Office: "某市督查室", Rules: score.Defaults, Wording: &w}))
	if miss := c.InOrder("各责任单位：", "根据市委部署，某市督查室对"+l.PeriodLabel+"重点任务进行了督查。",
		"五、下步工作要求", "（一）压实工作责任。", "各单位主要负责同志要亲自过问。", "（二）加强跟踪问效。"); miss != "" {
		t.Errorf("missing or out of order: %q", miss)
	}
	if c.Contains("加快推进滞后任务") {
		t.Error("the default requirements are still in the report")
	}
}

// A mistake in the file is an input error naming the file and the line
// (or, for a part left empty, what is missing).
func TestWordingErrors(t *testing.T) {
	where := func(text string) string {
		_, err := ParseWording("模板/通报文字.txt", text)
		var ie *inputerr.Error
		if !errors.As(err, &ie) || ie.File != "模板/通报文字.txt" {
			return fmt.Sprintf("not an input error of the file: %v", err)
		}
		return cmp.Or(ie.Place, ie.Msg)
	}
	testkit.Cases(t, "ParseWording", where, map[string]string{
		"[开场白]\n各位：":                 "第 1 行",
		"[称谓]\n各位：\n[进展通报开头]\n{日期}起": "第 4 行",
		"开头没有部分名称":                   "第 1 行",
		"[下步工作要求]\n# 只有说明\n":         "[下步工作要求] 下面没有文字：请至少写一段，或删去这一部分以使用默认文字",
	})
}
