package fillin

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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
	msg := appendField(nil, Version)
	msg = appendField(msg, unit)
	msg = appendField(msg, periodKey)
	sorted := slices.Clone(rows)
	slices.SortFunc(sorted, func(a, b SignedRow) int { return strings.Compare(a.ID, b.ID) })
	msg = binary.AppendUvarint(msg, uint64(len(sorted)))
	for _, r := range sorted {
		msg = appendRow(msg, r)
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(msg)
	return hex.EncodeToString(mac.Sum(nil))
}

// RowHash is a short unkeyed hash of one row, stored next to its ID in the
// hidden sheet. It proves nothing (anyone can recompute it) but tells which
// row changed when the signature does not match, and finds rows whose ID
// column was deleted.
func RowHash(r SignedRow) string {
	sum := sha256.Sum256(appendRow(nil, r))
	return hex.EncodeToString(sum[:8])
}

// appendRow appends a row as the hashes cover it: its ID and values.
// The message is made whole and hashed at once: writing each field to the
// hash would allocate it.
func appendRow(msg []byte, r SignedRow) []byte {
	msg = appendField(msg, r.ID)
	for _, v := range r.Values {
		msg = appendField(msg, v)
	}
	return msg
}

// appendField appends s's byte length, as a uvarint, and s.
func appendField(msg []byte, s string) []byte {
	return append(binary.AppendUvarint(msg, uint64(len(s))), s...)
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
