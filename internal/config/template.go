package config

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"text/template"

	"github.com/taizhang-dev/taizhang/internal/period"
)

//go:embed workspace.yaml
var workspaceYAML string

var workspaceTemplate = template.Must(template.New("taizhang.yaml").Funcs(template.FuncMap{
	"quote": quoteYAML,
	"num": func(v any) string {
		switch x := v.(type) {
		case *float64:
			return strconv.FormatFloat(*x, 'f', -1, 64)
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return fmt.Sprint(v)
	},
}).Parse(workspaceYAML))

// NewFile is what init writes: the taizhang.yaml of a new workspace for
// organisation, year (0: left empty) and cycle (ParseCycle's words; "" for
// a quarter),
// with the default light thresholds and scoring rules written out and
// every other setting explained in a comment.
func NewFile(organisation string, year int, cycle string) ([]byte, error) {
	c, err := builtin()
	if err != nil {
		return nil, err
	}
	kind := period.Quarter
	if cycle != "" {
		k, ok := ParseCycle(cycle)
		if !ok {
			return nil, fmt.Errorf("unknown cycle %q", cycle)
		}
		kind = k
	}
	example := period.Period{Kind: kind, Year: year, Index: 1}
	if year == 0 {
		example.Year = 2025
	}
	var b bytes.Buffer
	err = workspaceTemplate.Execute(&b, map[string]any{
		"Organisation": strings.TrimSpace(organisation),
		"Year":         year,
		"Cycle":        CycleLabel(kind),
		"Example":      example.String(),
		"DueDays":      c.DueDays,
		"Lights":       c.Lights,
		"Scoring":      c.Scoring,
		"Collectives":  strings.Join(c.CollectiveUnits, "、"),
	})
	if err != nil {
		return nil, fmt.Errorf("workspace configuration template: %w", err)
	}
	return b.Bytes(), nil
}

// quoteYAML writes s as a double-quoted YAML scalar.
func quoteYAML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			// Control characters have no place in an office's name.
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
