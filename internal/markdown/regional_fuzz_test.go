package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// FuzzRegionalPage writes the pages of a catalog served in some of
// zh-Hant-TW, zh-Hant and zh (catalogtest.NewRegional) and holds each to
// the model of RFC 4647's lookup: it marks exactly the errors with a text
// no file of its chain gives, and its word for causes is the nearest
// file's of its chain that gives one (else a word of no file), which
// errgen translate asks for (UnbundledWords) exactly when no file after
// its own gives one.
func FuzzRegionalPage(f *testing.F) {
	catalogtest.AddRegionalSeeds(f)
	f.Fuzz(func(t *testing.T, serve uint8, gives uint64) {
		r := catalogtest.NewRegional(t, serve, gives)
		pages := mustPages(t, r.C, nil, "")
		for _, page := range pages[1:] {
			lang := page.Language
			wantMarked := []string{"internal-error"} // no file translates it
			for _, code := range []string{"NOT_FOUND", "CONFLICT"} {
				if len(r.Untranslated(lang, code)) > 0 {
					wantMarked = append(wantMarked, strings.ToLower(strings.ReplaceAll(code, "_", "-")))
				}
			}
			var marked []string
			for _, l := range markdowntest.Parse(t, page.Data).Links {
				if anchor, ok := strings.CutPrefix(l, "errors.md#"); ok {
					marked = append(marked, anchor)
				}
			}
			slices.Sort(marked)
			slices.Sort(wantMarked)
			if !slices.Equal(marked, wantMarked) {
				t.Errorf("the %s page marks %q, want %q", lang, marked, wantMarked)
			}
			inherits := slices.ContainsFunc(catalogtest.RegionalChain[slices.Index(catalogtest.RegionalChain[:], lang)+1:], func(tag string) bool { return r.Reads(tag, 2) == tag })
			asked := slices.ContainsFunc(UnbundledWords(r.C, lang), func(w Word) bool { return w.Key == "causes" })
			if asked == inherits {
				t.Errorf("errgen translate %s asks for the word for causes: %v, want %v", lang, asked, !inherits)
			}
			reads := r.Reads(lang, 2)
			for _, tag := range catalogtest.RegionalChain {
				if has := strings.Contains(string(page.Data), catalogtest.Text(tag, 2)); has != (tag == reads) {
					t.Errorf("the %s page has %s's word for causes: %v, want %v", lang, tag, has, tag == reads)
				}
			}
		}
		if t.Failed() {
			t.Logf("files:\n%s", r.Files)
		}
	})
}
