package catalog

import "go.yaml.in/yaml/v3"

// meantKeys finds, in one mapping, the key a misspelt one was meant to
// be. The misspelling is reported, and the catalog refused for it; its
// value is read as the key meant, so that what that key's absence would
// bring (a required key missing, an included file's errors without their
// category) is not reported beside it, as many follow-ons of one typo.
type meantKeys struct {
	m       *yaml.Node      // the mapping
	present map[string]bool // its keys, and those a misspelt one stood in for: made when first needed
}

// meant is the near miss of key among known, or "" when there is none or
// the mapping has that key already (its own, or a misspelt one read as
// it): a key read twice would be a problem of its own.
func (mk *meantKeys) meant(key string, known []string) string {
	if len(key) < minMeantLen {
		return ""
	}
	budget := maxSuggestCost
	near := closest(key, known, &budget)
	if near == "" {
		return ""
	}
	if mk.present == nil {
		mk.present = make(map[string]bool, len(mk.m.Content)/2)
		for i := 0; i+1 < len(mk.m.Content); i += 2 {
			mk.present[mk.m.Content[i].Value] = true
		}
	}
	if mk.present[near] {
		return ""
	}
	mk.present[near] = true
	return near
}

// minMeantLen is the shortest misspelt key read as the key meant: a key of
// one or two characters is one edit from too many ("g" from "go"), and the
// problems of a wrong guess's value would be noise of their own.
const minMeantLen = 3
