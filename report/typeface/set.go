package typeface

import (
	"fmt"
	"slices"
	"strings"
)

// Set assigns a face to every role. The zero Set is not usable: start from
// DefaultSet.
type Set struct {
	faces map[Role]*Face
}

// DefaultSet fills every role with its bundled face.
func DefaultSet() *Set {
	s := &Set{faces: make(map[Role]*Face, len(Roles))}
	for _, r := range Roles {
		s.faces[r] = Bundled(r)
	}
	return s
}

// Use loads the font spec names (see Load) for role. Problems with the file
// are *inputerr.Error; an unknown role is the caller's mistake.
func (s *Set) Use(role Role, spec string) error {
	if !role.valid() {
		return unknownRole(role)
	}
	f, err := Load(spec)
	if err != nil {
		return err
	}
	s.faces[role] = f
	return nil
}

// UseFace sets role to a face the caller already has (a parsed font, or one
// shared with another role).
func (s *Set) UseFace(role Role, f *Face) error {
	if !role.valid() {
		return unknownRole(role)
	}
	if f == nil {
		return fmt.Errorf("typeface: nil face for %s", role)
	}
	s.faces[role] = f
	return nil
}

func unknownRole(role Role) error {
	keys := make([]string, len(Roles))
	for i, r := range Roles {
		keys[i] = string(r) + "（" + r.Label() + "）"
	}
	return fmt.Errorf("未知的字体用途“%s”，可用的有：%s", role, strings.Join(keys, "、"))
}

// Face is the face for role; nil for an unknown role.
func (s *Set) Face(role Role) *Face { return s.faces[role] }

// Fallbacks are the faces to try, in order, for a character that role's face
// lacks: the user's fonts of the other roles, in the order of Roles, then the
// bundled fonts, role's own first — so that a 正文 character missing from the
// user's 仿宋 is drawn in the bundled regular serif rather than the bold one.
// Each face appears once and role's face not at all.
func (s *Set) Fallbacks(role Role) []*Face {
	own := s.faces[role]
	var out []*Face
	add := func(f *Face) {
		if f != nil && f != own && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, r := range Roles {
		if f := s.faces[r]; !isBundled(f) {
			add(f)
		}
	}
	add(Bundled(role))
	for _, r := range Roles {
		add(Bundled(r))
	}
	return out
}

func isBundled(f *Face) bool {
	for _, r := range Roles {
		if f == Bundled(r) {
			return true
		}
	}
	return false
}

// Faces are the distinct faces Face and Fallbacks can return, the set's own
// in the order of Roles, then the bundled ones: what a PDF writer registers.
func (s *Set) Faces() []*Face {
	var out []*Face
	add := func(f *Face) {
		if f != nil && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, r := range Roles {
		add(s.faces[r])
	}
	for _, r := range Roles {
		add(Bundled(r))
	}
	return out
}
