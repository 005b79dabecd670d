package demo

import "github.com/taizhang-dev/taizhang/internal/sample"

// Behaviour is how the simulated units behaved over the year, by name:
// whose work improved or slipped quarter by quarter, who often reported
// late and who never reported.
type Behaviour struct {
	Improving, Slipping, Late, Never []string
}

// Behaviour sorts the year's simulated units by their trend and habit.
func (y *YearEnd) Behaviour() Behaviour {
	var b Behaviour
	for _, pl := range y.Plans {
		switch pl.Trend {
		case sample.Improving:
			b.Improving = append(b.Improving, pl.Unit)
		case sample.Slipping:
			b.Slipping = append(b.Slipping, pl.Unit)
		}
		switch pl.Habit {
		case sample.HabitNever:
			b.Never = append(b.Never, pl.Unit)
		case sample.HabitLate:
			b.Late = append(b.Late, pl.Unit)
		}
	}
	return b
}
