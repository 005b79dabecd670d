package workspace

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestSecret(t *testing.T) {
	root := t.TempDir()
	if _, _, err := Secret(root, false); err == nil || !strings.Contains(err.Error(), "找不到办公室密钥") {
		t.Fatalf("missing key: err = %v", err)
	}
	k1, created, err := Secret(root, true)
	if err != nil || !created || len(k1) != 32 {
		t.Fatalf("create: %x %v %v", k1, created, err)
	}
	k2, created, err := Secret(root, true)
	if err != nil || created || !bytes.Equal(k1, k2) {
		t.Fatalf("second call made a new key or failed: %v %v", created, err)
	}
	info, err := os.Stat(KeyPath(root))
	if err != nil || info.Mode().Perm()&0o077 != 0 {
		t.Errorf("key file mode %v, %v; want private", info.Mode(), err)
	}
	if err := os.WriteFile(KeyPath(root), []byte("zz"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Secret(root, true); err == nil || !strings.Contains(err.Error(), "已损坏") {
		t.Errorf("corrupt key: err = %v", err)
	}
}

// What init tells the office: the key line says whether the key is new,
// and a workspace made with the documents in it skips putting them there.
func TestCreatedLayoutAndSteps(t *testing.T) {
	c := &Created{KeyCreated: true}
	if l := c.Layout(); len(l) != 5 || !strings.Contains(l[4].About, "请备份") {
		t.Errorf("Layout = %v", l)
	}
	if n := len(c.NextSteps("台账")); n != 7 {
		t.Errorf("%d next steps; want 7", n)
	}
	c.KeyCreated, c.Moved = false, []string{"意见.docx"}
	if l := c.Layout(); l[4].About != "沿用目录中已有的签名密钥" {
		t.Errorf("kept key: %q", l[4].About)
	}
	for _, s := range c.NextSteps("台账") {
		if strings.HasPrefix(s, "把政策文件放入") {
			t.Errorf("documents moved, yet step %q", s)
		}
	}
}
