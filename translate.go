package errgen

import (
	"errors"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/internal/translate"
)

// Translated is the result of Translate.
type Translated struct {
	// File is the translation file's new text.
	File []byte
	// Added counts the entries and texts added for translators to fill
	// in, Stale the entries newly marked stale, Reviewed the entries whose
	// review was recorded with a new source hash.
	Added, Stale, Reviewed int
	// Texts counts the texts added for translators to fill in, as they
	// plan their work: each "" one text to write (a troubleshooting row
	// two, a list of three causes three). TopTexts are those of them at
	// the file's top (the page's words, the description, docs and
	// categories); Entries the errors' entries the others are in.
	Texts, TopTexts, Entries int
	// Removed are the obsolete entries taken out: those for codes,
	// details, enum values, categories and groups the catalog no longer
	// has, in the file's order.
	Removed []RemovedEntry
}

// RemovedEntry is an obsolete entry Translate took out of a translation
// file.
type RemovedEntry struct {
	Pos   catalog.Pos // where its key was in the file as it was
	Path  []string    // the keys leading to it from the file's top: errors, CODE, details, NAME
	Texts []string    // the translated texts it held, each after its keys (title: "Nicht angemeldet"); none when it held errgen's empty texts only
	// Comments are the comments of the translator's that went with it
	// ("# weg"), errgen's source texts (# en: …) aside.
	Comments []string
}

// ErrOwnLanguage is Translate's error for the catalog's own language when
// errgen bundles its page's words (en, de, fr): its texts are the
// catalog's, and there is nothing to translate.
var ErrOwnLanguage = errors.New("the catalog's own language needs no translation")

// Translate returns lang's translation file (translations/LANG.yaml) for
// the catalog c, which Load returned with its translations: file is the
// file as it is, nil when there is none. Every text the file does not
// translate yet gets an entry, its translation left "" under the source
// text as a comment (it reads as untranslated until filled in); an entry
// whose source texts changed since it was made is marked stale with a
// comment; an entry a translator marked reviewed: true gets today's
// source hash, and the mark is taken out (a comment on its line stays, on
// a line of its own); an entry for what the catalog no longer has (a
// code, a detail, an enum value, a category, a group: catalog.Obsolete)
// is taken out, as goi18n merge drops obsolete messages, and Removed lists
// it with the texts it held. Nothing else changes: the text is edited, not
// re-encoded, so every other byte a translator wrote stays, and
// translating the result again changes nothing. A language errgen
// bundles no page words of (markdown.UnbundledWords) is asked for them
// too, under page:, as for the catalog's texts; so is the catalog's own
// language, whose file (translations/LANG.yaml, lang being c.Language)
// holds those words alone. Translate never refreshes
// a source hash by itself. Like Generate, it touches no file.
func Translate(c *catalog.Catalog, lang string, file []byte) (*Translated, error) {
	return TranslateWith(c, lang, file, TranslateOptions{})
}

// TranslateOptions are the choices of TranslateWith; the zero value is
// Translate's.
type TranslateOptions struct {
	// Prog is how the user runs errgen (go tool errgen, go run
	// ./cmd/errgen): the comment heading a new file names errgen
	// translate so; "" names it as plain errgen runs it.
	Prog string
}

// TranslateWith is Translate with opts.
func TranslateWith(c *catalog.Catalog, lang string, file []byte, opts TranslateOptions) (*Translated, error) {
	var words []translate.Word
	for _, w := range markdown.UnbundledWords(c, lang) {
		words = append(words, translate.Word(w))
	}
	if lang == c.Language && len(words) == 0 {
		return nil, ErrOwnLanguage
	}
	res, err := translate.Update(c, lang, file, translate.Options{Words: words, Prog: opts.Prog})
	if err != nil {
		return nil, err
	}
	out := &Translated{File: res.File, Added: res.Added, Stale: res.Stale, Reviewed: res.Reviewed,
		Texts: res.Texts, TopTexts: res.TopTexts, Entries: res.Entries}
	for _, r := range res.Removed {
		out.Removed = append(out.Removed, RemovedEntry(r))
	}
	return out, nil
}
