package textedit

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

func parseYAML(t testing.TB, text string) *yaml.Node {
	t.Helper()
	var file yaml.Node
	if err := yaml.Unmarshal([]byte(text), &file); err != nil {
		t.Fatal(err)
	}
	return &file
}

// bigMapping is a mapping of n members, the last repeating the first
// (dup) or not.
func bigMapping(n int, dup bool) string {
	var b strings.Builder
	b.WriteString("m:\n")
	for i := range n {
		fmt.Fprintf(&b, "  k%d: %d\n", i, i)
	}
	if dup {
		b.WriteString("  k0: again\n")
	}
	return b.String()
}

// The shortcut (pairwise scan of small mappings) finds exactly what the
// plain path (a map per mapping) finds.
func TestDuplicateKeysShortcutAgrees(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the repeated keys, "line:col key"
	}{
		{"none", "a: 1\nb: {c: 1, d: 2}\n", nil},
		{"small", "a: 1\nb: 2\na: 3\n", []string{"3:1 a"}},
		{"nested", "a:\n  x: 1\n  x: 2\nb: {y: 1, y: 2}\n", []string{"3:3 x", "4:11 y"}},
		{"thrice", "a: 1\na: 2\na: 3\n", []string{"2:1 a", "3:1 a"}},
		{"merge keys", "base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n", nil},
		{"at the threshold", bigMapping(smallMapping-1, true), []string{fmt.Sprintf("%d:3 k0", smallMapping+1)}},
		{"past the threshold", bigMapping(smallMapping+5, true), []string{fmt.Sprintf("%d:3 k0", smallMapping+7)}},
		{"large, none", bigMapping(100, false), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := parseYAML(t, tt.text)
			plain, fast := duplicateKeys(file, repeatsMap), duplicateKeys(file, repeatsScan)
			if !slices.Equal(plain, fast) {
				t.Errorf("shortcut %v, plain %v", fast, plain)
			}
			var got []string
			for _, d := range fast {
				got = append(got, fmt.Sprintf("%d:%d %s", d.Key.Line, d.Key.Column, d.Key.Value))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// componentsLike is YAML shaped like errgen's components for n errors: a
// schema per error and per details, each a few small mappings deep.
func componentsLike(n int) string {
	var b strings.Builder
	b.WriteString("components:\n  schemas:\n")
	for i := range n {
		fmt.Fprintf(&b, "    E%dError:\n      title: E%d\n      type: object\n      required: [error, code]\n", i, i)
		b.WriteString("      properties:\n        error: {type: string, description: A message.}\n")
		fmt.Fprintf(&b, "        code: {type: string, enum: [E%d]}\n", i)
		fmt.Fprintf(&b, "        details: {$ref: '#/components/schemas/E%dDetails'}\n", i)
		fmt.Fprintf(&b, "    E%dDetails:\n      type: object\n      properties:\n        field: {type: string, examples: [email]}\n", i)
	}
	return b.String()
}

// BenchmarkDuplicateKeys measures the duplicate-key stage on its own,
// plain (a map per mapping) against the shortcut (small mappings scanned),
// on documents holding 1,000 and 10,000 errors' components and on Stripe's
// spec.
func BenchmarkDuplicateKeys(b *testing.B) {
	docs := map[string]*yaml.Node{}
	for _, n := range []int{1000, 10000} {
		docs[fmt.Sprintf("errors=%d", n)] = parseYAML(b, componentsLike(n))
	}
	if data, err := os.ReadFile("../openapi/testdata/real/stripe.json"); err == nil {
		root, err := yamlnode.ReadJSON(data)
		if err != nil {
			b.Fatal(err)
		}
		docs["stripe"] = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	}
	for _, name := range []string{"errors=1000", "errors=10000", "stripe"} {
		file := docs[name]
		if file == nil {
			continue
		}
		for _, path := range []struct {
			name    string
			repeats repeatsFunc
		}{{"plain", repeatsMap}, {"shortcut", repeatsScan}} {
			b.Run(name+"/"+path.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					duplicateKeys(file, path.repeats)
				}
			})
		}
	}
}
