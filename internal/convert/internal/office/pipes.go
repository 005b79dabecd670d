package office

import (
	"crypto/md5"
	"fmt"
	"strings"
	"unicode/utf16"
)

// singleInstancePipe is the name of the pipe through which LibreOffice
// hands work to an instance already running on the same profile: the MD5
// of the profile URL in UTF-16, each byte in hex without zero padding.
func singleInstancePipe(profileURL string) string {
	units := utf16.Encode([]rune(profileURL))
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		b = append(b, byte(u), byte(u>>8))
	}
	var name strings.Builder
	name.WriteString("SingleOfficeIPC_")
	for _, x := range md5.Sum(b) {
		fmt.Fprintf(&name, "%x", x)
	}
	return name.String()
}
