package typeface

import (
	"errors"
	"fmt"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// maxFile bounds what Load reads: the largest CJK collections are about
// 120 MB, so anything far larger is a wrong file and must not exhaust memory.
const maxFile = 512 << 20

// Load reads the font that spec names: a file path, optionally followed by
// "#index" or "#name" to choose a face of a .ttc collection —
// C:\Windows\Fonts\simsun.ttc#1, simsun.ttc#NSimSun, simsun.ttc#新宋体. A
// name matches any family, full or PostScript name of the face, in any
// language, ignoring case and spaces. Problems with the file are returned as
// *inputerr.Error naming it.
func Load(spec string) (*Face, error) {
	path, sel := splitSpec(spec)
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	index := 0
	if sel != "" {
		if index, err = selectFace(path, data, sel); err != nil {
			return nil, err
		}
	}
	f, err := Parse(path, data, index)
	if err != nil {
		return nil, err
	}
	f.Path = path
	return f, nil
}

// splitSpec splits "file#face"; a file whose own name has a # is taken whole.
func splitSpec(spec string) (path, sel string) {
	i := strings.LastIndexByte(spec, '#')
	if i <= 0 {
		return spec, ""
	}
	if _, err := os.Stat(spec); err == nil {
		return spec, ""
	}
	return spec[:i], strings.TrimSpace(spec[i+1:])
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, inputerr.OfFile(path, "找不到字体文件")
	case errors.Is(err, fs.ErrPermission):
		return nil, inputerr.OfFile(path, "没有读取此字体文件的权限")
	case err != nil:
		return nil, fmt.Errorf("typeface: %w", err)
	case st.IsDir():
		return nil, inputerr.OfFile(path, "是文件夹，不是字体文件")
	case st.Size() > maxFile:
		return nil, inputerr.OfFile(path, fmt.Sprintf("文件过大（%d MB），不是字体文件", st.Size()>>20))
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrPermission) {
		return nil, inputerr.OfFile(path, "没有读取此字体文件的权限")
	}
	if err != nil {
		return nil, fmt.Errorf("typeface: %w", err)
	}
	return data, nil
}

// selectFace is the index of the face sel names: a number, or a name.
func selectFace(path string, data []byte, sel string) (int, error) {
	if i, err := strconv.Atoi(sel); err == nil {
		return i, nil
	}
	n, err := faceCount(path, data)
	if err != nil {
		return 0, err
	}
	want := normalName(sel)
	var have []string
	for i := range n {
		// Only the names are needed: a CFF face found by name gets its
		// own message from Parse.
		s, err := openDirectory(path, data, i)
		if err != nil {
			continue
		}
		recs := nameRecords(s.table("name"))
		for _, r := range recs {
			if r.id != nameSubfamily && normalName(r.text) == want {
				return i, nil
			}
		}
		have = append(have, fmt.Sprintf("#%d %s", i, faceLabel(recs)))
	}
	if len(have) == 0 {
		// No face could be read: let Parse say why.
		return 0, nil
	}
	return 0, inputerr.OfFile(path, fmt.Sprintf(msgNoName, sel, strings.Join(have, "、")))
}

func normalName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// faceLabel names a face in a list for the user: 新宋体（NSimSun）.
func faceLabel(recs []nameRecord) string {
	zh, _ := pickName(recs, nameFamily, langChinese)
	en, _ := pickName(recs, nameFamily, langEnglish)
	switch {
	case zh == "":
		return "（无名称）"
	case en == "" || en == zh:
		return zh
	}
	return zh + "（" + en + "）"
}
