package score

import "github.com/taizhang-dev/taizhang/internal/scoring"

// The rules live in package scoring, which the configuration imports.
type (
	Rules  = scoring.Rules
	Points = scoring.Points
	Caps   = scoring.Caps
)

// Defaults are the built-in scoring rules (see scoring.Defaults).
var Defaults = scoring.Defaults
