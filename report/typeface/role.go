package typeface

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/taizhang-dev/taizhang/fonts"
)

// Role is what a font is used for in an official document (GB/T 9704). The
// values are the keys of taizhang.yaml's fonts: section.
type Role string

const (
	Body  Role = "body"  // 正文: the 仿宋_GB2312 (or 宋体) slot
	Bold  Role = "bold"  // bold body text: the 1. and (1) headings
	Title Role = "title" // 标题: the 小标宋 slot
	Hei   Role = "hei"   // 黑体: 一、 headings, 附件 labels
	Kai   Role = "kai"   // 楷体: (一) headings
)

// Roles lists every role, in the order messages and Set.Faces use.
var Roles = []Role{Body, Bold, Title, Hei, Kai}

// Label is the role's name for the user.
func (r Role) Label() string {
	switch r {
	case Body:
		return "正文字体"
	case Bold:
		return "正文粗体"
	case Title:
		return "标题字体"
	case Hei:
		return "黑体"
	case Kai:
		return "楷体"
	}
	return string(r)
}

func (r Role) valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// bundledFile is the file in package fonts that fills each role by default.
var bundledFile = map[Role]string{
	Body:  fonts.SerifRegular,
	Bold:  fonts.SerifBold,
	Title: fonts.SerifBold,
	Hei:   fonts.SansRegular,
	Kai:   fonts.Kai,
}

// bundledFace parses each bundled file on first use, once: a report that
// uses no 楷体 never parses the Kai font.
var bundledFace = func() map[string]func() *Face {
	m := make(map[string]func() *Face)
	for _, file := range bundledFile {
		m[file] = sync.OnceValue(func() *Face {
			data, err := fs.ReadFile(fonts.FS, file)
			if err != nil {
				panic(fmt.Sprintf("typeface: bundled font %s: %v", file, err))
			}
			f, err := Parse(file, data, 0)
			if err != nil {
				panic(fmt.Sprintf("typeface: bundled font %s: %v", file, err))
			}
			return f
		})
	}
	return m
}()

// Bundled is the face embedded in the program for role (Bold and Title share
// one), or nil for an unknown role. The bundled fonts are tested to parse, so
// a failure here is a broken build and panics.
func Bundled(role Role) *Face {
	file, ok := bundledFile[role]
	if !ok {
		return nil
	}
	return bundledFace[file]()
}
