package score

import (
	"regexp"

	"github.com/taizhang-dev/taizhang/internal/scoring"
)

// The shapes of unit names that place a unit in a built-in category when
// no category lists it by name. They are about the shape of a name only.
var (
	// Banks, companies, schools, hospitals, units of higher levels and
	// collectives are outside the government's own ranking.
	otherShapeRe = regexp.MustCompile(`银行|支行|分行|公司|集团|大学|学院|学校|医院|^(?:省|国家|中央|中国|全国|自治区)|^(?:各|有关|相关)|等$`)
	// 靖江市, 高港区, 某某县人民政府, 经济开发区管委会.
	countyShapeRe = regexp.MustCompile(`^\p{Han}{2,}(?:县|区|市|旗)$|^\p{Han}{2,}(?:县|区|市|旗|州)(?:人民)?政府$|管委会$|管理委员会$`)
	// 市发改委, 财政局, 市政府办公室, 市残联.
	departmentShapeRe = regexp.MustCompile(`(?:局|委|办|厅|中心|办公室|委员会|部|院|所|站|队|社|联|协|处|署|会)$`)
)

// shapeOf is the built-in category shape of a unit's name.
func shapeOf(unit string) string {
	switch {
	case otherShapeRe.MatchString(unit):
		return "other"
	case countyShapeRe.MatchString(unit):
		return "county"
	case departmentShapeRe.MatchString(unit):
		return "department"
	}
	return "other"
}

// categoryOf returns the index in cats of the category unit belongs to:
// the first that lists it by name, else the first whose shape it has;
// -1 when none takes it.
func categoryOf(cats []scoring.Category, unit string) int {
	for i, c := range cats {
		for _, m := range c.Members {
			if m == unit {
				return i
			}
		}
	}
	shape := shapeOf(unit)
	for i, c := range cats {
		if c.Shape == shape {
			return i
		}
	}
	return -1
}

// Categories are the ranking groups rules use: its own, or the defaults.
func Categories(rules Rules) []scoring.Category {
	if len(rules.Categories) > 0 {
		return rules.Categories
	}
	return scoring.DefaultCategories
}

// NotRanked is the group of units listed apart from every ranking: those
// of an unranked category and those that lead no task.
const NotRanked = "不参加排名的单位"
