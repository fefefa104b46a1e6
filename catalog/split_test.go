package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/txtar"
)

// splitCatalog is a catalog of n errors laid out in the ways that matter to
// parseSplit: indent is the items' indentation; the errors carry block
// scalars with "- " lines, comments, nested lists, multi-line quoted and
// flow values, and a key follows the list.
func splitCatalog(n, indent int) string {
	var b strings.Builder
	b.WriteString("version: 1\napi: Split API\ndescription: |\n  - not an item\n  errors:\n# a comment\nerrors:   # the list\n")
	pad := strings.Repeat(" ", indent)
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "%s- code: E%d\n%s  status: 400\n%s  description: |\n%s    - a dash line\n%s    errors:\n", pad, i, pad, pad, pad, pad)
		case 1:
			fmt.Fprintf(&b, "%s# between items\n%s-\n%s  code: E%d\n%s  status: 404\n%s  causes:\n%s  - nested\n%s  - list\n\n", pad, pad, pad, i, pad, pad, pad, pad)
		case 2:
			fmt.Fprintf(&b, "%s- code: E%d\n%s  status: 409\n%s  message: \"a quoted\n%s    message\"\n%s  remediation: [one,\n%s    two]\n", pad, i, pad, pad, pad, pad, pad)
		case 3:
			fmt.Fprintf(&b, "%s- {code: E%d, status: 500}\n", pad, i)
		}
	}
	b.WriteString("docs:\n  title: Errors\n")
	return b.String()
}

// sameTree compares what the loader reads of two node trees: everything
// but comments.
func sameTree(t *testing.T, path string, got, want *yaml.Node) bool {
	t.Helper()
	if got.Kind != want.Kind || got.Style != want.Style || got.Tag != want.Tag || got.Value != want.Value ||
		got.Anchor != want.Anchor || got.Line != want.Line || got.Column != want.Column || len(got.Content) != len(want.Content) ||
		(got.Alias == nil) != (want.Alias == nil) {
		t.Errorf("%s: got %d:%d kind %d %q (%d children), want %d:%d kind %d %q (%d children)", path,
			got.Line, got.Column, got.Kind, got.Value, len(got.Content), want.Line, want.Column, want.Kind, want.Value, len(want.Content))
		return false
	}
	if got.Alias != nil && (got.Alias.Line != want.Alias.Line || got.Alias.Column != want.Alias.Column) {
		t.Errorf("%s: alias of %d:%d, want %d:%d", path, got.Alias.Line, got.Alias.Column, want.Alias.Line, want.Alias.Column)
		return false
	}
	for i := range got.Content {
		if !sameTree(t, fmt.Sprintf("%s/%d", path, i), got.Content[i], want.Content[i]) {
			return false
		}
	}
	return true
}

// checkSplit parses data in parts and whole: either parseSplit gives up, or
// both give the same tree. It reports whether parseSplit split.
func checkSplit(t *testing.T, name string, data []byte, parts int) bool {
	t.Helper()
	split := parseSplit(data, parts)
	if split == nil {
		return false
	}
	var whole yaml.Node
	if err := yaml.Unmarshal(data, &whole); err != nil {
		t.Errorf("%s: split, but one parse fails: %v", name, err)
		return true
	}
	sameTree(t, name, split, &whole)
	return true
}

func TestParseSplitMatchesOneParse(t *testing.T) {
	for _, indent := range []int{0, 2, 4} {
		for _, crlf := range []bool{false, true} {
			for _, parts := range []int{2, 3, 7} {
				data := splitCatalog(40, indent)
				if crlf {
					data = strings.ReplaceAll(data, "\n", "\r\n")
				}
				name := fmt.Sprintf("indent %d, crlf %v, %d parts", indent, crlf, parts)
				if !checkSplit(t, name, []byte(data), parts) {
					t.Errorf("%s: not split", name)
				}
			}
		}
	}
	// And the catalog reads the same.
	data := []byte(splitCatalog(40, 2))
	if doc := parseSplit(data, 2); doc == nil || len(doc.Content[0].Content[7].Content) != 40 {
		t.Fatalf("the errors are not all there")
	}
}

// TestParseSplitGivesUp checks layouts where cutting at item lines would
// change the document, or where the parts do not parse: parseSplit must
// give up on them (or, where it splits, agree with one parse).
func TestParseSplitGivesUp(t *testing.T) {
	items := splitCatalog(8, 2)
	for name, data := range map[string]string{
		// 8 items and a line that looks like one: 2 parts cut at the fifth, X
		"quoted across a cut":               strings.Replace(items, "  - {code: E3, status: 500}\n", "  - code: E3\n    message: \"open\n  - code: X\n    still the message\"\n", 1),
		"flow across a cut":                 strings.Replace(items, "  - {code: E3, status: 500}\n", "  - code: E3\n    causes: [a,\n  - code: X, b]\n", 1),
		"alias across a cut":                strings.Replace(strings.Replace(items, "code: E0", "code: &c E0", 1), "code: E7", "code: *c", 1),
		"quoted into the tail across a cut": "version: 1\nerrors:\n  - code: A\n    message: \"abc\n  - code: B\n  - code: C\n  - code: D\n  - code: E\nx: \"\n",
		"two errors keys":                   items + "errors:\n  - code: Y\n",
		"document marker":                   "---\n" + items,
		"directive":                         "%YAML 1.2\n---\n" + items,
		"flow list":                         "version: 1\nerrors: [{code: A}, {code: B}, {code: C}, {code: D}, {code: E}]\n",
		"too few items":                     "version: 1\nerrors:\n  - code: A\n",
		"not a list":                        "version: 1\nerrors:\n  code: A\n",
		"fake key in a quote":               "version: 1\ndescription: \"x\nerrors:\n  - code: A\n  - code: B\n  - code: C\n  - code: D\n\"\n\"errors\": [{code: A}]\n",
		"tab":                               "version: 1\nerrors:\n\t- code: A\n",
		"not at the margin":                 "version: 1\nx:\n  errors:\n  - code: A\n  - code: B\n  - code: C\n  - code: D\n",
		// Line breaks yaml.v3 counts and a cut at "\n" would not.
		"lone CR before a cut": strings.Replace(items, "- code: E0\n", "- code: E0\n    title: \"a\rb\"\n", 1),
		"NEL before a cut":     strings.Replace(items, "- code: E0\n", "- code: E0\n    title: \"a\u0085b\"\n", 1),
		"LS before a cut":      strings.Replace(items, "- code: E0\n", "- code: E0\n    title: \"a\u2028b\"\n", 1),
		"PS before a cut":      strings.Replace(items, "- code: E0\n", "- code: E0\n    title: \"a\u2029b\"\n", 1),
	} {
		for _, parts := range []int{2, 3} {
			split := checkSplit(t, fmt.Sprintf("%s, %d parts", name, parts), []byte(data), parts)
			if split && parts == 2 && strings.Contains(name, "across a cut") {
				t.Errorf("%s: split", name)
			}
		}
	}
}

// TestParseSplitBadCatalogs runs the bad catalogs through parseSplit, which
// must give up on them or agree with one parse.
func TestParseSplitBadCatalogs(t *testing.T) {
	paths, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "catalog.yaml" {
				for _, parts := range []int{2, 3} {
					checkSplit(t, fmt.Sprintf("%s, %d parts", path, parts), f.Data, parts)
				}
			}
		}
	}
}

func TestParseSplitBundled(t *testing.T) {
	paths, err := filepath.Glob("../examples/*/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	presets, err := filepath.Glob("../testdata/presets/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(append(paths, "../catalog.yaml"), presets...)
	if len(paths) < 3 {
		t.Fatalf("catalogs: %v", paths)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, parts := range []int{2, 3} {
			checkSplit(t, fmt.Sprintf("%s, %d parts", path, parts), data, parts)
		}
	}
}

// SetParseInParts makes Parse read YAML in parts (the shortcut) or whole
// (the plain path) for the tests and benchmarks of package catalog_test,
// and returns the undo.
func SetParseInParts(inParts bool) (undo func()) {
	saved := parseYAML
	parseYAML = parseWhole
	if inParts {
		parseYAML = parseInParts
	}
	return func() { parseYAML = saved }
}
