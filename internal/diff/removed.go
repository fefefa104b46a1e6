package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// lookalikes indexes the codes only after has, in use, by their status and
// detail names: a code removed beside exactly one of its look is most
// likely renamed, which a code never is.
func lookalikes(before, after *catalog.Catalog) map[string][]*catalog.Error {
	old := index(before)
	m := map[string][]*catalog.Error{}
	for _, n := range after.Errors {
		if old[n.Code] == nil {
			m[look(n)] = append(m[look(n)], n)
		}
	}
	return m
}

// look is what a client sees of an error but its code: status and details.
func look(e *catalog.Error) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(e.Status))
	for _, d := range e.Details {
		b.WriteString(" " + d.Name)
	}
	return b.String()
}

// removedAdvice says what to do about a code removed: retire it when it was
// deprecated; else deprecate it first, for retiring it at once breaks Go
// code too (code-retired-undeprecated), naming as its replacement the one
// code added with its look, if there is one.
func removedAdvice(o *catalog.Error, added map[string][]*catalog.Error) string {
	if o.Deprecated != "" {
		return "code removed: set retired: true instead, which keeps it reserved"
	}
	if same := added[look(o)]; len(same) == 1 {
		n := same[0].Code
		return fmt.Sprintf("code removed, and %s added with its status and details: a code is never renamed; keep %s, deprecated with replaced_by: %s, and retire it a release later", n, o.Code, n)
	}
	return "code removed: keep it, deprecated (deprecated: what to use instead), and retire it a release later (retired: true), which keeps it reserved"
}
