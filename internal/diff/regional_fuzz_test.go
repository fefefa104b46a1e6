package diff_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/diff"
)

// regionalFallbackTexts are the texts errgen diff names when they fall
// back, each with the catalogtest.RegionalTexts it stands for: a
// troubleshooting table or a detail falls back when none of its cells is
// read in a language any more.
var regionalFallbackTexts = []struct {
	code, name string
	texts      []int
}{
	{"", "description", []int{0}}, {"", "category lookup", []int{1}},
	{"NOT_FOUND", "title", []int{3}}, {"NOT_FOUND", "message", []int{4}}, {"NOT_FOUND", "description", []int{5}},
	{"NOT_FOUND", "causes", []int{6}}, {"NOT_FOUND", "remediation", []int{7}}, {"NOT_FOUND", "troubleshooting", []int{8, 9}},
	{"NOT_FOUND", "detail resource", []int{10}}, {"NOT_FOUND", "detail kind", []int{11}},
	{"CONFLICT", "title", []int{12}}, {"CONFLICT", "message", []int{13}},
}

// FuzzRegionalFallbacks compares two catalogs served in the same tags of
// zh-Hant-TW, zh-Hant and zh, their files giving other texts
// (catalogtest.NewRegional), and holds errgen diff's translation-fallback
// changes to the model of RFC 4647's lookup: a language's text falls back
// exactly when its clients read it from a file of its chain before and
// from none now, and the change says in which file they read it: the
// nearest of the chain that gives it.
func FuzzRegionalFallbacks(f *testing.F) {
	for _, seed := range []struct {
		serve         uint8
		before, after uint64
	}{
		{0x3f, 1<<42 - 1, 0}, {0x3f, 1<<42 - 1, 1<<45 - 1}, {0x3f, 1<<45 - 1, 1<<42 - 1}, {0x3f, 1<<4 | 1<<18 | 1<<32, 7<<42 | 1<<4 | 1<<18 | 1<<32}, {0x7f, 1<<42 - 1, 0}, {0x7b, 0x5555555555, 0x2aaaaaaaaa}, {0x3f, 0x5555555555, 0x2aaaaaaaaa}, {0x3d, 0x3fff << 14, 0x3fff},
		{0x3b, 0x3fff, 0x3fff << 28}, {0x1f, 0x0f0f0f0f0f, 0x00ff00ff00}, {0x2d, 0x123456789, 0x987654321},
	} {
		f.Add(seed.serve, seed.before, seed.after)
	}
	f.Fuzz(func(t *testing.T, serve uint8, before, after uint64) {
		was, is := catalogtest.NewRegional(t, serve, before), catalogtest.NewRegional(t, serve, after)
		var got, want []string
		for _, c := range diff.Compare(was.C, is.C) {
			if c.Kind == diff.TranslationFallback {
				got = append(got, c.Code+" "+c.Message)
			}
		}
		for _, lang := range was.Served {
			for _, code := range []string{"", "NOT_FOUND", "CONFLICT"} {
				if m := fallbackMessage(was, is, lang, code); m != "" {
					want = append(want, code+" "+m)
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("translation fallbacks:\n%s\nwant:\n%s\nbefore:\n%s\nafter:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), was.Files, is.Files)
		}
	})
}

// fallbackMessage is the model's translation-fallback message of code's
// texts ("" for the top-level ones) in lang; "" for none.
func fallbackMessage(was, is *catalogtest.Regional, lang, code string) string {
	var texts, tags []string
	for _, text := range regionalFallbackTexts {
		if text.code != code {
			continue
		}
		had := ""
		for _, j := range text.texts {
			if tag := was.Reads(lang, j); tag != "" && (had == "" || nearer(tag, had)) {
				had = tag
			}
		}
		if had != "" && !slices.ContainsFunc(text.texts, func(j int) bool { return is.Reads(lang, j) != "" }) {
			texts, tags = append(texts, text.name), append(tags, had)
		}
	}
	if len(texts) == 0 {
		return ""
	}
	verb, pronoun := "falls", "it"
	if len(texts) > 1 {
		verb, pronoun = "fall", "them"
	}
	who := lang + " clients"
	if code == "" {
		who = "the " + lang + " page"
	}
	return fmt.Sprintf("%s: %s now %s back to %s: %s had %s", lang, strings.Join(texts, ", "), verb, is.Language, who, readIn(texts, tags, pronoun))
}

// nearer reports whether tag is nearer than other in RegionalChain: the
// longer tag, which lookup tries first.
func nearer(tag, other string) bool { return len(tag) > len(other) }

// readIn says in which file each text was read: "it in zh" for one file,
// else "title in zh-Hant; message in zh", by first appearance.
func readIn(texts, tags []string, pronoun string) string {
	var order []string
	byTag := map[string][]string{}
	for i, tag := range tags {
		if byTag[tag] == nil {
			order = append(order, tag)
		}
		byTag[tag] = append(byTag[tag], texts[i])
	}
	if len(order) == 1 {
		return pronoun + " in " + order[0]
	}
	parts := make([]string, len(order))
	for i, tag := range order {
		parts[i] = strings.Join(byTag[tag], ", ") + " in " + tag
	}
	return strings.Join(parts, "; ")
}
