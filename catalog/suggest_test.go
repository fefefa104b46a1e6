package catalog

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
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
		{"INTERNL_EROR", ` (did you mean "INTERNAL_ERROR"?)`},
		{"NOT_FUND", ` (did you mean "NOT_FOUND"?)`},
		{"RATE", ` (did you mean "RATE_LIMIT_EXCEEDED"?)`},
		{"NOPE", ""},
		{strings.Repeat("N", 65), ""},
	}
	for _, tt := range tests {
		p := &problems{}
		if got := p.suggest(tt.s, codes); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	p := &problems{}
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

// A hint needs real similarity: a swap of neighbours is one edit, and a
// short word sharing letters in another order is no near miss.
func TestSuggestNeedsSimilarity(t *testing.T) {
	tests := []struct {
		s          string
		candidates []string
		want       string
	}{
		{"enum", detailKeys[:2], ""},
		{"enum", errorKeys, ""},
		{"titel", errorKeys, ` (did you mean "title"?)`},
		{"mesage", errorKeys, ` (did you mean "message"?)`},
		{"reqiured", detailKeys, ` (did you mean "required"?)`},
		{"exmaple", detailKeys, ` (did you mean "example"?)`},
		{"int", typeNames(), ` (did you mean "integer"?)`},
		{"strng", typeNames(), ` (did you mean "string"?)`},
		{"float", typeNames(), ""},
		{"color", errorKeys, ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.s, tt.candidates); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// A catalog with thousands of problems keeps the first diag.MaxKept, prints the
// first diag.MaxPrinted, and counts the rest.
func TestProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "k%05d: 1\n", i)
	}
	b.WriteString("errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	_, err := Parse("catalog.yaml", []byte(b.String()))
	probs, ok := err.(*diag.List)
	if !ok {
		t.Fatalf("Parse = %v", err)
	}
	if probs.Count() != 5000 || len(probs.Items) != diag.MaxKept {
		t.Errorf("count %d, kept %d; want 5000 and %d", probs.Count(), len(probs.Items), diag.MaxKept)
	}
	lines := strings.Split(probs.Error(), "\n")
	if len(lines) != diag.MaxPrinted+1 || lines[diag.MaxPrinted] != "catalog.yaml: … and 4900 more problems" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	if !strings.HasPrefix(lines[0], `catalog.yaml:3:1: catalog: unknown key "k00000"; the keys here are version, api,`) {
		t.Errorf("first line %q", lines[0])
	}
}

// unknownKeysCatalog is a valid catalog followed by top-level keys nobody
// knows, until it is size bytes long.
func unknownKeysCatalog(size int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: A\nformat: flat\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "descriptin%07d: 1\n", i)
	}
	return []byte(b.String())
}

// Past the problems kept, a problem is only counted: no hint is computed
// for it and no key remembered. A 16 MB catalog of 1.3 million unknown keys
// took 14 s and 1.7 GB, most of it hints nobody would see; what is left is
// yaml.v3's node tree, about 27 bytes allocated per byte of input (51 before).
func TestUnknownKeysMemory(t *testing.T) {
	data := unknownKeysCatalog(2 << 20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Parse("catalog.yaml", data)
	runtime.ReadMemStats(&after)
	var probs *diag.List
	if !errors.As(err, &probs) || probs.Count() < 90_000 {
		t.Fatalf("Parse = %v, want over 90,000 problems", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 40*uint64(len(data)) {
		t.Errorf("Parse allocated %d bytes for a %d-byte catalog; want under 40×", got, len(data))
	}
}

func BenchmarkUnknownKeys(b *testing.B) {
	data := unknownKeysCatalog(2 << 20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		_, _ = Parse("catalog.yaml", data)
	}
}

// A did-you-mean hint is the diagnostic's Hint, not part of its message,
// and every position names the catalog's file.
func TestHintIsSeparate(t *testing.T) {
	tests := []struct {
		catalog, msg, hint string
	}{
		{"version: 1\napi: A\ndescriptin: x\n", `catalog: unknown key "descriptin"`, ` (did you mean "description"?)`},
		{"version: 1\napi: A\nopenapi: {attach: [NOT_FUND]}\nerrors:\n  - {code: NOT_FOUND, status: 404}\n  - {code: INTERNAL, status: 500, fallback: true}\n",
			`openapi.attach: unknown code "NOT_FUND"`, ` (did you mean "NOT_FOUND"?): attach only codes the catalog declares`},
		{"version: 1\napi: A\nformat: flta\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n",
			`format: unknown envelope "flta"`, ` (did you mean "flat"?)`},
		{"version: 1\napi: A\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true, details: [{name: n, type: strng}]}\n",
			`error "INTERNAL": detail type "strng" is not one of string, integer, number, boolean, string[], map[string]string, object, object[], any`, ` (did you mean "string"?)`},
		{"version: 1\napi: A\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true, message: \"{resourc}\", details: [{name: resource, type: string}]}\n",
			`error "INTERNAL": message placeholder {resourc} names no detail`, ` (did you mean "resource"?): declare a detail "resourc", or fix the name`},
		{"version: 1\napi: A\nformat: {media_type: application/json, body: {code: $cod}}\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n",
			`envelope: unknown reference "$cod"`, ` (did you mean "$code"?)`},
	}
	for _, tt := range tests {
		_, err := Parse("c.yaml", []byte(tt.catalog))
		var l *diag.List
		if !errors.As(err, &l) {
			t.Fatalf("Parse = %v", err)
		}
		found := false
		for _, d := range l.Items {
			if d.Pos.File != "c.yaml" {
				t.Errorf("%q: file %q", d.Msg, d.Pos.File)
			}
			if d.Msg == tt.msg {
				found = true
				if d.Hint != tt.hint {
					t.Errorf("%q: hint %q, want %q", d.Msg, d.Hint, tt.hint)
				}
			}
		}
		if !found {
			t.Errorf("no diagnostic %q in:\n%v", tt.msg, err)
		}
	}
}
