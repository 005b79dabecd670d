package fillin_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// dropKeyID makes the workbook look like one written before key IDs.
func dropKeyID(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(fillin.SheetMeta)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == fillin.MetaKeyID {
			for _, col := range []string{"A", "B"} {
				mustDo(t, f.SetCellValue(fillin.SheetMeta, fmt.Sprint(col, i+1), ""))
			}
		}
	}
	mustDo(t, f.SetCustomProps(excelize.CustomProperty{Name: fillin.PropKeyID}))
}

// TestKeyID: a return signed with another key is told apart from an edited
// one, and returns written before key IDs are read as before.
func TestKeyID(t *testing.T) {
	other := []byte("another-office-secret-key")
	if fillin.KeyID(formtest.Secret) == fillin.KeyID(other) || len(fillin.KeyID(formtest.Secret)) != 8 || strings.Contains(string(formtest.Secret), fillin.KeyID(formtest.Secret)) {
		t.Fatalf("fillin.KeyID = %s, %s", fillin.KeyID(formtest.Secret), fillin.KeyID(other))
	}
	runCases(t, []checkCase{
		{name: "carries the key ID", usable: true, edit: func(t *testing.T, f *excelize.File) {
			rows, _ := f.GetRows(fillin.SheetMeta)
			found := false
			for _, row := range rows {
				found = found || len(row) > 1 && row[0] == fillin.MetaKeyID && row[1] == fillin.KeyID(formtest.Secret)
			}
			props, _ := f.GetCustomProps()
			inProps := false
			for _, p := range props {
				inProps = inProps || p.Name == fillin.PropKeyID && p.Value == fillin.KeyID(formtest.Secret)
			}
			if !found || !inProps {
				t.Errorf("key ID in sheet %v, in properties %v", found, inProps)
			}
		}},
		{name: "another key", opts: func(o *fillin.CheckOptions) { o.Secret = other },
			want: []want{errs("签名密钥不符", "另一把签名密钥", fillin.KeyID(formtest.Secret), fillin.KeyID(other), "不是填报单位修改造成的", "secret.key")},
			verify: func(t *testing.T, r *fillin.Return) {
				for _, f := range formtest.Levels(r, fillin.LevelError) {
					if strings.Contains(f.Msg, "被修改") {
						t.Errorf("a return signed with another key is called edited: %s", f.Msg)
					}
				}
			}},
		{name: "same key, edited metadata", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetCellValue(fillin.SheetMeta, "B3", "市发改委"))
			mustDo(t, f.SetCustomProps(excelize.CustomProperty{Name: fillin.PropUnit, Value: "市发改委"}))
		}, want: []want{errs("签名不符", "签名密钥相同", "被修改过")}},
		{name: "before key IDs, same key", usable: true, edit: dropKeyID},
		{name: "before key IDs, another key", edit: dropKeyID, opts: func(o *fillin.CheckOptions) { o.Secret = other },
			want: []want{errs("签名不符")}},
	})
}
