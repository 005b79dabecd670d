// Package workspace is the folder an office keeps its ledger in for a year
// (created by taizhang init): where its documents, task list, each period's
// workbooks, returns and outputs are, its configuration, which period is
// current, and the secret key that signs the fill-in workbooks, so that a
// department cannot forge or silently alter a return. Commands run anywhere
// inside a workspace find it by looking upwards (Find, Locate), and take
// from it what their flags leave out: the task sources (Sources), parse's
// documents and task list (ParseDocuments), a new workspace's configuration
// (Create).
package workspace

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// Dir is the folder inside a workspace that holds taizhang's own files.
const Dir = ".taizhang"

// keyFile is the secret's file name inside Dir.
const keyFile = "secret.key"

// KeyPath returns where the workspace at root keeps its secret.
func KeyPath(root string) string { return filepath.Join(root, Dir, keyFile) }

// Secret returns the workspace's secret key, creating it when create is set
// and there is none yet; created reports whether it was made now.
func Secret(root string, create bool) (key []byte, created bool, err error) {
	path := KeyPath(root)
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		key, err := hex.DecodeString(strings.TrimSpace(string(data)))
		if err != nil || len(key) < 16 {
			return nil, false, &Error{Path: path, Msg: "办公室密钥文件已损坏：请从备份恢复（没有它，已下发的填报表无法核验签名）"}
		}
		return key, false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, false, &Error{Path: path, Msg: "无法读取办公室密钥文件：" + err.Error()}
	case !create:
		return nil, false, &Error{Path: path, Msg: "找不到办公室密钥文件，无法核验报送文件的签名：请在生成填报表时所用的工作目录中运行，或用 --workspace 指定该目录；密钥文件被误删时，请从备份把 secret.key 恢复到此位置"}
	}
	key = make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, false, fmt.Errorf("generate workspace key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, &Error{Path: path, Msg: "无法创建办公室密钥目录：" + err.Error()}
	}
	// O_EXCL: two runs at once must not each write a different key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return Secret(root, false)
	}
	if err != nil {
		return nil, false, &Error{Path: path, Msg: "无法写入办公室密钥文件：" + err.Error()}
	}
	_, werr := f.WriteString(hex.EncodeToString(key) + "\n")
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(path)
		return nil, false, fmt.Errorf("write %s: %w", path, werr)
	}
	return key, true, nil
}

// Error is a problem with the workspace, for the user.
type Error struct{ Path, Msg string }

func (e *Error) Error() string { return e.Path + "：" + e.Msg }

// InputProblem marks Error as a problem in the user's input (see inputerr).
func (*Error) InputProblem() {}

var _ inputerr.Problem = (*Error)(nil)
