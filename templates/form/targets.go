package form

import (
	"fmt"
	"os"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/parallel"
)

// checkTargets makes sure writing the workbooks at paths loses nothing:
// each path is new, or holds a fill-in workbook nobody filled in, which is
// replaced (it can be written again at any time, and units' returns are
// verified with the key, not against it). A workbook a unit has filled
// in is refused rather than backed up: a backup beside the blank workbook
// in a folder of returns would be read as a second return of the unit.
// Anything else at a path is refused by outfile.CheckAll.
func checkTargets(dir string, paths []string) error {
	kinds, err := outfile.CheckAll(paths, outfile.FillIn)
	if err != nil {
		return err
	}
	// A blank workbook that cannot be read is taken for a filled one:
	// refused, never overwritten.
	isFilled := make([]bool, len(paths))
	_ = parallel.Each(len(paths), func(i int) error {
		if kinds[i] == outfile.FillIn {
			data, err := os.ReadFile(paths[i])
			isFilled[i] = err != nil || fillin.Filled(data)
		}
		return nil
	})
	var filled []string
	for i, p := range paths {
		if isFilled[i] {
			filled = append(filled, p)
		}
	}
	if len(filled) == 0 {
		return nil
	}
	list := strings.Join(filled[:min(len(filled), 10)], "\n  ")
	if len(filled) > 10 {
		list += fmt.Sprintf("\n  …… 共 %d 份", len(filled))
	}
	return &outfile.Error{Path: dir, Msg: fmt.Sprintf("以下填报表已有单位填写的内容，为免被空白的填报表替换，本次没有生成任何填报表：\n  %s\n"+
		"如果这些是收回的报送文件，请把它们移到本期的 报送/ 文件夹；确需重新下发时，请先把它们移走，或用 -o 指定另一个文件夹", list)}
}
