package catalog

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"

	"github.com/errgen/errgen/diag"
)

// MaxLanguages is the most languages a catalog may list besides its own:
// each is a translation file read with the catalog, within
// MaxTranslationsSize.
const MaxLanguages = 100

// LanguageProblem says what is wrong with a language tag as a catalog's
// language or one of its languages, or returns "" when nothing is: it must
// be a well-formed BCP 47 tag of known subtags, written in its canonical
// form (de-CH, not de_ch), which is also the name of its translation file.
func LanguageProblem(tag string) string {
	t, err := language.Parse(tag)
	var unknown language.ValueError
	switch {
	case errors.As(err, &unknown) && !wellFormed(tag):
		// x/text reads _ as -, so zz_bad gets this far: it is no BCP 47
		// tag, as catalog.schema.json's pattern says, whatever its subtags
		return fmt.Sprintf("%q is not a BCP 47 language tag (subtags are letters and digits joined by -, and %q is no known one): use one such as de, fr or pt-BR", tag, unknown.Subtag())
	case errors.As(err, &unknown):
		return fmt.Sprintf("%q is a well-formed language tag, but its subtag %q is unknown: use a BCP 47 tag such as de, fr or pt-BR", tag, unknown.Subtag())
	case err != nil:
		return fmt.Sprintf("%q is not a BCP 47 language tag: use one such as de, fr or pt-BR", tag)
	case t == language.Und:
		return fmt.Sprintf("%q names no language: use a BCP 47 tag such as de, fr or pt-BR", tag)
	case t.String() != tag:
		return fmt.Sprintf("%q is not in its canonical form: write %q", tag, t.String())
	}
	return ""
}

// wellFormed reports whether tag has BCP 47's syntax as
// catalog.schema.json's pattern for a language gives it,
// ^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$: subtags of 1 to 8 letters and
// digits joined by -, the first of letters only.
func wellFormed(tag string) bool {
	for i, sub := range strings.Split(tag, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, r := range sub {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

// canonicalTag is tag in its canonical form (de-ch: de-CH), or tag itself
// when it is no language tag.
func canonicalTag(tag string) string {
	if t, err := language.Parse(tag); err == nil {
		return t.String()
	}
	return tag
}

// languageKey reads language, the catalog's own, or languages.
func (cr *catalogReader) languageKey(f field) {
	if f.key == "languages" {
		cr.languages(f.value)
		return
	}
	cr.c.Language = cr.str(f.value, "language")
	cr.languagePos = posOf(f.value)
	cr.c.LanguagePos = cr.languagePos
}

// languages reads the languages list: the languages the API speaks
// besides the catalog's own.
func (cr *catalogReader) languages(n *yaml.Node) {
	items := cr.list(n, "languages")
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		cr.probs.add(posOf(n), "languages: the list is empty: name the languages the API speaks besides its own, or remove the key")
	}
	if len(items) > MaxLanguages {
		cr.probs.add(posOf(n), "languages: the list holds %d languages, more than errgen's limit of %d (catalog.MaxLanguages): keep the %d the API's clients ask for most; the others read in the catalog's language", len(items), MaxLanguages, MaxLanguages)
		return
	}
	for _, item := range items {
		s := cr.str(item, "languages item")
		if s == "" && item.Kind == yaml.ScalarNode && item.ShortTag() == "!!str" {
			cr.probs.add(posOf(item), "languages: an empty item names no language: write a BCP 47 tag such as de, or remove the item")
		}
		if s != "" {
			cr.c.Languages = append(cr.c.Languages, s)
			cr.languagesPos = append(cr.languagesPos, posOf(item))
		}
	}
}

// validateLanguages checks the default language and the others: each a
// canonical BCP 47 tag, the others distinct and not the default. A
// language with a problem is taken out of Languages, so that no
// translation file is looked for under its name.
func (cr *catalogReader) validateLanguages() {
	c := cr.c
	if msg := LanguageProblem(c.Language); msg != "" {
		cr.probs.add(cr.languagePos, "language %s", msg)
	}
	seen := map[string]Pos{}
	kept, keptPos := c.Languages[:0], cr.languagesPos[:0]
	for i, lang := range c.Languages {
		pos := cr.languagesPos[i]
		first, dup := seen[lang]
		switch msg := LanguageProblem(lang); {
		case msg != "":
			cr.probs.add(pos, "languages: %s", msg)
			continue
		case lang == c.Language:
			cr.probs.add(pos, "languages: %q is the catalog's own language (language: %s), whose texts are the catalog's: list only the others", lang, c.Language)
			continue
		case dup:
			cr.probs.add(pos, "languages: %q is listed twice (first at %s): list each language once", lang, diag.LineRef(pos, first))
			continue
		}
		seen[lang] = pos
		kept, keptPos = append(kept, lang), append(keptPos, pos)
	}
	c.Languages, cr.languagesPos = kept, keptPos
}

// languageList is the languages, for messages: "de, fr".
func languageList(langs []string) string {
	if len(langs) == 0 {
		return "none"
	}
	return strings.Join(langs, ", ")
}
