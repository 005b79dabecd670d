package fillin

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"slices"
	"strings"
)

// SignedRow is one task row as the signature covers it: its task ID and
// its locked cells.
type SignedRow struct {
	ID     string
	Values RowValues
}

// Signature is the hex HMAC-SHA256, keyed by secret, of
//
//	version, unit, period key, row count, then for each row sorted by task
//	ID: the ID and the six locked values (序号, 任务内容, 本单位角色,
//	其他责任单位, 完成时限, 量化指标)
//
// each written as a uvarint byte length and the UTF-8 bytes. Rows are
// sorted so that a unit may sort the sheet; the ID list in the hidden sheet
// keeps the issued order.
func Signature(secret []byte, unit, periodKey string, rows []SignedRow) string {
	mac := hmac.New(sha256.New, secret)
	put(mac, Version)
	put(mac, unit)
	put(mac, periodKey)
	sorted := slices.Clone(rows)
	slices.SortFunc(sorted, func(a, b SignedRow) int { return strings.Compare(a.ID, b.ID) })
	var n [binary.MaxVarintLen64]byte
	mac.Write(n[:binary.PutUvarint(n[:], uint64(len(sorted)))])
	for _, r := range sorted {
		putRow(mac, r)
	}
	return hex.EncodeToString(mac.Sum(nil))
}

// RowHash is a short unkeyed hash of one row, stored next to its ID in the
// hidden sheet. It proves nothing (anyone can recompute it) but tells which
// row changed when the signature does not match, and finds rows whose ID
// column was deleted.
func RowHash(r SignedRow) string {
	h := sha256.New()
	putRow(h, r)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

func putRow(h hash.Hash, r SignedRow) {
	put(h, r.ID)
	for _, v := range r.Values {
		put(h, v)
	}
}

func put(h hash.Hash, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}

// KeyID names a signing key without giving it away: the first four bytes,
// in hex, of a hash of the key under a fixed label. Workbooks carry the ID
// of the key that signed them, so that a return signed with another key
// (the workspace's key was lost and made anew, or the workbook came from
// another workspace) is told apart from one whose content was edited.
func KeyID(secret []byte) string {
	h := sha256.New()
	h.Write([]byte("taizhang key id\x00"))
	h.Write(secret)
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// validSignature compares two hex signatures in constant time.
func validSignature(got, want string) bool {
	g, err1 := hex.DecodeString(strings.TrimSpace(got))
	w, err2 := hex.DecodeString(want)
	return err1 == nil && err2 == nil && len(g) == sha256.Size && hmac.Equal(g, w)
}
