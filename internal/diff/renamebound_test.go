package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

// TestRenamesBounded: renames are looked for among few enough details
// gone and come (diff's maxRenamePairs, 4096 pairs); an error whose details
// were rewritten wholesale is reported as details removed and added, each
// once, without comparing every pair. Below the bound, the same kind of
// change is a set of renames.
func TestRenamesBounded(t *testing.T) {
	for _, tc := range []struct {
		n       int
		renamed bool
	}{{60, true}, {70, false}} {
		details := func(suffix string) string {
			var b strings.Builder
			for i := range tc.n {
				fmt.Fprintf(&b, "{name: d%03d%s, type: string}, ", i, suffix)
			}
			return b.String()
		}
		catalog := func(suffix string) string {
			return "version: 1\napi: A\nerrors:\n  - {code: E, status: 400, details: [" + details(suffix) + "]}\n  - {code: F, status: 500, fallback: true}\n"
		}
		changes := diff.Compare(parse(t, "old.yaml", catalog("")), parse(t, "new.yaml", catalog("x")))
		kinds := map[diff.ChangeKind]int{}
		for _, c := range changes {
			kinds[c.Kind]++
		}
		want := map[diff.ChangeKind]int{diff.DetailRemoved: tc.n, diff.DetailAdded: tc.n}
		if tc.renamed {
			want = map[diff.ChangeKind]int{diff.DetailRenamed: tc.n, diff.GoNameChanged: tc.n}
		}
		if fmt.Sprint(kinds) != fmt.Sprint(want) {
			t.Errorf("%d details renamed d000 to d000x …: %v, want %v", tc.n, kinds, want)
		}
	}
}
