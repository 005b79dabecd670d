// Package fonts embeds the CJK fonts the PDF reports are set in when the user
// names none of their own, with their licences. They are subsets (GB 2312 plus
// the characters the seeds, the corpus and the program's own text need) of
// Noto Serif/Sans CJK SC and LXGW WenKai, converted to TrueType outlines
// because Go's PDF libraries embed only TrueType, and renamed as the licences
// ask of modified fonts. README.md says where they come from and how
// build/build_fonts.py rebuilds them; report/typeface parses them.
package fonts

import "embed"

// The files in FS.
const (
	SerifRegular = "TZSerifSC-Regular.ttf" // 正文: the 宋体/仿宋 slot
	SerifBold    = "TZSerifSC-Bold.ttf"    // 标题 (the 小标宋 slot) and bold headings
	SansRegular  = "TZSansSC-Regular.ttf"  // 黑体
	Kai          = "TZKai-Regular.ttf"     // 楷体

	// The licences, which the SIL OFL asks to travel with every copy of the
	// fonts, the program's binary included.
	LicenseNotoCJK    = "LICENSE-Noto-CJK.txt"
	LicenseLXGWWenKai = "LICENSE-LXGW-WenKai.txt"
)

// FS holds the four fonts and their licence texts.
//
//go:embed *.ttf LICENSE-*.txt
var FS embed.FS
