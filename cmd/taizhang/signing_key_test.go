package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// TestLostSigningKey: templates never makes a new key silently where
// workbooks were issued with the lost one; it says how to restore it. A
// return signed with another key is reported as such by check, not as
// edited by its unit; with the key restored it passes again.
func TestLostSigningKey(t *testing.T) {
	ws := newWorkspace(t, seed003)
	if code, _, errOut := runCmd(t, "parse", "--workspace", ws); code != exitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCmd(t, "templates", "--workspace", ws); code != exitOK {
		t.Fatal(errOut)
	}
	p, _ := period.Parse("2024-Q4")
	books, _ := filepath.Glob(filepath.Join(ws, p.String(), "填报表", "*.xlsx"))
	returns := filepath.Join(ws, p.String(), "报送")
	if _, err := samplefix.FillReturns(books, returns, samplefix.Options{Period: p, Seed: 2024}); err != nil {
		t.Fatal(err)
	}
	keyPath := workspace.KeyPath(ws)
	key, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	k, _, _ := workspace.Secret(ws, false)
	oldID := fillin.KeyID(k)

	// The key is lost (deleted, or .taizhang left behind in a copy).
	if err := os.Remove(keyPath); err != nil {
		t.Fatal(err)
	}
	before := hashDir(t, filepath.Join(ws, p.String(), "填报表"))
	code, _, errOut := runCmd(t, "templates", "--workspace", ws)
	if code != exitInput {
		t.Fatalf("templates without the key: exit %d %s; want 1", code, errOut)
	}
	for _, want := range []string{"secret.key", "找不到办公室签名密钥", "已经下发过填报表", "从备份", oldID, "--new-key"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("message lacks %q: %s", want, errOut)
		}
	}
	if _, err := os.Stat(keyPath); err == nil {
		t.Error("templates made a new key over a lost one")
	}
	for f, h := range hashDir(t, filepath.Join(ws, p.String(), "填报表")) {
		if before[f] != h {
			t.Errorf("the refused templates changed %s", f)
		}
	}

	// Given up on purpose: a new key; the returns signed with the old one
	// are reported as signed with another key, not as edited.
	code, _, errOut = runCmd(t, "templates", "--workspace", ws, "--new-key", "-o", filepath.Join(t.TempDir(), "新填报表"))
	if code != exitOK {
		t.Fatalf("templates --new-key: exit %d %s", code, errOut)
	}
	code, out, _ := runCmd(t, "check", "--workspace", ws)
	if code != exitInput || !strings.Contains(out, "签名密钥不符") || !strings.Contains(out, oldID) {
		t.Errorf("check with another key: exit %d\n%s", code, out)
	}
	if strings.Contains(out, "被修改过") {
		t.Errorf("check blames the units for the office's key: %s", out)
	}

	// With the new key in place, templates warns that the workbooks issued
	// here carry the old one.
	code, _, errOut = runCmd(t, "templates", "--workspace", ws, "-o", filepath.Join(t.TempDir(), "再次"))
	if code != exitOK || !strings.Contains(errOut, "密钥在下发后被替换过") || !strings.Contains(errOut, oldID) {
		t.Errorf("templates with a replaced key: exit %d %s", code, errOut)
	}

	// The key restored from a backup: everything checks again.
	if err := os.WriteFile(keyPath, key, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCmd(t, "check", "--workspace", ws)
	if strings.Contains(out, "签名") {
		t.Errorf("check with the restored key still fails signatures (exit %d):\n%s", code, out)
	}
}

// TestFreshKey: a folder that never issued anything gets a new key.
func TestFreshKey(t *testing.T) {
	ws := newWorkspace(t, seed003)
	if code, _, errOut := runCmd(t, "parse", "--workspace", ws); code != exitOK {
		t.Fatal(errOut)
	}
	if err := os.Remove(workspace.KeyPath(ws)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "templates", "--workspace", ws)
	if code != exitOK || !strings.Contains(out, "生成办公室签名密钥") {
		t.Errorf("templates in a fresh workspace without a key: exit %d %s %s", code, out, errOut)
	}
}
