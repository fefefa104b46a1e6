package catalog

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// MaxTranslationsSize bounds the translation files of a catalog together:
// four times MaxSize, room for a large catalog in several languages.
const MaxTranslationsSize = 4 * MaxSize

// TranslationFile is the name of lang's translation file among a catalog's
// Files: translations/LANG.yaml beside the root catalog.
func TranslationFile(lang string) string { return "translations/" + lang + ".yaml" }

// translations reads the translation file of each of the catalog's
// languages, checking each against the catalog; reports the files of
// languages the catalog does not list; and warns of what is stale or not
// translated. A language without a file is served all the same, every
// text in the default language.
func (l *loader) translations(cr *catalogReader) {
	c := cr.c
	left := int64(MaxTranslationsSize)
	byCode, codes := errorsByCode(c)
	// warned of once all files are read, for what a regional one inherits:
	// the files read, and the languages (by index) without one
	var read []*Translation
	var missing []int
	for i, lang := range c.Languages {
		name := TranslationFile(lang)
		t := &Translation{Language: lang, File: l.files.Display(name), Categories: map[string]string{}, CategoryPos: map[string]Pos{}, Words: map[string]string{},
			WordPos: map[string]Pos{}, Errors: map[string]*ErrorTranslation{}}
		if c.Translations == nil {
			c.Translations = map[string]*Translation{}
		}
		c.Translations[lang] = t
		data, _, err := l.files.Read(name, left)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			t.Missing = true
			missing = append(missing, i)
			continue
		case err != nil:
			l.probs.add(cr.languagesPos[i], "languages: %q: %v", lang, err)
			continue
		case int64(len(data)) > left:
			l.probs.add(Pos{File: t.File}, "translation files are larger than %d MiB together: trim long texts", MaxTranslationsSize>>20)
			return
		}
		left -= int64(len(data))
		top := l.decodeTranslation(t.File, data)
		if top == nil {
			continue
		}
		tr := &translationReader{nodeReader: &nodeReader{probs: l.probs}, c: c, t: t, byCode: byCode, codes: codes, warnings: &l.warnings,
			there: func(lang string) bool { return l.translationThere(c, lang) }}
		tr.file(top)
		read = append(read, t)
	}
	for _, t := range read {
		l.untranslated(c, t)
	}
	for _, i := range missing {
		lang := c.Languages[i]
		l.warn(cr.languagesPos[i], "languages: %q has no translation file %s: every text reads %s (%s writes it)", lang, c.Translations[lang].File, l.readsIn(c, lang), diag.Command("translate "+lang))
	}
	l.ownWords(c, left)
	l.undeclared(c)
}

// ownWords reads the file of the catalog's own language, when there is
// one: the words of its page (page:) alone, for a language errgen bundles
// none of (es, ja, …), whose page would read "Causes", "How to fix" in
// English among the catalog's texts. left is what MaxTranslationsSize
// leaves for it. A language with a problem names no file, as for the
// other languages (validateLanguages): language: ../catalog would read the
// catalog itself.
func (l *loader) ownWords(c *Catalog, left int64) {
	if LanguageProblem(c.Language) != "" {
		return
	}
	name := TranslationFile(c.Language)
	data, _, err := l.files.Read(name, left)
	t := &Translation{Language: c.Language, File: l.files.Display(name), Words: map[string]string{}, WordPos: map[string]Pos{}}
	if t.File != besideRoot(c) {
		c.OwnWordsFile = t.File // a linked catalog's: for a warning to name before the file is there
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return
	case err != nil:
		l.probs.add(Pos{File: t.File}, "%v", err)
		return
	case int64(len(data)) > left:
		l.probs.add(Pos{File: t.File}, "translation files are larger than %d MiB together: trim long texts", MaxTranslationsSize>>20)
		return
	}
	top := l.decodeTranslation(t.File, data)
	if top == nil {
		return
	}
	if c.Translations == nil {
		c.Translations = map[string]*Translation{}
	}
	c.Translations[c.Language] = t
	tr := &translationReader{nodeReader: &nodeReader{probs: l.probs}, c: c, t: t, warnings: &l.warnings,
		there: func(lang string) bool { return l.translationThere(c, lang) }}
	tr.ownFile(top)
}

// decodeTranslation parses a translation file's text. No node of the
// catalog's tree, nor of an earlier translation's, is read from here: the
// model and the readers keep positions and strings only, so this tree is
// made in their slabs. A broken translation file is that language's
// problem only: the catalog is not broken by it.
func (l *loader) decodeTranslation(file string, data []byte) *yaml.Node {
	broken := l.broken
	l.nodes.release()
	top := l.decode(file, data, "translation file")
	l.broken = broken
	return top
}

// OwnLanguageFile is where Load reads the file of the catalog's own
// language (translations/LANG.yaml), there or not, as messages name it.
func (c *Catalog) OwnLanguageFile() string {
	return cmp.Or(c.OwnWordsFile, besideRoot(c))
}

// besideRoot is the file of c's own language beside c.File.
func besideRoot(c *Catalog) string {
	return filepath.Join(filepath.Dir(c.File), filepath.FromSlash(TranslationFile(c.Language)))
}

// errorsByCode indexes the errors a translation may have an entry for:
// those in use, and the retired ones, whose entries (written while they
// were in use) are kept, though nothing shows their texts.
func errorsByCode(c *Catalog) (map[string]*Error, []string) {
	byCode := make(map[string]*Error, len(c.Errors)+len(c.Retired))
	codes := make([]string, 0, len(c.Errors)+len(c.Retired))
	for _, es := range [][]*Error{c.Errors, c.Retired} {
		for _, e := range es {
			if e.Code != "" && byCode[e.Code] == nil {
				byCode[e.Code] = e
				codes = append(codes, e.Code)
			}
		}
	}
	return byCode, codes
}

// undeclared reports the translation files of languages the catalog does
// not list.
func (l *loader) undeclared(c *Catalog) {
	names, err := l.files.Glob(TranslationFile("*"))
	if err != nil {
		return // a catalog given as bytes has no folder to look in
	}
	slices.Sort(names)
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		pos := Pos{File: l.files.Display(name)}
		canonical := canonicalTag(lang)
		switch {
		case slices.Contains(c.Languages, lang), lang == c.Language: // ownWords reads the latter
		case canonical != lang && slices.Contains(c.Languages, canonical):
			l.probs.add(pos, "a translation file for %q, which the catalog lists as %q: rename it %s", lang, canonical, path.Base(TranslationFile(canonical)))
		default:
			l.probs.add(pos, "a translation file for %q, which the catalog's languages do not list (%s): add it to languages, or remove the file", lang, languageList(c.Languages))
		}
	}
}

// translationThere reports whether lang's translation file is there: one
// read already is unless it was missing; one the loop has not come to yet
// is looked for. A set-aside text's hint names the files it reads from
// (setAsideReads), and es.yaml, not there, gives es-MX nothing.
func (l *loader) translationThere(c *Catalog, lang string) bool {
	if t := c.Translations[lang]; t != nil {
		return !t.Missing
	}
	_, _, err := l.files.Read(TranslationFile(lang), 0)
	return err == nil
}

// readsIn says in which languages a language without a file reads its
// texts: those of its shorter tags' files that are there, nearest first
// (Inherited), then the catalog's.
func (l *loader) readsIn(c *Catalog, lang string) string {
	return c.readsIn(lang, func(tag string) string {
		if t := c.Translations[tag]; t != nil && !t.Missing {
			return t.File
		}
		return ""
	})
}

// untranslated warns, once for the file, of the texts t leaves in the
// default language, of a regional language those that its primary's file
// does not give either (Inherited): the pages mark them, and the API sends
// them so. It asks appendUntranslated of each error, as c.In(t.Language)
// would, without making the catalog's copy in that language. Retired codes are counted
// apart: only their reasons are shown, in the table of retired codes. The
// texts left "" are counted apart from those a change of the catalog set
// aside as stale: filling in mends the former, not the latter, which the
// file translates and which have their own warnings.
func (l *loader) untranslated(c *Catalog, t *Translation) {
	if t.Language == c.Language { // In gives c itself, all of it in c's language
		return
	}
	t = c.readingOf(t.Language, t)
	const left = "the texts left \"\" read in %s (fill them in; %s adds those the file lacks)"
	const aside = "the texts set aside as stale read in %s until they are translated again and marked reviewed: true"
	pos, translate := Pos{File: t.File}, diag.Command("translate "+t.Language)
	// errgen translate adds the entries a file lacks, and nothing to one
	// whose texts are there but "": the hint names both.
	switch empty, setAside := untranslatedWhat(c, t, false), untranslatedWhat(c, t, true); {
	case empty != "" && setAside != "":
		l.warn(pos, "not fully translated into %s: %s: "+left+"; %s: "+aside, t.Language, empty, c.Language, translate, setAside, c.Language)
	case empty != "":
		l.warn(pos, "not fully translated into %s: %s: "+left, t.Language, empty, c.Language, translate)
	case setAside != "":
		l.warn(pos, "not fully translated into %s: %s: "+aside, t.Language, setAside, c.Language)
	}
}

// untranslatedWhat names what t leaves in the default language: the texts
// a change of the catalog set aside, or (setAside false) the others; ""
// for none.
func untranslatedWhat(c *Catalog, t *Translation, setAside bool) string {
	var parts []string
	if n, codes := untranslatedCodes(c.Errors, t, setAside); n > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d errors (%s)", n, len(c.Errors), codes))
	}
	if n, codes := untranslatedCodes(c.Retired, t, setAside); n > 0 {
		parts = append(parts, fmt.Sprintf("the reason of %s (%s)", plural(n, "retired code"), codes))
	}
	var keys []string
	for _, key := range untranslatedTop(c, t) {
		if topSetAside(t, key) == setAside {
			keys = append(keys, key)
		}
	}
	if len(keys) > 0 {
		parts = append(parts, fmt.Sprintf("%s (%s)", plural(len(keys), "top-level text"), firstFive(keys)))
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// topSetAside reports whether the top-level text key (docs.sections[0].title)
// is in a list t set aside (docs.sections).
func topSetAside(t *Translation, key string) bool {
	for _, list := range t.setAside {
		if strings.HasPrefix(key, list+"[") {
			return true
		}
	}
	return false
}

// untranslatedCodes counts the errors of es with a text t leaves in the
// default language, of those set aside or of the others as setAside says,
// and names the first five.
func untranslatedCodes(es []*Error, t *Translation, setAside bool) (int, string) {
	var codes, keys []string
	n := 0
	for _, e := range es {
		et := t.Errors[e.Code]
		if et == nil {
			et = &noTranslation
		}
		keys = appendUntranslated(keys[:0], e, et)
		keys = slices.DeleteFunc(keys, func(key string) bool { return et.setAside[key] != setAside })
		if len(keys) > 0 {
			if n++; n <= 5 {
				codes = append(codes, e.Code)
			}
		}
	}
	if n > len(codes) {
		codes = append(codes, "…")
	}
	return n, strings.Join(codes, ", ")
}

// untranslatedTop names the top-level texts the catalog has and t does not
// translate, by their keys in the translation file (description,
// docs.title, docs.groups.NAME, docs.sections[I].title, categories.NAME …),
// so that the warning says where to fill them in.
func untranslatedTop(c *Catalog, t *Translation) []string {
	var keys []string
	check := func(source, translation, key string) {
		if source != "" && translation == "" {
			keys = append(keys, key)
		}
	}
	check(c.Description, t.Description, "description")
	if !c.Docs.TitleDefault { // the page's own words title it in every language
		check(c.Docs.Title, t.DocsTitle, "docs.title")
	}
	for _, g := range c.Docs.Groups {
		check(g.Description, t.Groups[g.Group], "docs.groups."+g.Group)
	}
	for i, s := range c.Docs.Sections {
		var ts Section
		if i < len(t.Sections) {
			ts = t.Sections[i]
		}
		check(s.Title, ts.Title, fmt.Sprintf("docs.sections[%d].title", i))
		check(s.Body, ts.Body, fmt.Sprintf("docs.sections[%d].body", i))
	}
	keys = appendUntranslatedProviders(keys, c.Docs.Providers, t.Providers)
	seen := map[string]bool{}
	for _, es := range [][]*Error{c.Errors, c.Retired} {
		for _, e := range es {
			if e.Category != "" && !seen[e.Category] {
				seen[e.Category] = true
				check(e.Category, t.Categories[e.Category], "categories."+e.Category)
			}
		}
	}
	return keys
}

// appendUntranslatedProviders appends the keys of the providers' texts
// (notes, their issues' causes and fixes) that translated leaves
// untranslated.
func appendUntranslatedProviders(keys []string, providers, translated []Provider) []string {
	for i, p := range providers {
		var tp Provider
		if i < len(translated) {
			tp = translated[i]
		}
		if p.Notes != "" && tp.Notes == "" {
			keys = append(keys, fmt.Sprintf("docs.providers[%d].notes", i))
		}
		for j, is := range p.Issues {
			var ti ProviderIssue
			if j < len(tp.Issues) {
				ti = tp.Issues[j]
			}
			if is.Cause != "" && ti.Cause == "" {
				keys = append(keys, fmt.Sprintf("docs.providers[%d].issues[%d].cause", i, j))
			}
			if is.Fix != "" && ti.Fix == "" {
				keys = append(keys, fmt.Sprintf("docs.providers[%d].issues[%d].fix", i, j))
			}
		}
	}
	return keys
}

// firstFive joins the first five names, and an ellipsis for more.
func firstFive(names []string) string {
	if len(names) > 5 {
		return strings.Join(names[:5], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// warn records a warning of the catalog's.
func (l *loader) warn(pos Pos, format string, args ...any) {
	if !l.warnings.Keeps() { // counted only, as Add would, with no message made
		l.warnings.Drop(diag.Warning)
		return
	}
	l.warnings.Add(diag.Diagnostic{Pos: at(l.probs.file, pos), Severity: diag.Warning, Msg: fmt.Sprintf(format, args...), Command: diag.CommandIn(args...)})
}

// result is the catalog, with its warnings, when nothing is an error; else
// the list of every problem, warnings too.
func (l *loader) result(c *Catalog) (*Catalog, error) {
	if l.probs.Count() > 0 {
		for _, w := range l.warnings.Items {
			l.probs.list.Add(w)
		}
		l.probs.list.DroppedWarnings += l.warnings.DroppedWarnings
		return nil, l.probs.err()
	}
	l.warnings.Sort()
	c.Warnings = l.warnings
	return c, nil
}
