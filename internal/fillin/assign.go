package fillin

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Item is one task in a unit's workbook.
type Item struct {
	Doc  *task.Document
	Task *task.Task
	Role Role
}

// Assignment is what one unit reports on, in document order.
type Assignment struct {
	Unit  string
	Items []Item
}

// Assign lists every unit that leads or co-operates on a task or target of
// set, in order of first appearance, with its items in document order.
// Tasks and targets without a lead unit are not sent to anyone: they are
// returned as unassigned so the office can assign them first.
func Assign(set *task.Set) (units []Assignment, unassigned []*task.Task) {
	if set == nil {
		return nil, nil
	}
	index := map[string]int{}
	for _, d := range set.Documents {
		if d == nil {
			continue
		}
		for _, t := range d.Tasks {
			if t == nil || !t.Reportable() {
				continue
			}
			if len(cleanUnits(t.Lead)) == 0 {
				unassigned = append(unassigned, t)
				continue
			}
			for _, u := range taskUnits(t) {
				i, ok := index[u.name]
				if !ok {
					i = len(units)
					index[u.name] = i
					units = append(units, Assignment{Unit: u.name})
				}
				units[i].Items = append(units[i].Items, Item{Doc: d, Task: t, Role: u.role})
			}
		}
	}
	return units, unassigned
}

type unitRole struct {
	name string
	role Role
}

// taskUnits lists a task's units once each, leads first; a unit named both
// as lead and co-unit leads.
func taskUnits(t *task.Task) []unitRole {
	var out []unitRole
	seen := map[string]bool{}
	for _, u := range cleanUnits(t.Lead) {
		if !seen[u] {
			seen[u] = true
			out = append(out, unitRole{u, RoleLead})
		}
	}
	for _, u := range cleanUnits(t.Co) {
		if !seen[u] {
			seen[u] = true
			out = append(out, unitRole{u, RoleCo})
		}
	}
	return out
}

func cleanUnits(us []string) []string {
	var out []string
	for _, u := range us {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// maxUnitRunes caps the unit part of a file name, so the whole name stays
// well inside Windows' 255-character limit and readable in a file list;
// maxUnitBytes keeps it inside the 255 bytes most Unix file systems allow a
// name (a Chinese character takes three), with room for the period, the
// hash, the suffix and the temporary name it is written under
// (".name.1234567890.tmp").
const (
	maxUnitRunes = 80
	maxUnitBytes = 150
)

// FileName is the name of a unit's workbook for period p, e.g.
// "2024年第四季度_市科技局_填报表.xlsx". The unit is made safe as a Windows
// file name; when that changed it, a short hash of the real name is added so
// that different units never share a file name.
func FileName(unit string, p period.Period) string {
	return p.String() + "_" + UnitInFileName(unit) + "_填报表.xlsx"
}

// UnitInFileName is unit as the part of a file name that names it: safe on
// Windows and capped in length, with a short hash of the real name when
// that changed it.
func UnitInFileName(unit string) string {
	safe, lossy := safeName(unit)
	if lossy {
		safe += "_" + shortHash(unit)
	}
	return safe
}

// safeName replaces the characters Windows forbids in file names, trims
// what Windows trims and caps the length. lossy reports whether two
// different units could end up with the same result.
func safeName(unit string) (string, bool) {
	var b strings.Builder
	lossy := false
	for _, r := range unit {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`\/:*?"<>|`, r):
			b.WriteRune('_')
			lossy = true
		case unicode.IsSpace(r):
			b.WriteRune(' ')
			lossy = lossy || r != ' '
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if t := strings.TrimSpace(strings.TrimRight(s, ". ")); t != s {
		s, lossy = t, true
	}
	if utf8.RuneCountInString(s) > maxUnitRunes || len(s) > maxUnitBytes {
		rs := []rune(s)[:min(maxUnitRunes, utf8.RuneCountInString(s))]
		for len(string(rs)) > maxUnitBytes {
			rs = rs[:len(rs)-1]
		}
		s, lossy = strings.TrimRight(string(rs), ". "), true
	}
	if s == "" {
		s, lossy = "未命名单位", true
	}
	if isReserved(s) {
		s, lossy = "_"+s, true
	}
	return s, lossy
}

// isReserved reports whether s is a device name Windows reserves, with or
// without an extension.
func isReserved(s string) bool {
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	base = strings.TrimSpace(base)
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	for _, dev := range []string{"COM", "LPT"} {
		if rest, ok := strings.CutPrefix(base, dev); ok && utf8.RuneCountInString(rest) == 1 {
			return strings.Contains("0123456789¹²³", rest)
		}
	}
	return false
}

// shortHash is 6 hex digits of the name's SHA-256; longHash 12.
func shortHash(s string) string { return nameHash(s, 3) }
func longHash(s string) string  { return nameHash(s, 6) }

func nameHash(s string, n int) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:n])
}

// FileNames gives each assignment its file name, adding a hash where two
// names would collide on a case-insensitive file system.
func FileNames(units []Assignment, p period.Period) []string {
	names := make([]string, len(units))
	count := map[string]int{}
	for i, a := range units {
		names[i] = FileName(a.Unit, p)
		count[strings.ToLower(names[i])]++
	}
	for i, a := range units {
		if count[strings.ToLower(names[i])] > 1 {
			safe, _ := safeName(a.Unit)
			names[i] = p.String() + "_" + safe + "_" + longHash(a.Unit) + "_填报表.xlsx"
		}
	}
	return names
}
