package catalog

import (
	"slices"
	"testing"
)

// FuzzWords holds words, which reads ASCII byte by byte, to wordsPlain.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "INVALID_JSON", "resourceId", "HTTPStatus", "a.b-c_d", "E00001_FAILED", "x2Y", "ÄrgerNis", "UTF8Error", "__"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), wordsPlain(s); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q, want %q", s, got, want)
		}
	})
}
