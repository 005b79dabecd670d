// Package scoring holds the assessment's scoring rules as data: the
// scoring section of taizhang.yaml. It depends on nothing, so that the
// configuration can hold the rules without importing the scorer (package
// score), which depends on the ledger.
package scoring

import "reflect"

// Points are what one event is worth to a task's lead unit and to each of
// its co-units: positive for a bonus, negative for a deduction.
type Points struct {
	Lead float64 `yaml:"lead" json:"lead"`
	Co   float64 `yaml:"co" json:"co"`
}

// Caps bound how much each kind of event can move a unit's score in one
// assessment; 0 means no cap. They are magnitudes: Deduction 20 means task
// outcomes take at most 20 points off. A cap that bites is itself listed
// as an event, so a unit's events still add up to its score.
type Caps struct {
	Bonus     float64 `yaml:"bonus" json:"bonus"`         // total of task bonuses
	Deduction float64 `yaml:"deduction" json:"deduction"` // total of task deductions
	Reporting float64 `yaml:"reporting" json:"reporting"` // total of reporting deductions
}

// Rules are the scoring rules of an assessment (考核), read from the
// scoring section of taizhang.yaml. Every unit starts at Base; events add
// or remove points; the result is clamped to [Min, Max] (Max ≤ Min turns
// the clamp off, so a zero Rules never flattens every score to 0).
//
// Task outcomes are judged once per task, at the last period that lists
// it, and go to each lead unit (Lead) and each co-unit (Co). Reporting
// compliance is judged in every period for every unit with tasks. Points
// are signed: deductions are written as negative numbers.
type Rules struct {
	Base float64 `yaml:"base" json:"base"`
	Max  float64 `yaml:"max" json:"max"`
	Min  float64 `yaml:"min" json:"min"`

	// Task outcomes, judged at the end of the assessed periods.
	Done     Points `yaml:"done" json:"done"`           // 已完成 by its deadline
	DoneLate Points `yaml:"done_late" json:"done_late"` // 已完成 after its deadline
	Overdue  Points `yaml:"overdue" json:"overdue"`     // past its deadline, not finished
	Yellow   Points `yaml:"yellow" json:"yellow"`       // yellow light, not overdue
	Red      Points `yaml:"red" json:"red"`             // red light, not overdue

	// Reporting compliance, per period, for units with tasks.
	Late    float64 `yaml:"late" json:"late"`       // 迟报
	Missing float64 `yaml:"missing" json:"missing"` // 未报 (漏报)
	Empty   float64 `yaml:"empty" json:"empty"`     // a return with every row left empty
	// MissingKey is charged on top of Missing when the missed period ends
	// in June or December: a half-year or year-end report (2024-H1, 2024,
	// 2024-Q2, 2024-Q4, 2024-06, 2024-12).
	MissingKey float64 `yaml:"missing_key" json:"missing_key"`

	Caps Caps `yaml:"caps" json:"caps"`

	// Categories are the ranking groups (县(市、区), 市直部门, …), each
	// ranked on its own, in the order the reports list them. A unit goes
	// to the first category that lists it, else to the first whose shape
	// it has (see package score); none configured uses DefaultCategories.
	Categories []Category `yaml:"categories" json:"categories"`
}

// Category is one ranking group: its name, the units it holds by name and
// whether it is ranked. Units of an unranked category (其他: banks,
// universities, companies, units of higher levels) are listed apart with
// their record, never ranked against the government's own units.
type Category struct {
	Name    string   `yaml:"name" json:"name"`
	Members []string `yaml:"members" json:"members"`
	// Shape names the built-in rule for units not listed by name:
	// "county" (县、市、区 and their governments, 管委会), "department"
	// (the city's bureaus and offices), "other" (everything else); ""
	// for none.
	Shape string `yaml:"shape" json:"shape"`
	// Unranked lists the category apart instead of ranking it.
	Unranked bool `yaml:"unranked" json:"unranked"`
}

// IsZero reports whether r is the zero Rules (no scoring section at all).
func (r Rules) IsZero() bool { return reflect.ValueOf(r).IsZero() }

// DefaultCategories are the groups a city's assessment ranks apart: its
// counties, districts and zones; its departments; and the rest, listed
// but not ranked.
var DefaultCategories = []Category{
	{Name: "县（市、区）", Shape: "county"},
	{Name: "市直部门", Shape: "department"},
	{Name: "其他单位", Shape: "other", Unranked: true},
}

// Defaults are modelled on published assessment rules (DOMAIN.md §5): base
// 80, cap 100; +2 lead / +1 co per task finished; −5 lead / −2.5 co for a
// task not finished in time; 迟报 −0.1, 漏报 −0.5, an empty return −5, a
// missing half-year or year-end report −10. The published rules say
// nothing of late completion or lights; half a finished task's points for
// finishing late, and small deductions for a yellow or red light at the
// end, are this tool's choice. Bonuses are capped at 20 so that a unit
// with many tasks cannot outscore the rest on volume alone, and task
// deductions at 30 so that a unit leading seventy tasks is not ranked below
// one that never reported merely by the number of its tasks.
var Defaults = Rules{
	Base:       80,
	Max:        100,
	Min:        0,
	Done:       Points{Lead: 2, Co: 1},
	DoneLate:   Points{Lead: 1, Co: 0.5},
	Overdue:    Points{Lead: -5, Co: -2.5},
	Yellow:     Points{Lead: -0.5, Co: -0.25},
	Red:        Points{Lead: -1, Co: -0.5},
	Late:       -0.1,
	Missing:    -0.5,
	Empty:      -5,
	MissingKey: -10,
	Caps:       Caps{Bonus: 20, Deduction: 30, Reporting: 0},
	Categories: DefaultCategories,
}
