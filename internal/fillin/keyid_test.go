package fillin

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dropKeyID makes the workbook look like one written before key IDs.
func dropKeyID(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(SheetMeta)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == keyKeyID {
			for _, col := range []string{"A", "B"} {
				mustDo(t, f.SetCellValue(SheetMeta, fmt.Sprint(col, i+1), ""))
			}
		}
	}
	mustDo(t, f.SetCustomProps(excelize.CustomProperty{Name: propKeyID}))
}

// TestKeyID: a return signed with another key is told apart from an edited
// one, and returns written before key IDs are read as before.
func TestKeyID(t *testing.T) {
	other := []byte("another-office-secret-key")
	if KeyID(testSecret) == KeyID(other) || len(KeyID(testSecret)) != 8 || strings.Contains(string(testSecret), KeyID(testSecret)) {
		t.Fatalf("KeyID = %s, %s", KeyID(testSecret), KeyID(other))
	}
	runCases(t, []checkCase{
		{name: "carries the key ID", usable: true, edit: func(t *testing.T, f *excelize.File) {
			rows, _ := f.GetRows(SheetMeta)
			found := false
			for _, row := range rows {
				found = found || len(row) > 1 && row[0] == keyKeyID && row[1] == KeyID(testSecret)
			}
			props, _ := f.GetCustomProps()
			inProps := false
			for _, p := range props {
				inProps = inProps || p.Name == propKeyID && p.Value == KeyID(testSecret)
			}
			if !found || !inProps {
				t.Errorf("key ID in sheet %v, in properties %v", found, inProps)
			}
		}},
		{name: "another key", opts: func(o *CheckOptions) { o.Secret = other },
			want: []want{errs("签名密钥不符", "另一把签名密钥", KeyID(testSecret), KeyID(other), "不是填报单位修改造成的", "secret.key")},
			verify: func(t *testing.T, r *Return) {
				for _, f := range levels(r, LevelError) {
					if strings.Contains(f.Msg, "被修改") {
						t.Errorf("a return signed with another key is called edited: %s", f.Msg)
					}
				}
			}},
		{name: "same key, edited metadata", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetCellValue(SheetMeta, "B3", "市发改委"))
			mustDo(t, f.SetCustomProps(excelize.CustomProperty{Name: propUnit, Value: "市发改委"}))
		}, want: []want{errs("签名不符", "签名密钥相同", "被修改过")}},
		{name: "before key IDs, same key", usable: true, edit: dropKeyID},
		{name: "before key IDs, another key", edit: dropKeyID, opts: func(o *CheckOptions) { o.Secret = other },
			want: []want{errs("签名不符")}},
	})
}
