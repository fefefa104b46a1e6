//go:build !errgen_one_language

package fixed

import (
	"strings"
	"sync/atomic"
)

// Services see few distinct Accept-Language fields (each browser sends its
// user's settings, each client a constant), and reading one costs as much
// as the rest of a static Write: what weigh reads of a field is kept, by
// the field, in a small table, so that a field seen before costs a
// comparison, and choose only when the error lacks the language the field
// prefers. negotiate is the plain path; FuzzAcceptLanguage
// holds the two together and BenchmarkWriteStaticAcceptLanguage says what
// the table buys.

// weighed is what weigh read of one field, for the catalog's languages.
type weighed struct {
	field string
	wild  tagChoice
	state []tagChoice
	any   int // the choice when every language is available: when it is, it is the choice
}

// weighedFields are the fields read last, by slot (see slotOf); a slot
// holds the last field read of those that fall in it. At most 64 fields of
// up to 256 bytes are kept. Each holds a *weighed: atomic.Value, not the
// generic atomic.Pointer[weighed], whose methods the compiler made in
// every generated package of several languages (see index).
var weighedFields [64]atomic.Value

// maxWeighedField is the longest field kept: longer ones are rare, and read
// afresh each time.
const maxWeighedField = 256

// negotiateLanguage is negotiate among the catalog's languages, with what
// weigh read of the field kept for the next request that sends it.
func negotiateLanguage(values []string, has func(int) bool) int {
	if len(values) != 1 || len(values[0]) > maxWeighedField {
		return negotiate(values, languages, has)
	}
	field := values[0]
	slot := &weighedFields[slotOf(field)]
	w, _ := slot.Load().(*weighed)
	if w == nil || w.field != field || len(w.state) != len(languages) {
		w = &weighed{field: strings.Clone(field), state: make([]tagChoice, len(languages))}
		w.wild = weigh(values, languages, w.state)
		w.any = choose(w.state, languages, w.wild, nil)
		slot.Store(w)
	}
	if w.any == 0 || has == nil || has(w.any) {
		return w.any
	}
	return choose(w.state, languages, w.wild, has)
}

// slotOf is the slot of a field in weighedFields: its length and three of
// its bytes mixed, which tell the few fields a service sees apart at a
// fraction of a hash's cost. Fields that share a slot only take turns in
// it: each is compared whole.
func slotOf(field string) int {
	n := len(field)
	if n == 0 {
		return 0
	}
	h := uint(n)*31 + uint(field[0])
	h = h*31 + uint(field[n/2])
	h = h*31 + uint(field[n-1])
	return int(h % uint(len(weighedFields)))
}
