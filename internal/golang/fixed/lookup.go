package fixed

import (
	"reflect"
	"sync"
)

// errorKey is what identifies an error in a body of an envelope without a code.
type errorKey struct {
	env    *envelope
	status int
	title  string
}

// errorIndex finds definitions without a walk through the table: a catalog may
// have thousands of errors.
type errorIndex struct {
	byKey  map[errorKey]*definition // errors of envelopes without a code
	byCode map[string]*definition
	byType map[reflect.Type]*definition // errors with details, by their details type
}

// index returns the errorIndex, built on first use.
//
// It and topNames are a sync.Once and a variable, where sync.OnceValue
// cost the compiler a dozen functions of its own (the generic's closures,
// for each use and its shape): 2 to 3% of compiling the fixed half.
func index() *errorIndex {
	indexOnce.Do(buildIndex)
	return builtIndex
}

var (
	indexOnce  sync.Once
	builtIndex *errorIndex // index's, once built
)

// buildIndex builds index's errorIndex; the first definition of a key
// wins, as a walk in catalog order would find it.
func buildIndex() {
	loadDefinitions()
	x := &errorIndex{
		byCode: make(map[string]*definition, len(definitions)),
		byKey:  map[errorKey]*definition{},
		byType: map[reflect.Type]*definition{},
	}
	for i := range definitions {
		d := &definitions[i]
		k := errorKey{
			env:    d.envelope,
			status: d.Status,
			title:  d.Title,
		}
		if _, dup := x.byKey[k]; !dup && !d.envelope.hasCode {
			x.byKey[k] = d
		}
		if _, dup := x.byCode[string(d.Code)]; !dup {
			x.byCode[string(d.Code)] = d
		}
		if d.zero != nil {
			x.byType[reflect.TypeOf(d.zero)] = d
		}
	}
	x.addTranslatedTitles()
	builtIndex = x
}

// containsString reports whether list holds s: slices.Contains, which the
// fixed half does not instantiate, for the compiler makes two functions of
// each generic instantiation (see index).
func containsString(list []string, s string) bool {
	return indexOfString(list, s) >= 0
}

// indexOfString is the index of s in list, or -1: slices.Index.
func indexOfString(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// lookupPath returns the JSON value at path; a step "" is an array's first element.
func lookupPath(body []byte, path []string) ([]byte, bool) {
	cur := body
	for _, step := range path {
		if cur == nil {
			break
		}
		if step == "" {
			cur = firstElement(cur)
		} else {
			cur = member(cur, step)
		}
	}
	return cur, cur != nil
}

// Lookup returns the definition of a code.
func Lookup(code Code) (Definition, bool) {
	loadDefinitions()
	if d := index().byCode[string(code)]; d != nil {
		return d.Definition, true
	}
	return Definition{}, false
}

// Definitions returns every definition, in catalog order.
func Definitions() []Definition {
	loadDefinitions()
	out := make([]Definition, len(definitions))
	for i := range definitions {
		out[i] = definitions[i].Definition
	}
	return out
}
