package augment

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// FuzzAugmentReplace: a spec (YAML block or flow, JSON compact or
// indented) whose operations carry their own responses at the statuses of
// the catalog's errors, and whose components have errgen's names, each in
// any position of its object (first, middle, last, alone), augmented with
// Force or with Replace naming some of those components, reads as the spec
// errgen augments without them (what it replaces is errgen's, the rest is
// the author's, byte for byte), parses in its format, loads in
// kin-openapi, and augmenting it again, with the same options or none,
// changes nothing. FuzzAugment did not find that replacing a JSON object's
// last member panicked: it neither replaced with Replace nor built such
// specs but by chance.
func FuzzAugmentReplace(f *testing.F) {
	for _, shape := range [][]byte{
		nil,
		bytes.Repeat([]byte{1}, 64),
		bytes.Repeat([]byte{2}, 64),
		bytes.Repeat([]byte{1, 2, 0}, 30),
		bytes.Repeat([]byte{0xff, 1, 3, 7}, 20),
	} {
		for layout := range uint8(16) {
			f.Add(layout, uint8(1), shape, shape)
			f.Add(layout, uint8(0x1e), shape, []byte(nil))
		}
	}
	c, err := catalog.Parse("fuzz.yaml", []byte(fuzzCatalog))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, layout, mode uint8, shape, style []byte) {
		spec := genSpec(&fzChoices{b: shape}, &fzChoices{b: style})
		checkReplaced(t, c, spec, fzLayoutOf(layout), fzOptionsOf(mode))
	})
}

// fzOptionsOf reads options from a byte: Force its low bit, the components
// Replace names the next four.
func fzOptionsOf(b uint8) Options {
	opts := Options{Force: b&1 != 0}
	for i, name := range errgenComponents {
		if b&(2<<i) != 0 {
			opts.Replace = append(opts.Replace, name)
		}
	}
	return opts
}

// checkReplaced augments spec, written in layout l, with opts, and holds
// the output to the oracles of FuzzAugmentReplace.
func checkReplaced(t *testing.T, c *catalog.Catalog, spec *fzSpec, l fzLayout, opts Options) {
	t.Helper()
	in := spec.render(l, nil, opts.Force)
	out, _, err := Augment(c, in.text, l.name(), opts)
	// what errgen may replace, left out: the spec errgen augments as it would it
	skip := map[*fzMember]bool{}
	for key, m := range spec.components {
		skip[m] = opts.Force || slices.Contains(opts.Replace, key)
	}
	for _, r := range spec.colliding {
		skip[r] = opts.Force
	}
	clean := spec.render(l, skip, false)
	want, _, wantErr := Augment(c, clean.text, l.name(), Options{})
	switch {
	case wantErr != nil && (opts.Force || !onlyClashes(wantErr)):
		t.Fatalf("the spec without what errgen replaces is refused: %v\n%s", wantErr, clean.text)
	case wantErr != nil && (err == nil || !onlyClashes(err)):
		// a component Replace does not name clashes, with or without those it names
		t.Fatalf("%s with %+v: %v, where without what it replaces: %v\n%s", l.name(), opts, err, wantErr, in.text)
	case wantErr != nil:
		return
	case err != nil:
		t.Fatalf("%s with %+v is refused: %v\n%s", l.name(), opts, err, in.text)
	}
	if l.json && !json.Valid(out) {
		t.Fatalf("%s with %+v: the output is not JSON:\n%s", l.name(), opts, out)
	}
	got, ok := fzTree(out)
	if !ok {
		t.Fatalf("%s with %+v: the output does not parse:\n%s", l.name(), opts, out)
	}
	loadValidOpenAPI(t, out)
	wantTree, _ := fzTree(want)
	// a component errgen does not use stays the author's
	for key, m := range spec.components {
		if !skip[m] {
			continue
		}
		section := fzLookup(wantTree, "components", strings.Split(key, ".")[1])
		if _, ok := section[m.key]; !ok && section != nil {
			section[m.key], skip[m] = m.generic(), false
		}
	}
	if !reflect.DeepEqual(got, wantTree) {
		t.Fatalf("%s with %+v: what errgen replaced is not what it writes without the author's:\n%s\nthe spec:\n%s", l.name(), opts, fzDiff(wantTree, got), in.text)
	}
	for m, text := range in.spans {
		if !skip[m] && !bytes.Contains(out, []byte(text)) {
			t.Fatalf("%s with %+v: the author's %q lost its bytes %q:\n%s", l.name(), opts, m.key, text, out)
		}
	}
	for _, again := range []Options{opts, {}} {
		twice, _, err := Augment(c, out, l.name(), again)
		if err != nil || !bytes.Equal(twice, out) {
			t.Fatalf("%s with %+v: augmenting the output again with %+v changes it (err %v):\n%s", l.name(), opts, again, err, udiff.Unified("once", "twice", string(out), string(twice)))
		}
	}
	if opts.Force {
		checkHandEdit(t, c, l, opts, out)
	}
}

// checkHandEdit edits errgen's text in out, forced out of the spec: a
// re-run refuses it, naming --force, which then writes out again.
func checkHandEdit(t *testing.T, c *catalog.Catalog, l fzLayout, opts Options, out []byte) {
	t.Helper()
	edited := bytes.Replace(out, []byte("Internal Server Error"), []byte("Internal Server Error (edited)"), 1)
	_, _, err := Augment(c, edited, l.name(), Options{Replace: opts.Replace})
	var problems *diag.List
	if !errors.As(err, &problems) || !slices.ContainsFunc(problems.Items, func(d diag.Diagnostic) bool { return d.Remedy.Kind == diag.ForceRewritesPart }) {
		t.Fatalf("%s: a hand edit of errgen's part is not refused for --force to rewrite (err %v):\n%s", l.name(), err, edited)
	}
	again, _, err := Augment(c, edited, l.name(), opts)
	if err != nil || !bytes.Equal(again, out) {
		t.Fatalf("%s: --force after a hand edit of errgen's part does not write it anew (err %v):\n%s", l.name(), err, udiff.Unified("once", "again", string(out), string(again)))
	}
}

// onlyClashes reports whether err is only components of the spec's that
// differ from errgen's.
func onlyClashes(err error) bool {
	var l *diag.List
	if !errors.As(err, &l) {
		return false
	}
	for _, d := range l.Items {
		if d.Severity == diag.Error && d.Remedy.Kind != diag.ForceReplacesComponent {
			return false
		}
	}
	return true
}

// fzTree is a text's data, for comparing: mappings keyed by their keys'
// text, scalars their text, a marker's hash whether or not errgen
// replaced the author's there.
func fzTree(text []byte) (any, bool) {
	var file yaml.Node
	if yaml.Unmarshal(text, &file) != nil || len(file.Content) == 0 {
		return nil, false
	}
	return fzGeneric(file.Content[0]), true
}

func fzGeneric(n *yaml.Node) any {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = fzGeneric(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, fzGeneric(c))
		}
		return s
	}
	return strings.TrimPrefix(n.Value, replacedPrefix)
}

// generic is m's value as fzTree reads it.
func (m *fzMember) generic() any {
	switch {
	case m.obj != nil:
		g := map[string]any{}
		for _, c := range m.obj.members {
			g[c.key] = c.generic()
		}
		return g
	case m.list != nil:
		var s []any
		for _, v := range m.list {
			s = append(s, v)
		}
		return s
	}
	return m.scalar
}

// fzLookup is the mapping at path in tree, or nil.
func fzLookup(tree any, path ...string) map[string]any {
	for _, p := range path {
		m, _ := tree.(map[string]any)
		tree = m[p]
	}
	m, _ := tree.(map[string]any)
	return m
}

func fzDiff(want, got any) string {
	w, _ := json.MarshalIndent(want, "", " ")
	g, _ := json.MarshalIndent(got, "", " ")
	return udiff.Unified("want", "got", string(w), string(g))
}
