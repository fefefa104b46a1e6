//go:build !errgen_one_language

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
// linear in its length times the number of tags, whatever its ranges. Only
// its elements within the first maxAcceptLanguage bytes are read.
func negotiate(values []string, tags []string, has func(int) bool) int {
	var buf [16]tagChoice
	var state []tagChoice
	if len(tags) <= len(buf) {
		state = buf[:len(tags)]
	} else {
		state = make([]tagChoice, len(tags))
	}
	wild := weigh(values, tags, state)
	return choose(state, tags, wild, has)
}

// weigh reads an Accept-Language field and sets state[i] to what its ranges
// say of tags[i]; it returns what its "*" says.
func weigh(values []string, tags []string, state []tagChoice) (wild tagChoice) {
	for i := range state {
		state[i] = tagChoice{q: -1}
	}
	wild.q = -1
	var pos int32
	left := maxAcceptLanguage
	for n, v := range values {
		if n > 0 {
			left-- // the comma joining the field's lines
		}
		if left < 0 {
			break
		}
		v, cut := withinLimit(v, left)
		left -= len(v)
		for i := 0; i < len(v); {
			var lr string
			var q int32
			if lr, q, i = nextRange(v, i); lr == "" {
				continue
			}
			pos++
			if lr == "*" {
				if q > wild.q {
					wild = tagChoice{q: q, pos: pos}
				}
				continue
			}
			for j, t := range tags {
				names, selects := rangeMatch(lr, t)
				c := &state[j]
				if names {
					c.named = true
					c.excluded = c.excluded || q == 0
				}
				if selects && q > c.q {
					c.q, c.pos = q, pos
				}
			}
		}
		if cut {
			break
		}
	}
	return wild
}

// maxAcceptLanguage is how much of an Accept-Language field negotiate
// reads: the elements that end within its first 8 KiB, as much of a field
// as Apache (8,190 bytes) and nginx (8 KiB) pass on by default; browsers
// send under 100 bytes. A field of 1 MiB, which net/http admits, took
// 100 ms to read against a hundred languages: an error response cost a
// hundred times what sending the request did.
const maxAcceptLanguage = 8 << 10

// withinLimit is the elements of v, one line of the field, that end within
// its first left bytes, and whether any is left out: an element the limit
// cuts is not read, since what is left of it would be another range (de-CH
// cut after de).
func withinLimit(v string, left int) (string, bool) {
	switch {
	case len(v) <= left:
		return v, false
	case v[left] == ',':
		return v[:left], true
	}
	return v[:max(strings.LastIndexByte(v[:left], ','), 0)], true
}

// tagChoice is what the ranges of a field say of one tag. Nothing
// compares two: doNotCompare spares the compiler their equality functions.
type tagChoice struct {
	_        doNotCompare
	q        int32 // the highest weight of a range that selects the tag, in thousandths; -1 for none
	pos      int32 // that range's place in the field, from 1
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

// nextRange reads the element of an Accept-Language field that starts at
// v[i], and returns the index of the next one: a language range
// (1*8ALPHA *("-" 1*8alphanum), or "*") and an optional weight (OWS ";" OWS
// "q=" qvalue), with optional whitespace around; q is the weight in
// thousandths (1000 without one). lr is "" for anything else, an empty
// element included. One pass over the bytes, validating as it goes.
func nextRange(v string, i int) (lr string, q int32, next int) {
	start := skipOWS(v, i)
	end := rangeEnd(v, start)
	if end < 0 {
		return "", 0, skipElement(v, start)
	}
	i = skipOWS(v, end)
	q = 1000
	if i < len(v) && v[i] == ';' {
		i = skipOWS(v, i+1)
		if i+1 < len(v) && (v[i] == 'q' || v[i] == 'Q') && v[i+1] == '=' {
			q, i = qValue(v, i+2)
			i = skipOWS(v, i)
		} else {
			q = -1
		}
	}
	if i < len(v) && v[i] != ',' || q < 0 {
		return "", 0, skipElement(v, i)
	}
	return v[start:end], q, i + 1
}

// skipElement returns the index after the comma that ends the element
// v[i] is in: the start of the next one.
func skipElement(v string, i int) int {
	for i < len(v) && v[i] != ',' {
		i++
	}
	return i + 1
}

// rangeEnd returns the index just after the language range at v[i], or -1
// when there is none there: "*", or subtags of one to eight letters (the
// first) or letters and digits (the others) joined by "-".
func rangeEnd(v string, i int) int {
	if i < len(v) && v[i] == '*' {
		return i + 1
	}
	n := 0 // length of the subtag so far
	first := true
	for ; i < len(v); i++ {
		c := v[i]
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z', !first && '0' <= c && c <= '9':
			if n++; n > 8 {
				return -1
			}
		case c == '-' && n > 0:
			n, first = 0, false
		case c == ' ' || c == '\t' || c == ';' || c == ',':
			if n == 0 {
				return -1
			}
			return i
		default:
			return -1
		}
	}
	if n == 0 {
		return -1
	}
	return i
}

// qValue reads the qvalue at v[i] ("0" ["." 0*3DIGIT] / "1" ["." 0*3("0")])
// in thousandths, and returns the index after it; q is -1 when there is
// none.
func qValue(v string, i int) (q int32, next int) {
	if i >= len(v) || v[i] != '0' && v[i] != '1' {
		return -1, i
	}
	q = int32(v[i]-'0') * 1000
	i++
	if i >= len(v) || v[i] != '.' {
		return q, i
	}
	i++
	for scale := int32(100); i < len(v) && '0' <= v[i] && v[i] <= '9'; scale /= 10 {
		if scale == 0 || q == 1000 && v[i] != '0' {
			return -1, i
		}
		q += int32(v[i]-'0') * scale
		i++
	}
	return q, i
}

// rangeMatch compares a language range with a tag, without regard to
// ASCII case: the range names the tag when it is the tag or a prefix of it
// ending before a "-" (basic filtering), and selects it when the tag is the
// range or such a prefix of it (lookup).
func rangeMatch(lr, t string) (names, selects bool) {
	n := min(len(lr), len(t))
	for i := 0; i < n; i++ {
		if a, b := lr[i], t[i]; a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
			return false, false
		}
	}
	switch {
	case len(lr) == len(t):
		return true, true
	case len(lr) < len(t):
		return t[n] == '-', false
	}
	return false, lr[n] == '-'
}

// skipOWS returns the index of the first byte at or after v[i] that is
// neither a space nor a tab.
func skipOWS(v string, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
		i++
	}
	return i
}
