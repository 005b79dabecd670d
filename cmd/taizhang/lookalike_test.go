package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnitsWrittenTwoWays: a document that writes one unit two ways gets a
// warning from parse and templates; once the office makes one an alias,
// templates writes one workbook and names the other unit's earlier one as
// not to be sent.
func TestUnitsWrittenTwoWays(t *testing.T) {
	ws := newWorkspace(t)
	doc := "一、推进改革\n1.完善制度。（牵头单位：市发展改革委）\n2.优化服务。（牵头单位：市发展和改革委员会；配合单位：市财政局）\n"
	if err := os.WriteFile(filepath.Join(ws, "政策文件", "分工.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "parse", "--workspace", ws)
	if code != exitOK || !strings.Contains(out, "可能是同一单位") || !strings.Contains(out, "市发展改革委 与 市发展和改革委员会") {
		t.Fatalf("parse: exit %d, no look-alike warning:\n%s%s", code, out, errOut)
	}
	if code, out, errOut = runCmd(t, "templates", "--workspace", ws); code != exitOK || !strings.Contains(out, "市发展改革委 与 市发展和改革委员会") {
		t.Fatalf("templates: exit %d, no look-alike warning:\n%s%s", code, out, errOut)
	}
	editConfig(t, ws, "  # 市食药监局: 市市场监管局", "  市发展和改革委员会: 市发展改革委")
	code, out, errOut = runCmd(t, "templates", "--workspace", ws)
	if code != exitOK || strings.Contains(out, "可能是同一单位") {
		t.Fatalf("templates after the alias: exit %d:\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "另有 1 份不是本次生成的文件") || !strings.Contains(out, "_市发展和改革委员会_填报表.xlsx") {
		t.Errorf("templates does not name the earlier workbook left behind:\n%s", out)
	}
}
