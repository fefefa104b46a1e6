package golang

import (
	"slices"

	"github.com/errgen/errgen/catalog"
)

// A catalog of several languages gives each row of the definitions table
// its texts in the other languages, as data (a translation per language:
// title, message or message template, pre-encoded body), and the package
// the list of its languages, which the fixed half negotiates among. A
// catalog of one language gets neither: its package is what it was before
// translations.

// translatedErrors returns, per error of c, the error as it reads in each
// of c's other languages, in c.Languages' order; nil for a catalog of one
// language. A language without translations reads wholly in the default
// language.
func translatedErrors(c *catalog.Catalog) map[*catalog.Error][]*catalog.Error {
	if len(c.Languages) == 0 {
		return nil
	}
	in := make(map[*catalog.Error][]*catalog.Error, len(c.Errors))
	for _, lang := range c.Languages {
		lc := c.In(lang)
		for i, e := range c.Errors {
			le := lc.Errors[i]
			if lc == c {
				le = nil // In gives c itself for a language without translations
			}
			in[e] = append(in[e], le)
		}
	}
	return in
}

// translations writes the row's translations field: one translation per
// other language, {} where the error's text is untranslated; nothing when
// it is untranslated in all of them.
func (w declWriter) translations(e *catalog.Error) {
	les := w.translated[e]
	if !slices.ContainsFunc(les, translated) {
		return
	}
	w.str(", translations: []translation{")
	for i, le := range les {
		if i > 0 {
			w.str(", ")
		}
		w.translation(e, le)
	}
	w.str("}")
}

// translated reports whether le, an error as In gave it (nil for none), is
// sent translated (catalog.Error.SentTranslated). An error whose text is
// not is sent in the default language, which Content-Language then says.
func translated(le *catalog.Error) bool {
	return le != nil && le.SentTranslated()
}

// translation writes one translation: the title when translated, the
// message (a template when it has placeholders), and without details the
// pre-encoded body.
func (w declWriter) translation(e, le *catalog.Error) {
	if !translated(le) {
		w.str("{}")
		return
	}
	sep := "{"
	field := func(name, value string) {
		w.str(sep, name, ": ", value)
		sep = ", "
	}
	if !slices.Contains(le.Untranslated, "title") {
		field("title", goString(le.Title))
	}
	if le.Message != nil {
		if le.Message.Static() {
			field("message", goString(le.Message.Source))
		} else {
			w.str(sep, "messageTemplate: ")
			w.templateParts(le.Message)
			sep = ", "
		}
	}
	if len(e.Details) == 0 {
		field("body", goString(staticBody(le)))
	}
	w.str("}")
}

// textTranslations writes what translations writes, as definitionsText's
// fields: lang for each other language, then the translation's
// lang.title=, lang.message=TEMPLATE and lang.body= when translated.
func (w declWriter) textTranslations(e *catalog.Error) {
	les := w.translated[e]
	if !slices.ContainsFunc(les, translated) {
		return
	}
	for _, le := range les {
		w.str(" lang")
		if !translated(le) {
			continue
		}
		if !slices.Contains(le.Untranslated, "title") {
			w.textField("lang.title", le.Title)
		}
		if le.Message != nil {
			w.str(" lang.message=")
			w.textTemplate(le.Message)
		}
		if len(e.Details) == 0 {
			w.str(" lang.body=")
			w.text(staticBody(le))
		}
	}
}

// languages writes the function that gives the fixed half the catalog's
// languages, its default first; nothing for a catalog of one language.
func (w declWriter) languages(c *catalog.Catalog) {
	if len(c.Languages) == 0 {
		return
	}
	w.str("\n// init sets the catalog's languages, its default first: each definition's\n",
		"// translations are in the others, in this order.\nfunc init() { languages = []string{")
	for i, lang := range append([]string{c.Language}, c.Languages...) {
		if i > 0 {
			w.str(", ")
		}
		w.str(goString(lang))
	}
	w.str("} }\n")
}
