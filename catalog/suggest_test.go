package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// didYouMeanCatalog has n codes and n unknown openapi.attach entries of
// width characters: every unknown entry asks for a hint among every code.
func didYouMeanCatalog(n, width int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\nformat: flat\nopenapi:\n  attach:\n")
	for i := range n {
		fmt.Fprintf(&b, "    - %s\n", strings.Repeat(string(rune('a'+i%26)), width-5)+fmt.Sprintf("%05d", i))
	}
	b.WriteString("errors:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {code: %s%05d, status: 400}\n", strings.Repeat(string(rune('A'+i%26)), width-5), i)
	}
	b.WriteString("  - {code: INTERNAL, status: 500, fallback: true}\n")
	return []byte(b.String())
}

// The hints of the 130 KB catalog (200 codes, 200 unknown entries of
// 200 characters) once took 11.6 s; compare with BenchmarkParse sizes.
func BenchmarkDidYouMean(b *testing.B) {
	data := didYouMeanCatalog(200, 200)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("catalog.yaml", data); err == nil {
			b.Fatal("no problems")
		}
	}
}

// Hints stay where they help, and stop where they would cost without bound.
func TestSuggest(t *testing.T) {
	codes := []string{"NOT_FOUND", "RATE_LIMIT_EXCEEDED", "INTERNAL_ERROR"}
	tests := []struct{ s, want string }{
		{"NOT_FOUDN", ` (did you mean "NOT_FOUND"?)`},
		{"rate_limit", ` (did you mean "RATE_LIMIT_EXCEEDED"?)`},
		{"ZZZZZZZZZZZZ", ""},
		{strings.Repeat("N", 65), ""},
	}
	for _, tt := range tests {
		p := &Problems{}
		if got := p.suggest(tt.s, codes); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	p := &Problems{}
	many := make([]string, 100_000)
	for i := range many {
		many[i] = fmt.Sprintf("CODE_%059d", i)
	}
	for range 100 {
		p.suggest("CODE_X"+strings.Repeat("9", 58), many)
	}
	if p.budget > 0 {
		t.Errorf("budget left %d after 100 searches of 100,000 codes: it should have run out", p.budget)
	}
	if got := p.suggest("NOT_FOUDN", codes); got != "" {
		t.Errorf("a spent budget still gave %q", got)
	}
}

// A catalog with thousands of problems keeps the first maxKept, prints the
// first maxPrinted, and counts the rest.
func TestProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "k%05d: 1\n", i)
	}
	b.WriteString("errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	_, err := Parse("catalog.yaml", []byte(b.String()))
	probs, ok := err.(*Problems)
	if !ok {
		t.Fatalf("Parse = %v", err)
	}
	if probs.Count() != 5000 || len(probs.List) != maxKept {
		t.Errorf("count %d, kept %d; want 5000 and %d", probs.Count(), len(probs.List), maxKept)
	}
	lines := strings.Split(probs.Error(), "\n")
	if len(lines) != maxPrinted+1 || lines[maxPrinted] != "catalog.yaml: … and 4900 more problems" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	if lines[0] != `catalog.yaml:3:1: catalog: unknown key "k00000"` {
		t.Errorf("first line %q", lines[0])
	}
}
