package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

const translateSynopsis = `errgen translate LANG [CATALOG] [--check]

Writes or updates translations/LANG.yaml beside CATALOG (default
catalog.yaml) for LANG, one of the catalog's languages: an entry for every
text it does not translate yet, its translation left "" under the source text
as a comment; a comment marking each entry whose source texts changed since
(stale); today's source hash for each entry marked reviewed: true, the mark
taken out. An entry for a code, detail, enum value, category or group the
catalog no longer has (obsolete) is taken out, its translated texts printed
on stderr. Every other byte a translator wrote stays; a second run changes
nothing. For the catalog's own language, when errgen bundles no page words
of it (es, ja, …), the file holds those words alone, under page:.`

// runTranslate implements "errgen translate"; prog is how errgen was
// invoked, for the command --check says to run.
func runTranslate(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "translate", translateSynopsis, stdout, stderr)
	catalogPath := fs.String("catalog", defaultCatalog, "the error catalog (or give it after LANG)")
	check := fs.Bool("check", false, "write nothing; exit 1 when the file lacks entries, stale marks or recorded reviews, or holds obsolete entries")
	fs.operands = 2
	if code, stop := fs.parse(args); stop {
		return code
	}
	rest := fs.Args()
	switch {
	case len(rest) == 0:
		code, _ := fs.usageError("translate needs the language, one of the catalog's languages")
		return code
	case len(rest) == 2 && fs.Changed("catalog") && *catalogPath != rest[1]:
		code, _ := fs.usageError("the catalog is given twice: --catalog %s and %s", *catalogPath, rest[1])
		return code
	case len(rest) == 2:
		*catalogPath = rest[1]
	}
	lang := rest[0]
	c, err := loadBudgeted(*catalogPath, errgen.Check)
	if err != nil {
		reportCatalogError(prog, *catalogPath, err, stderr)
		return exitFailure
	}
	t := translationOf(c, lang)
	if t == nil {
		fmt.Fprintf(stderr, "errgen: %s\n", notALanguage(prog, c, lang, *catalogPath, ""))
		return exitFailure
	}
	old, res, err := translated(prog, c, t, *catalogPath)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	changes := translateSummary(res, old == nil)
	switch {
	case old != nil && bytes.Equal(old, res.File):
		fmt.Fprintf(stdout, "errgen: %s is up to date\n", t.File)
		return exitOK
	case *check:
		again := slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--check" || a == "--check=true" })
		fmt.Fprintf(stderr, "errgen: %s is not up to date: %s; run %s\n", t.File, changes, commandLine(prog+" translate", again))
		return exitFailure
	}
	if code := writeTargets(prog, []target{{path: t.File, data: res.File, mayReplace: t.File}}, nil, false, io.Discard, stderr); code != exitOK {
		return code
	}
	reportRemoved(res.Removed, lang, stderr)
	fmt.Fprintf(stdout, "errgen: wrote %s: %s\n", t.File, changes)
	return exitOK
}

// translated reads t's file (old, nil when there is none) and returns
// what errgen translate makes of it; prog is how errgen was invoked.
func translated(prog string, c *catalog.Catalog, t *catalog.Translation, catalogPath string) (old []byte, res *errgen.Translated, err error) {
	if !t.Missing {
		if old, err = readInput(t.File, translationLimit); err != nil {
			return nil, nil, err
		}
	}
	res, err = errgen.TranslateWith(c, t.Language, old, errgen.TranslateOptions{Prog: prog})
	if errors.Is(err, errgen.ErrOwnLanguage) {
		err = errors.New(notALanguage(prog, c, t.Language, catalogPath, ", and errgen bundles its page's words"))
	}
	return old, res, err
}

// ownWordsToGive reports whether errgen translate writes page words for
// the catalog's own language: one errgen bundles none of.
func ownWordsToGive(c *catalog.Catalog) bool {
	_, err := errgen.Translate(c, c.Language, nil)
	return !errors.Is(err, errgen.ErrOwnLanguage)
}

// translationOf is lang's translation of c, nil for a language c does not
// speak. The catalog's own language has one too, its file holding the
// page's words alone (missing when there is none yet).
func translationOf(c *catalog.Catalog, lang string) *catalog.Translation {
	if t := c.Translations[lang]; t != nil || lang != c.Language {
		return t
	}
	return &catalog.Translation{Language: lang, File: c.OwnLanguageFile(), Missing: true}
}

// reportRemoved names on stderr each obsolete entry taken out that held
// translated texts or comments of the translator's, with them: the file's history keeps them, and the
// terminal or the CI log says what went, for a translator to carry a
// text over by hand where the catalog renamed what it translated.
// errgen's own empty entries go unnamed: the summary counts them.
func reportRemoved(removed []errgen.RemovedEntry, lang string, stderr io.Writer) {
	for _, r := range removed {
		var held []string
		if len(r.Texts) > 0 {
			held = append(held, fmt.Sprintf("the %s texts it held: %s", lang, strings.Join(r.Texts, "; ")))
		}
		if len(r.Comments) > 0 {
			held = append(held, "its comments: "+strings.Join(r.Comments, "; "))
		}
		if len(held) > 0 {
			fmt.Fprintf(stderr, "%s: removed the obsolete entry %s, and %s\n", r.Pos, strings.Join(r.Path, ": "), strings.Join(held, "; and "))
		}
	}
}

// translateSummary says what errgen translate changed: in a file that
// was there (not created), when no entry was added or marked, the source
// texts shown as comments above its entries (and the source hashes of
// those that translate nothing yet).
func translateSummary(res *errgen.Translated, created bool) string {
	var parts []string
	if n := len(res.Removed); n > 0 {
		parts = append(parts, fmt.Sprintf("%d obsolete removed", n))
	}
	if res.Texts > 0 {
		parts = append(parts, textsToTranslate(res))
	}
	for _, p := range []struct {
		n    int
		what string
	}{{res.Stale, "marked stale"}, {res.Reviewed, "reviewed, recorded"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.what))
		}
	}
	switch {
	case len(parts) > 0:
	case created:
		return "new file"
	default:
		return "the source texts above its entries brought up to date"
	}
	return strings.Join(parts, ", ")
}

// textsToTranslate says how many texts a translator now has to write, as
// they plan the work: "12 texts to translate (9 in 4 entries, 3
// top-level)", the texts of the errors' entries and the top's (the page's
// words, the description, docs and categories) apart.
func textsToTranslate(res *errgen.Translated) string {
	inEntries := res.Texts - res.TopTexts
	switch {
	case res.TopTexts == 0:
		return fmt.Sprintf("%s to translate in %s", plural(inEntries, "text"), entries(res.Entries))
	case inEntries == 0:
		return fmt.Sprintf("%s to translate", plural(res.TopTexts, "top-level text"))
	}
	return fmt.Sprintf("%s to translate (%d in %s, %d top-level)", plural(res.Texts, "text"), inEntries, entries(res.Entries), res.TopTexts)
}

// entries is "1 entry", "2 entries".
func entries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// notALanguage says why lang, which names no translation file of the
// catalog at path, cannot be translated into, and what to write instead:
// the catalog's own language needs no translation, and a tag differing
// from one of its languages only in case names that language (BCP 47 tags
// are case-insensitive, the file's name is the catalog's spelling), and a
// tag languages would refuse is told how to write it. words adds to why
// the own language needs none. prog is how errgen was invoked.
func notALanguage(prog string, c *catalog.Catalog, lang, path, words string) string {
	if strings.EqualFold(lang, c.Language) && lang != c.Language && ownWordsToGive(c) {
		return fmt.Sprintf("%s is the language of %s itself (language: %s), whose page's words %s writes: did you mean %s?", lang, path, c.Language, commandLine(prog, []string{"translate", c.Language}), c.Language)
	}
	if strings.EqualFold(lang, c.Language) {
		hint := "add the languages to translate it into to languages: first"
		if len(c.Languages) > 0 {
			hint = "translate into one of its languages (" + languages(c) + ")"
		}
		return fmt.Sprintf("%s is the language of %s itself (language: %s): its texts are the catalog's own%s; %s", lang, path, c.Language, words, hint)
	}
	for _, l := range c.Languages {
		if strings.EqualFold(l, lang) {
			return fmt.Sprintf("%s is not among the languages of %s (%s): did you mean %s?", lang, path, languages(c), l)
		}
	}
	if problem := catalog.LanguageProblem(lang); problem != "" {
		// languages would refuse it too: say how to write the tag
		return fmt.Sprintf("%s is not among the languages of %s (%s), and %s", lang, path, languages(c), problem)
	}
	return fmt.Sprintf("%s is not among the languages of %s (%s): add it to languages: first", lang, path, languages(c))
}

// languages lists the catalog's languages for a message: "de, fr".
func languages(c *catalog.Catalog) string {
	if len(c.Languages) == 0 {
		return "none besides " + c.Language
	}
	return strings.Join(c.Languages, ", ")
}
