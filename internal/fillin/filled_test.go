package fillin_test

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestFilled(t *testing.T) {
	s := formtest.Set()
	blank := formtest.WriteUnit(t, s, "市科技局")
	tests := []struct {
		name string
		edit func(f *excelize.File)
		want bool
	}{
		{"blank", func(*excelize.File) {}, false},
		{"filler only", func(f *excelize.File) { formtest.SetCell(t, f, "B3", "张三") }, true},
		{"one remark", func(f *excelize.File) {
			formtest.SetCell(t, f, formtest.Cell(fillin.ColRemark, fillin.RowFirst+1), "见附件")
		}, true},
		{"one percent", func(f *excelize.File) { formtest.SetCell(t, f, formtest.Cell(fillin.ColPercent, fillin.RowFirst), 0) }, true},
		{"all", func(f *excelize.File) { formtest.FillIn(t, f, 4) }, true},
	}
	for _, tt := range tests {
		f := testkit.OpenBytes(t, blank)
		tt.edit(f)
		if got := fillin.Filled(testkit.SaveBytes(t, f)); got != tt.want {
			t.Errorf("fillin.Filled(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
	if !fillin.Filled([]byte("not a workbook")) {
		t.Error("an unreadable file counts as not filled")
	}
}
