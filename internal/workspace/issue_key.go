package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// IssueKey is the signing key templates signs with: the one kept at root,
// else a new one — but only where no workbook was issued yet (looking in
// root's folders and in outDir), unless renew says the office gives up the
// lost key on purpose. The error for a lost key names the ID of the key the
// issued workbooks were signed with, so that a restored key can be
// recognised.
//
// With a key in place, warning is set when the workbooks issued from root
// carry another key's ID: the key was replaced since, and the returns of
// those workbooks will not check.
func IssueKey(root, outDir string, renew bool) (key []byte, created bool, warning string, err error) {
	if _, err := os.Stat(KeyPath(root)); errors.Is(err, fs.ErrNotExist) && !renew {
		if issued := Issued(root, outDir); len(issued) > 0 {
			return nil, false, "", LostKeyError(root, issued, issuedKeyID(issued))
		}
	}
	key, created, err = Secret(root, true)
	if err != nil || created {
		return key, created, "", err
	}
	issued := Issued(root, outDir)
	if id, ours := issuedKeyID(issued), fillin.KeyID(key); id != "" && id != ours {
		warning = fmt.Sprintf("注意：这里已下发的填报表（如 %s）是用编号为 %s 的签名密钥生成的，而 %s 中现在的密钥编号为 %s："+
			"密钥在下发后被替换过，那些填报表收回后将无法核验签名。如有原密钥的备份，请先恢复再生成填报表。",
			issued[0], id, KeyPath(root), ours)
	}
	return key, false, warning, nil
}

// issuedKeyID is the key ID found in the first of files that carries one.
func issuedKeyID(files []string) string {
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil || info.Size() > 32<<20 {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		if id := fillin.WorkbookKeyID(data); id != "" {
			return id
		}
	}
	return ""
}
