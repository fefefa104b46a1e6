package diff_test

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// The model of FuzzDetailRenames, from docs/diff.md's rule: a removed and
// an added detail of one type, with similar names, are a rename when each
// is the other's only such match, among at most 4,096 pairs. It shares no
// code with diff (the Go names are the catalog's).

// modelPairsBound is the most removed × added pairs renames are looked
// for among (docs/diff.md).
const modelPairsBound = 4096

// renameModel is what diff should report of error E's details.
func renameModel(olds, news []*catalog.Detail) detailChanges {
	removed, added := goneAndCome(olds, news)
	want := detailChanges{renamed: map[string]string{}, removed: map[string]int{}, added: map[string]int{}}
	if len(removed)*len(added) <= modelPairsBound {
		for _, od := range removed {
			to := modelMatches(od, added)
			if len(to) == 1 && len(modelMatches(to[0], removed)) == 1 {
				want.renamed[od.Name] = to[0].Name
			}
		}
	}
	became := map[string]bool{}
	for _, to := range want.renamed {
		became[to] = true
	}
	for _, od := range removed {
		if want.renamed[od.Name] == "" {
			want.removed[od.Name]++
		}
	}
	for _, nd := range added {
		if !became[nd.Name] {
			want.added[nd.Name+map[bool]string{true: "!"}[nd.Required]]++
		}
	}
	return want
}

// checkRenameProperties checks the reported renames on their own: one to
// one, from a removed detail to an added one of its type with a similar
// name, each the other's only match.
func checkRenameProperties(t *testing.T, renamed map[string]string, olds, news []*catalog.Detail) {
	t.Helper()
	removed, added := goneAndCome(olds, news)
	byName := func(ds []*catalog.Detail, name string) *catalog.Detail {
		for _, d := range ds {
			if d.Name == name {
				return d
			}
		}
		return nil
	}
	targets := map[string]string{}
	for from, to := range renamed {
		od, nd := byName(removed, from), byName(added, to)
		switch {
		case od == nil || nd == nil:
			t.Fatalf("rename %s to %s: not a removed detail to an added one", from, to)
		case targets[to] != "":
			t.Fatalf("%s and %s both renamed to %s", targets[to], from, to)
		case od.Type != nd.Type || !modelSimilar(od, nd):
			t.Fatalf("rename %s (%s) to %s (%s): not of one type with similar names", from, od.Type, to, nd.Type)
		case len(modelMatches(od, added)) != 1 || len(modelMatches(nd, removed)) != 1:
			t.Fatalf("rename %s to %s: %s matches %d added, %s %d removed", from, to, from, len(modelMatches(od, added)), to, len(modelMatches(nd, removed)))
		}
		targets[to] = from
	}
}

// goneAndCome are the old details no new one has the name of, and the new
// ones no old one has the name of, each in catalog order.
func goneAndCome(olds, news []*catalog.Detail) (removed, added []*catalog.Detail) {
	in := func(ds []*catalog.Detail, name string) bool {
		for _, d := range ds {
			if d.Name == name {
				return true
			}
		}
		return false
	}
	for _, od := range olds {
		if !in(news, od.Name) {
			removed = append(removed, od)
		}
	}
	for _, nd := range news {
		if !in(olds, nd.Name) {
			added = append(added, nd)
		}
	}
	return removed, added
}

// modelMatches are the details of others of d's type with a name similar
// to d's.
func modelMatches(d *catalog.Detail, others []*catalog.Detail) []*catalog.Detail {
	var out []*catalog.Detail
	for _, o := range others {
		if o.Type == d.Type && modelSimilar(d, o) {
			out = append(out, o)
		}
	}
	return out
}

// modelSimilar: the Go names, lower-cased, are equal or one starts or ends
// with the other; or either name is a did-you-mean hint for the other.
func modelSimilar(a, b *catalog.Detail) bool {
	an, bn := strings.ToLower(a.GoName), strings.ToLower(b.GoName)
	affix := strings.HasPrefix(an, bn) || strings.HasPrefix(bn, an) || strings.HasSuffix(an, bn) || strings.HasSuffix(bn, an)
	return affix || modelHint(a.Name, b.Name) || modelHint(b.Name, a.Name)
}

// modelHint is whether the catalog's did-you-mean would offer c for s
// (docs/catalog.md): c starts with s, of 3 or more letters, in any case;
// or, both of at most 64 bytes, c is at most max(1, len(s)/3) edits from
// s, a swap of neighbours one edit, case ignored.
func modelHint(s, c string) bool {
	if len(s) > 64 {
		return false
	}
	if len(s) >= 3 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)) {
		return true
	}
	return len(c) <= 64 && swapDistance(strings.ToLower(s), strings.ToLower(c)) <= max(1, len(s)/3)
}

// swapDistance is the edit distance with a swap of neighbours counted as
// one edit (optimal string alignment), over a full table.
func swapDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
