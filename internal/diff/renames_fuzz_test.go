package diff_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/diff"
	"github.com/errgen/errgen/internal/golang"
)

// renameTypes are the detail types a fuzzed detail list draws from: few,
// so that like names often share a type and sometimes do not.
var renameTypes = []catalog.DetailType{catalog.TypeString, catalog.TypeInteger, catalog.TypeBoolean}

// fuzzDetail is one detail of a fuzzed list, as the model sees it.
type fuzzDetail struct {
	name     string
	typ      catalog.DetailType
	required bool
}

// FuzzDetailRenames compares one error's fuzzed old and new detail lists
// (comma-separated name:type items, names over a small alphabet so that
// prefixes, suffixes and typos occur) and checks the renames, removals and
// additions diff.Compare reports against renameModel, written from the
// rule in docs/diff.md and not calling diff's code. Seeds: every error of
// the testdata cases, and the bound of TestRenamesBounded.
func FuzzDetailRenames(f *testing.F) {
	addRenameSeeds(f)
	f.Fuzz(func(t *testing.T, oldSpec, newSpec string) {
		olds, news := fuzzDetails(oldSpec), fuzzDetails(newSpec)
		before, err := catalog.Parse("old.yaml", []byte(renameCatalog(olds)), golang.Rules)
		if err != nil {
			return // a Go name two details share, a name the generated package keeps
		}
		after, err := catalog.Parse("new.yaml", []byte(renameCatalog(news)), golang.Rules)
		if err != nil {
			return
		}
		got := reportedDetailChanges(t, diff.Compare(before, after))
		checkRenameProperties(t, got.renamed, before.Errors[0].Details, after.Errors[0].Details)
		want := renameModel(before.Errors[0].Details, after.Errors[0].Details)
		if g, w := got.String(), want.String(); g != w {
			t.Fatalf("old %q new %q:\ngot  %s\nwant %s", oldSpec, newSpec, g, w)
		}
	})
}

// addRenameSeeds adds the detail lists of every error in both catalogs of
// each testdata case, two removed details like one added, and 60 and 70 details renamed d000 to d000x (either
// side of maxRenamePairs).
func addRenameSeeds(f *testing.F) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		specs := map[string]map[string]string{} // side, code: spec
		for _, file := range ar.Files {
			if file.Name != "old.yaml" && file.Name != "new.yaml" {
				continue
			}
			c, err := catalog.Parse(file.Name, file.Data, golang.Rules)
			if err != nil {
				continue
			}
			specs[file.Name] = map[string]string{}
			for _, e := range c.Errors {
				specs[file.Name][e.Code] = detailSpec(e.Details)
			}
		}
		for code, oldSpec := range specs["old.yaml"] {
			if newSpec, ok := specs["new.yaml"][code]; ok && (oldSpec != "" || newSpec != "") {
				f.Add(oldSpec, newSpec)
			}
		}
	}
	// Two removed details whose one match is the same added detail: none
	// is renamed (each the other's only match both ways, or no rename).
	f.Add("item,items", "itemx")
	for _, n := range []int{60, 70} {
		var o, nw []string
		for i := range n {
			o, nw = append(o, fmt.Sprintf("d%03d", i)), append(nw, fmt.Sprintf("d%03dx", i))
		}
		f.Add(strings.Join(o, ","), strings.Join(nw, ","))
	}
}

// detailSpec writes details as FuzzDetailRenames reads them.
func detailSpec(details []*catalog.Detail) string {
	items := make([]string, len(details))
	for i, d := range details {
		typ := max(0, slices.Index(renameTypes, d.Type))
		items[i] = d.Name + ":" + string("sib"[typ])
		if d.Required {
			items[i] += "!"
		}
	}
	return strings.Join(items, ",")
}

// fuzzDetails reads a spec: items split on commas, each a name, then after
// a colon a type letter (its byte picks one of renameTypes) and ! when
// required. Bytes a name cannot hold become a, b or s; names are cut to 12
// bytes, and a name met before (in any case) is dropped; at most 80.
func fuzzDetails(spec string) []fuzzDetail {
	var out []fuzzDetail
	seen := map[string]bool{}
	for _, item := range strings.Split(spec, ",") {
		name, kind, _ := strings.Cut(item, ":")
		var b strings.Builder
		for i := 0; i < len(name) && b.Len() < 12; i++ {
			c := name[i]
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if !letter && (b.Len() == 0 || c != '_' && (c < '0' || c > '9')) {
				c = "abs"[c%3]
			}
			b.WriteByte(c)
		}
		d := fuzzDetail{name: b.String(), typ: catalog.TypeString, required: strings.Contains(kind, "!")}
		if kind != "" {
			d.typ = renameTypes[int(kind[0])%len(renameTypes)]
		}
		if d.name == "" || seen[strings.ToLower(d.name)] || len(out) == 80 {
			continue
		}
		seen[strings.ToLower(d.name)] = true
		out = append(out, d)
	}
	return out
}

// renameCatalog is a catalog of one error E with the details, and the
// fallback every catalog needs.
func renameCatalog(details []fuzzDetail) string {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\nerrors:\n  - code: E\n    status: 400\n    details:\n")
	if len(details) == 0 {
		b.WriteString("      []\n")
	}
	for _, d := range details {
		fmt.Fprintf(&b, "      - {name: %s, type: %s, required: %t}\n", d.name, d.typ, d.required)
	}
	b.WriteString("  - {code: F, status: 500, fallback: true}\n")
	return b.String()
}

// detailChanges are the detail renames, removals and additions of error
// E: renamed from old name to new, removed and added by name (added
// required ones marked with !), each name counted as often as reported.
type detailChanges struct {
	renamed        map[string]string
	removed, added map[string]int
}

func (c detailChanges) String() string {
	return fmt.Sprintf("renamed %v removed %v added %v", c.renamed, c.removed, c.added)
}

var (
	renamedMessage = regexp.MustCompile(`^detail (\w+) renamed to (\w+)$`)
	removedMessage = regexp.MustCompile(`^detail (\w+) removed$`)
	addedMessage   = regexp.MustCompile(`^(required|optional) detail (\w+) added`)
)

// reportedDetailChanges reads the detail changes of E out of changes, by
// their messages; a detail renamed twice fails t.
func reportedDetailChanges(t *testing.T, changes []diff.Change) detailChanges {
	got := detailChanges{renamed: map[string]string{}, removed: map[string]int{}, added: map[string]int{}}
	for _, c := range changes {
		switch c.Kind {
		case diff.DetailRenamed:
			m := renamedMessage.FindStringSubmatch(c.Message)
			if m == nil || got.renamed[m[1]] != "" {
				t.Fatalf("rename %q: unread, or its detail renamed before (%v)", c.Message, got.renamed)
			}
			got.renamed[m[1]] = m[2]
		case diff.DetailRemoved:
			if m := removedMessage.FindStringSubmatch(c.Message); m != nil {
				got.removed[m[1]]++
			} else {
				t.Fatalf("removal %q unread", c.Message)
			}
		case diff.DetailAdded, diff.DetailAddedRequired:
			m := addedMessage.FindStringSubmatch(c.Message)
			if m == nil || (m[1] == "required") != (c.Kind == diff.DetailAddedRequired) {
				t.Fatalf("addition %q of kind %s unread", c.Message, c.Kind)
			}
			got.added[m[2]+map[bool]string{true: "!"}[m[1] == "required"]]++
		}
	}
	return got
}
