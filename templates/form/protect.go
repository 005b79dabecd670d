package form

import (
	"archive/zip"
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// Excel's password protection (ECMA-376 Part 1, the "ISO" password hash of
// sheetProtection and workbookProtection) is a SHA-512 of a random salt and
// the password in UTF-16LE, hashed again with each round's number for
// spinCount rounds. excelize computes it too, but builds seven hashers a
// round: 100 ms a sheet, more than writing all the workbooks of a round.
// The master's protection is written by excelize without a password, and
// sealProtection adds the hash.
const spinCount = 100000

// passwordHash is the hash of password with salt after spin rounds.
func passwordHash(password string, salt []byte, spin int) []byte {
	h := sha512.New()
	h.Write(salt)
	for _, u := range utf16.Encode([]rune(password)) {
		h.Write([]byte{byte(u), byte(u >> 8)})
	}
	key := h.Sum(nil)
	var round [4]byte
	for i := range spin {
		h.Reset()
		h.Write(key)
		binary.LittleEndian.PutUint32(round[:], uint32(i))
		h.Write(round[:])
		key = h.Sum(key[:0])
	}
	return key
}

// hashAttrs are the attributes that protect with password: the algorithm,
// the hash, the salt and the spin count, their names prefixed with prefix
// ("workbook" for the workbook's, "" for a sheet's). The salt is made from
// the part's name, not drawn at random: the password is published
// (SheetPassword), so a random salt hides nothing, and a fixed one keeps
// the same workbook the same bytes from run to run.
func hashAttrs(prefix, part, password string) string {
	sum := sha512.Sum512([]byte("taizhang protection salt\x00" + part))
	salt := sum[:16]
	name := func(s string) string {
		if prefix == "" {
			return s
		}
		return prefix + strings.ToUpper(s[:1]) + s[1:]
	}
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf(`%s="SHA-512" %s="%s" %s="%s" %s="%s"`,
		name("algorithmName"), name("hashValue"), b64(passwordHash(password, salt, spinCount)),
		name("saltValue"), b64(salt), name("spinCount"), strconv.Itoa(spinCount))
}

// sealProtection gives every sheet and workbook protection of the .xlsx
// data the password SheetPassword, each with a salt of its own. protected is the
// number of protections there must be.
func sealProtection(data []byte, protected int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	sealed := 0
	out, err := cells.RewriteZip(zr, func(f *zip.File) ([]byte, bool, error) {
		if !strings.HasPrefix(f.Name, "xl/") || !strings.HasSuffix(f.Name, ".xml") {
			return nil, false, nil
		}
		body, err := cells.ReadPart(f)
		if err != nil {
			return nil, false, err
		}
		// A sheet's hash comes first in its element, the workbook's last.
		var at int
		var prefix string
		if i := bytes.Index(body, []byte("<sheetProtection ")); i >= 0 {
			at = i + len("<sheetProtection ")
		} else if i := bytes.Index(body, []byte("<workbookProtection ")); i >= 0 {
			at, prefix = i+bytes.IndexByte(body[i:], '>'), "workbook"
		} else {
			return nil, false, nil
		}
		attrs := hashAttrs(prefix, f.Name, SheetPassword)
		if prefix == "" {
			attrs += " "
		} else {
			attrs = " " + attrs
		}
		sealed++
		return append(append(append([]byte{}, body[:at]...), attrs...), body[at:]...), true, nil
	})
	if err == nil && sealed != protected {
		err = fmt.Errorf("%d protections to seal; want %d", sealed, protected)
	}
	return out, err
}
