package fixed

import "strings"

// negotiate returns the index in tags of the language an Accept-Language
// field (RFC 9110 §12.5.4) asks for, given as the values of its field lines,
// among the tags has reports (nil: all of them); 0, the default language
// tags[0], when it asks for none of them. tags are valid BCP 47 tags, the
// catalog's, compared without regard to ASCII case.
//
// Each range selects, as RFC 4647 §3.4's lookup does, the longest tag that
// is the range itself or a prefix of it ending before a "-" (de-CH-1996,
// de-CH, de); the range of the highest weight that selects one wins, the
// first in the field on a tie. A range names the tags it is, or is a prefix
// of (basic filtering: de names de and de-CH); "*" selects the default
// language, or when a range names it, the first tag that none names. A
// range of weight 0 excludes the tags it names, and they are not selected.
// With no tag selected the default is sent, even excluded: a response is in
// some language. An element that is not a language range with at most a q
// weight is ignored, not the field.
//
// The field is read once, without allocating for up to 16 tags: the work is
// linear in its length times the number of tags, whatever its ranges.
func negotiate(values []string, tags []string, has func(int) bool) int {
	var buf [16]tagChoice
	state := buf[:0]
	if len(tags) <= len(buf) {
		state = buf[:len(tags)]
	} else {
		state = make([]tagChoice, len(tags))
	}
	for i := range state {
		state[i].q = -1
	}
	wild := tagChoice{q: -1}
	pos := 0
	for _, v := range values {
		for len(v) > 0 {
			elem := v
			if i := strings.IndexByte(v, ','); i >= 0 {
				elem, v = v[:i], v[i+1:]
			} else {
				v = ""
			}
			lr, q, ok := parseLanguageRange(elem)
			if !ok {
				continue
			}
			pos++
			if lr == "*" {
				if q > wild.q {
					wild = tagChoice{q: q, pos: pos}
				}
				continue
			}
			for i, t := range tags {
				c := &state[i]
				if hasRangePrefix(t, lr) { // lr is t, or a prefix of it: lr names t
					c.named = true
					c.excluded = c.excluded || q == 0
				}
				if q > c.q && hasRangePrefix(lr, t) { // t is lr, or a prefix of it: lr selects t
					c.q, c.pos = q, pos
				}
			}
		}
	}
	return choose(state, tags, wild, has)
}

// tagChoice is what the ranges of a field say of one tag.
type tagChoice struct {
	q        int // the highest weight of a range that selects the tag, in thousandths; -1 for none
	pos      int // that range's place in the field, from 1
	named    bool
	excluded bool
}

// choose is the tag the ranges select, or the wildcard's, else the default;
// among those has reports.
func choose(state []tagChoice, tags []string, wild tagChoice, has func(int) bool) int {
	best := -1
	for i, c := range state {
		if c.excluded || c.q <= 0 || i > 0 && has != nil && !has(i) {
			continue
		}
		if best < 0 || c.q > state[best].q || c.q == state[best].q && (c.pos < state[best].pos || c.pos == state[best].pos && len(tags[i]) > len(tags[best])) {
			best = i
		}
	}
	if wild.q > 0 && (best < 0 || wild.q > state[best].q || wild.q == state[best].q && wild.pos < state[best].pos) {
		for i, c := range state {
			if !c.named && !c.excluded && (i == 0 || has == nil || has(i)) {
				return i
			}
		}
	}
	return max(best, 0)
}

// parseLanguageRange reads one element of an Accept-Language field: a
// language range (1*8ALPHA *("-" 1*8alphanum), or "*") and an optional
// weight (OWS ";" OWS "q=" qvalue), with optional whitespace around; q is
// the weight in thousandths (1000 without one). ok is false for anything
// else, an empty element included.
func parseLanguageRange(s string) (lr string, q int, ok bool) {
	s = trimOWS(s)
	n := 0
	for n < len(s) && s[n] != ';' && s[n] != ' ' && s[n] != '\t' {
		n++
	}
	lr, s = s[:n], trimOWS(s[n:])
	if !validRange(lr) {
		return "", 0, false
	}
	if s == "" {
		return lr, 1000, true
	}
	if s[0] != ';' {
		return "", 0, false
	}
	s = trimOWS(s[1:])
	if len(s) < 2 || s[0] != 'q' && s[0] != 'Q' || s[1] != '=' {
		return "", 0, false
	}
	q, ok = parseQValue(s[2:])
	return lr, q, ok
}

// validRange reports whether s is a language range: "*", or subtags of one
// to eight letters (the first) or letters and digits (the others) joined by
// "-".
func validRange(s string) bool {
	if s == "*" {
		return true
	}
	n := 0 // length of the subtag so far
	first := true
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // lower case, for letters
		switch {
		case 'a' <= c && c <= 'z', !first && '0' <= s[i] && s[i] <= '9':
			if n++; n > 8 {
				return false
			}
		case s[i] == '-' && n > 0:
			n, first = 0, false
		default:
			return false
		}
	}
	return n > 0
}

// parseQValue reads a qvalue: "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")],
// in thousandths.
func parseQValue(s string) (int, bool) {
	if s == "" || s[0] != '0' && s[0] != '1' || len(s) > 5 || len(s) > 1 && s[1] != '.' {
		return 0, false
	}
	q := int(s[0]-'0') * 1000
	scale := 100
	for i := 2; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || q == 1000 && c != '0' {
			return 0, false
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	return q, true
}

// hasRangePrefix reports whether prefix is s, or the start of s before a
// "-", without regard to ASCII case.
func hasRangePrefix(s, prefix string) bool {
	if len(s) < len(prefix) || len(s) > len(prefix) && s[len(prefix)] != '-' {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if a, b := s[i], prefix[i]; a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
			return false
		}
	}
	return true
}

// trimOWS trims spaces and tabs at either end of s.
func trimOWS(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
