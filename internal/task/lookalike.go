package task

import "strings"

// lookAlikeWords are written in or left out of one unit's name: 发展和改革
// and 发展改革, 人民政府 and 政府, 委员会 and 委, 办公室 and 办, full- and
// half-width brackets, spaces.
var lookAlikeWords = strings.NewReplacer("委员会", "委", "人民政府", "政府", "办公室", "办", "和", "", "与", "", "及", "",
	"（", "(", "）", ")", " ", "", "　", "")

// LookAlike pairs the names in units that are likely one unit written two
// ways — the same name once the words above are dropped (省发展和改革委员会
// and 省发展改革委, 县人民政府 and 县政府) — for the office to check before
// each gets a workbook and a ranking of its own. Abbreviations (发改委) are
// not guessed: a shortened name can be another body's full one (市公安局,
// 市公安消防局), and the configuration's aliases say which is which.
// A pair of names both listed (listed, when not nil, says which are in the
// office's unit list) is the office's choice and not paired. Each pair is
// listed once, in the order of units.
func LookAlike(units []string, listed func(string) bool) [][2]string {
	var out [][2]string
	for i, a := range units {
		for _, b := range units[i+1:] {
			if a != b && lookAlikeWords.Replace(a) == lookAlikeWords.Replace(b) && (listed == nil || !listed(a) || !listed(b)) {
				out = append(out, [2]string{a, b})
			}
		}
	}
	return out
}
