package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// streamTree writes a tree of nested block mappings through Stream: a
// member whose value is a non-empty block mapping is opened, the others
// written whole, as the OpenAPI emitter does.
func streamTree(s *Stream, m *yaml.Node, indent int) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i].Value, m.Content[i+1]
		if v.Kind == yaml.MappingNode && len(v.Content) > 0 && v.Style&yaml.FlowStyle == 0 && indent < 4 {
			if err := s.Open(indent, k); err != nil {
				return err
			}
			if err := streamTree(s, v, indent+2); err != nil {
				return err
			}
			continue
		}
		if err := s.Member(indent, k, v); err != nil {
			return err
		}
	}
	return nil
}

// streamSample is a document with every kind of member Stream writes:
// scalars that need quoting or a literal block, keys that need quoting,
// empty and flow collections, sequences of mappings, and mappings nested
// below the depth the stream opens.
func streamSample(n int) *yaml.Node {
	doc := Map()
	Set(doc, "openapi", Str("3.1.0"))
	Set(doc, "paths", Map())
	comps := Map()
	for i := range n {
		s := Map()
		Set(s, "description", Str(fmt.Sprintf("line %d\nnext: line", i)))
		Set(s, "enum", Seq(Str("yes"), Str(fmt.Sprint(i)), Str("")))
		item := Map()
		Set(item, "a b", Int(i))
		Set(item, "ok", Bool(i%2 == 0))
		Set(item, "none", Null())
		Set(s, "items", Seq(item, Seq(Str("x")), Map()))
		flow := Seq(Str("a,b"), Str("c"))
		flow.Style = yaml.FlowStyle
		Set(s, "flow", flow)
		deep := Map()
		Set(deep, "key\nwith break", Str(" lead"))
		Set(s, "deep", deep)
		Set(comps, fmt.Sprintf("Schema%d", i), s)
	}
	Set(doc, "components", comps)
	return doc
}

// TestStreamIsMarshal: a document written member by member has Marshal's
// bytes, however its writes are split.
func TestStreamIsMarshal(t *testing.T) {
	for _, n := range []int{0, 1, 3000} { // 3000 schemas pass flushSize several times
		doc := streamSample(n)
		want, err := MarshalAfter("# head\n", doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		s := NewStream(&got, "# head\n")
		if err := streamTree(s, doc, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%d schemas: the stream differs from Marshal at byte %d", n, firstDiff(got.Bytes(), want))
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// failAfter takes n bytes, then fails.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

// A writer's error ends the stream: every later call returns it, and
// nothing more is written; so does a value Marshal refuses.
func TestStreamErrors(t *testing.T) {
	s := NewStream(&failAfter{n: 10}, "# head\n")
	var err error
	for i := 0; i < 5000 && err == nil; i++ {
		err = s.Member(0, fmt.Sprintf("k%d", i), Str(strings.Repeat("v", 100)))
	}
	if !errors.Is(err, errFull) {
		t.Fatalf("writing past the writer's room: %v, want %v", err, errFull)
	}
	if err := s.Open(0, "more"); !errors.Is(err, errFull) {
		t.Errorf("Open after a failed write: %v", err)
	}
	if err := s.Close(); !errors.Is(err, errFull) {
		t.Errorf("Close after a failed write: %v", err)
	}
	s = NewStream(&bytes.Buffer{}, "")
	bad := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!binary", Value: "x"}
	if err := s.Member(0, "k", bad); err == nil || s.Close() == nil {
		t.Error("a value Marshal refuses did not fail the stream")
	}
}
