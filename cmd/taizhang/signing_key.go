package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/workspace"
)

// issueKey is the signing key templates signs with: the one kept at root,
// else a new one — but only where no workbook was issued yet (looking in
// root's folders and in outDir), unless renew says the office gives up the
// lost key on purpose. The error for a lost key names the ID of the key the
// issued workbooks were signed with, so that a restored key can be
// recognised.
func issueKey(root, outDir string, renew bool) (key []byte, created bool, err error) {
	if _, err := os.Stat(workspace.KeyPath(root)); errors.Is(err, fs.ErrNotExist) && !renew {
		if issued := workspace.Issued(root, outDir); len(issued) > 0 {
			return nil, false, workspace.LostKeyError(root, issued, issuedKeyID(issued))
		}
	}
	return workspace.Secret(root, true)
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
