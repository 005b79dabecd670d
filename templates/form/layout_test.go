package form_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	var dumps []string
	for i := range 2 {
		path := testkit.SaveFile(t, dir, "w"+string(rune('0'+i))+".xlsx", formtest.WriteUnit(t, formtest.Set(), "市科技局"))
		dumps = append(dumps, dump(t, path))
	}
	if dumps[0] != dumps[1] {
		t.Errorf("two writes with the same options differ:\n%s\n----\n%s", dumps[0], dumps[1])
	}
	if !strings.Contains(dumps[0], "created=2026-03-01T09:30:00Z modified=2026-03-01T09:30:00Z") {
		t.Errorf("workbook times are not the pinned time")
	}
}

func TestGolden(t *testing.T) {
	path := testkit.SaveFile(t, t.TempDir(), "small.xlsx", formtest.WriteUnit(t, formtest.Set(), "市科技局"))
	got := dump(t, path)
	golden := filepath.Join("testdata", "small.golden")
	testkit.Golden(t, golden, got)
}
