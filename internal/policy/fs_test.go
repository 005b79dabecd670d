package policy

import (
	"os"
	"testing"
)

func TestParseFS(t *testing.T) {
	cfg := loadConfig(t, "")
	set, err := ParseFS(os.DirFS("../../seeds"), "*.txt", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Documents) != 5 || set.Documents[0].Source != "000_ced7f791c4343474.txt" {
		t.Fatalf("%d documents, first %q", len(set.Documents), set.Documents[0].Source)
	}
	if _, err := ParseFS(os.DirFS("../../seeds"), "[", cfg); err == nil {
		t.Error("a bad pattern is not an error")
	}
}
