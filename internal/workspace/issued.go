package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// spreadsheetExts are the files that count as workbooks sent out or
// returned.
var spreadsheetExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".et": true}

// Issued lists the files that show the folder at root has already issued
// fill-in workbooks signed with its key: workbooks in a period's 填报表/,
// returns in its 报送/, ledgers (in a period's folder or in root), and
// workbooks named …填报表.xlsx in any of dirs (where templates writes
// outside a workspace). A key missing from such a folder was lost, not
// never made: a new one would fail every return issued before.
func Issued(root string, dirs ...string) []string {
	var out []string
	add := func(p string) {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	sheets := func(dir string, keep func(name string) bool) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") ||
				!spreadsheetExts[strings.ToLower(filepath.Ext(name))] || !keep(name) {
				continue
			}
			add(filepath.Join(dir, name))
		}
	}
	all := func(string) bool { return true }
	add(filepath.Join(root, LedgerName))
	if entries, err := os.ReadDir(root); err == nil {
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			if _, err := period.Parse(e.Name()); err != nil {
				continue
			}
			dir := filepath.Join(root, e.Name())
			sheets(filepath.Join(dir, TemplatesName), all)
			sheets(filepath.Join(dir, ReturnsName), all)
			add(filepath.Join(dir, LedgerName))
		}
	}
	for _, d := range dirs {
		sheets(d, func(name string) bool {
			return strings.HasSuffix(strings.TrimSuffix(name, filepath.Ext(name)), TemplatesName)
		})
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// LostKeyError is the error for a signing key missing from a folder that
// already issued workbooks (see Issued). keyID is the ID of the key those
// workbooks were signed with, "" when unknown.
func LostKeyError(root string, issued []string, keyID string) *Error {
	path := KeyPath(root)
	var b strings.Builder
	b.WriteString("找不到办公室签名密钥，但这里已经下发过填报表（如 " + issued[0])
	if len(issued) > 1 {
		b.WriteString(" 等 " + strconv.Itoa(len(issued)) + " 个文件")
	}
	b.WriteString("）。密钥可能被误删，或工作目录是复制过来的（.taizhang 是隐藏文件夹，复制时容易漏掉）。" +
		"若现在生成新密钥，已下发的填报表和收回的报送都将无法核验签名，会被误判为被修改过，因此本次未生成任何文件。\n" +
		"请恢复原密钥：从备份中把 secret.key 复制到 " + path + "，或从生成这些填报表时所用的目录（例如原来的工作目录）中复制 .taizhang/secret.key")
	if keyID != "" {
		b.WriteString("；已下发的填报表所用密钥的编号为 " + keyID + "，恢复后运行 taizhang check 可核对是否找对")
	}
	b.WriteString("。\n确实无法找回时，可运行 taizhang templates --new-key 生成新密钥，并向所有单位重新下发填报表（用旧密钥签名的报送将无法核验）。")
	return &Error{Path: path, Msg: b.String()}
}
