package catalog_test

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/catalogtest"
)

// FuzzShorterTags holds ShorterTags to RFC 4647 §3.4's truncation, written
// here over a list of subtags: drop the last subtag, then each singleton
// left last, until one subtag is left (the primary language, which lookup
// never drops: the default language follows it), a lone singleton (the x
// of x-priv) being no tag at all. The reference knows no
// byte offsets, so a slip in shorterTag's index arithmetic (an empty
// subtag, a tag ending in "-", a multi-byte subtag one byte short of a
// singleton) shows as a difference.
func FuzzShorterTags(f *testing.F) {
	for _, tag := range []string{
		"", "-", "--", "a--b", "x-priv", "de", "de-CH", "zh-Hant-TW", "pt-BR-x-priv",
		"en-a-bbb-x-a-ccc", "a-b-", "-a", "--a-b", "en-é-x", "en-x-é", "i-klingon",
		"en-US-u-ca-gregory", strings.Repeat("a-", 200), strings.Repeat("ab-", 200) + "c",
	} {
		f.Add(tag)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		got, want := catalog.ShorterTags(tag), truncationLengths(tag)
		if len(got) != len(want) {
			t.Fatalf("ShorterTags(%q) = %q, want %d tags %v long", tag, got, len(want), want)
		}
		// Each tag is compared whole only near the ends of the list: a
		// tag of n subtags has n truncations, and comparing all of them
		// byte by byte would be quadratic.
		for i, n := range want {
			if len(got[i]) != n || (i < 32 || i == len(want)-1) && got[i] != tag[:n] {
				t.Fatalf("ShorterTags(%q)[%d] = %q, want %q", tag, i, got[i], tag[:n])
			}
		}
	})
}

// truncationLengths is RFC 4647 §3.4's fallback of tag, nearest first, as
// the lengths of tag's prefixes, computed on its subtags.
func truncationLengths(tag string) []int {
	subtags := strings.Split(tag, "-")
	length := len(tag)
	var out []int
	for len(subtags) > 1 {
		length -= len(subtags[len(subtags)-1]) + 1
		subtags = subtags[:len(subtags)-1]
		for len(subtags) > 1 && len(subtags[len(subtags)-1]) == 1 {
			length -= 2
			subtags = subtags[:len(subtags)-1]
		}
		if len(subtags) == 1 && len(subtags[0]) == 1 {
			break // a lone singleton, the x of x-priv, is no tag
		}
		out = append(out, length)
	}
	return out
}

// ShorterTags of a tag of n subtags costs memory linear in the tag: its
// tags share the tag's bytes (a slice header of 16 bytes, grown by
// doubling, for each subtag of a byte or two). A catalog's languages are short, but the
// loader calls it on whatever languages lists.
func TestShorterTagsLinear(t *testing.T) {
	for _, tag := range []string{strings.Repeat("ab-", 1<<16), strings.Repeat("a-", 1<<16) + "bb", strings.Repeat("-", 1<<17)} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		tags := catalog.ShorterTags(tag)
		runtime.ReadMemStats(&after)
		if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 128*uint64(len(tag)) {
			t.Errorf("ShorterTags of %d bytes (%d tags) allocated %d bytes", len(tag), len(tags), allocated)
		}
	}
}

// FuzzRegionalReading builds a catalog served in some of zh-Hant-TW,
// zh-Hant and zh, each with a file or none, each file giving each text or
// leaving it out (catalogtest.NewRegional), and holds In to the model of
// RFC 4647's lookup: every language reads each text from the nearest file
// of its chain that gives it, else in English, and names in Untranslated
// exactly the texts no file of its chain gives; the loader's warnings of
// a language say the same.
func FuzzRegionalReading(f *testing.F) {
	catalogtest.AddRegionalSeeds(f)
	f.Fuzz(func(t *testing.T, serve uint8, gives uint64) {
		r := catalogtest.NewRegional(t, serve, gives)
		for _, lang := range r.Served {
			lc := r.C.In(lang)
			for j, text := range catalogtest.RegionalTexts {
				if text.Word {
					continue
				}
				want := catalogtest.English[j]
				if tag := r.Reads(lang, j); tag != "" {
					want = catalogtest.Text(tag, j)
				}
				if got := catalogtest.ReadText(lc, j); got != want {
					t.Errorf("%s reads text %d (%s %s) as %q, want %q", lang, j, text.Code, text.Key, got, want)
				}
			}
			for _, e := range lc.Errors[:2] {
				if want := r.Untranslated(lang, e.Code); !slices.Equal(e.Untranslated, want) {
					t.Errorf("%s's %s: untranslated %q, want %q", lang, e.Code, e.Untranslated, want)
				}
			}
		}
		checkRegionalWarnings(t, r)
		if t.Failed() {
			t.Logf("files:\n%s", r.Files)
		}
	})
}

// checkRegionalWarnings holds the loader's warning of each language to the
// model: a file's not-fully-translated warning names the errors and the
// top-level texts no file of its chain gives; a language without a file
// names the files it reads, nearest first.
func checkRegionalWarnings(t *testing.T, r *catalogtest.Regional) {
	t.Helper()
	for _, lang := range r.Served {
		want := "not fully translated into " + lang + ": "
		if r.HasFile[lang] {
			codes := []string{}
			aside := messageSetAside(r, lang)
			for _, code := range []string{"NOT_FOUND", "CONFLICT"} {
				keys := r.Untranslated(lang, code)
				if code == "NOT_FOUND" && aside {
					keys = slices.DeleteFunc(keys, func(key string) bool { return key == "message" })
				}
				if len(keys) > 0 {
					codes = append(codes, code)
				}
			}
			// counted apart: filling in does not mend it
			if wantAside := "; 1 of 3 errors (NOT_FOUND): the texts set aside as stale read in "; aside && !slices.ContainsFunc(r.C.Warnings.Items, func(w diag.Diagnostic) bool {
				return strings.Contains(w.Msg, "not fully translated into "+lang+":") && strings.Contains(w.Msg, wantAside)
			}) {
				t.Errorf("%s's warning does not say %q:\n%s", lang, wantAside, r.C.Warnings.Items)
			}
			want += fmt.Sprintf("%d of 3 errors (%s)", len(codes)+1, strings.Join(append(codes, "INTERNAL_ERROR"), ", "))
			var top []string
			for j, key := range []string{"description", "categories.lookup"} {
				if r.Reads(lang, j) == "" {
					top = append(top, key)
				}
			}
			if len(top) > 0 {
				want += fmt.Sprintf(" and %d top-level text%s (%s)", len(top), map[bool]string{true: "s"}[len(top) > 1], strings.Join(top, ", "))
			}
			want += ":"
		} else {
			want = fmt.Sprintf("languages: %q has no translation file translations/%s.yaml: every text reads %s", lang, lang, chainReads(r, lang))
		}
		if r.HasFile[lang] && r.SetAside[lang] {
			setAside := "so the message reads " + chainReads(r, lang) + ", until"
			if len(r.Chain(lang)) == 0 {
				setAside = "so the message reads in " + r.Language + " until"
			}
			if !slices.ContainsFunc(r.C.Warnings.Items, func(w diag.Diagnostic) bool { return strings.Contains(w.Hint, setAside) }) {
				t.Errorf("no warning of %s's message set aside says %q:\n%s", lang, setAside, r.C.Warnings.Items)
			}
		}
		var got []string
		for _, w := range r.C.Warnings.Items {
			if strings.Contains(w.Msg, "not fully translated into "+lang+":") || strings.Contains(w.Msg, fmt.Sprintf("%q has no translation file", lang)) {
				got = append(got, w.Msg)
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%s's warnings %q, want one starting %q", lang, got, want)
		}
	}
}

// chainReads is where the loader says a text lang's file does not give
// reads: in each file of its chain where it gives it, nearest first, else
// in the catalog's language.
func chainReads(r *catalogtest.Regional, lang string) string {
	var reads []string
	for _, tag := range r.Chain(lang) {
		reads = append(reads, fmt.Sprintf("in %s where translations/%s.yaml %s", tag, tag, map[bool]string{true: "gives it", false: "does"}[len(reads) == 0]))
	}
	if len(reads) == 0 {
		return "in " + r.Language
	}
	return strings.Join(reads, ", then ") + ", else in " + r.Language
}

// messageSetAside reports whether lang reads NOT_FOUND's message in the
// catalog's language because the entry it reads, its own file's or else
// the nearest of its chain's, sets the message aside.
func messageSetAside(r *catalogtest.Regional, lang string) bool {
	if r.Reads(lang, 4) != "" {
		return false
	}
	for _, tag := range append([]string{lang}, r.Chain(lang)...) {
		if slices.Contains(r.Gives[tag][3:12], true) { // the file has a NOT_FOUND entry
			return r.SetAside[tag]
		}
	}
	return false
}
