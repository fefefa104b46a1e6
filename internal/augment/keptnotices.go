package augment

import (
	"fmt"
	"slices"

	"github.com/errgen/errgen/diag"
)

// keptShown is how many operations' notices of one kept response (a status,
// errgen's response) are told one line each: a spec whose every operation
// has its own default, as Stripe's 452 do, would otherwise fill the output
// of every run, --check and validate with one line each.
const keptShown = 5

// keptNotice is the notice that an operation's own response stays where
// errgen would attach its response name under key.
type keptNotice struct {
	notice    diag.Diagnostic
	where     string // the operation, "GET /a"
	key, name string
}

// foldKept is the kept notices in file order, the first keptShown of each
// key and name as they are, the rest in one notice that counts them, at the
// first of them.
func foldKept(kept []keptNotice) []diag.Diagnostic {
	slices.SortStableFunc(kept, func(x, y keptNotice) int { return x.notice.Pos.Compare(y.notice.Pos) })
	type group struct{ key, name string }
	count := map[group]int{}
	var out []diag.Diagnostic
	var firstFolded []keptNotice // of each group with more than keptShown, in file order
	for _, k := range kept {
		g := group{k.key, k.name}
		count[g]++
		switch {
		case count[g] <= keptShown:
			out = append(out, k.notice)
		case count[g] == keptShown+1:
			firstFolded = append(firstFolded, k)
		}
	}
	for _, k := range firstFolded {
		more := count[group{k.key, k.name}] - keptShown
		out = append(out, diag.Diagnostic{Pos: k.notice.Pos, Severity: diag.Notice,
			Msg: fmt.Sprintf("response %s kept in %d more operations, %s and those after it: each already defines it (errgen's is %s)", k.key, more, k.where, k.name)})
	}
	return out
}
