//go:build !errgen_one_language

package fixed

import (
	"net/http"
	"reflect"
	"strings"
	"sync"
)

// translation returns the error's texts in languages[lang]; nil for the
// default language and one the error is not translated into.
func (def *definition) translation(lang int) *translation {
	if lang <= 0 || lang > len(def.translations) {
		return nil
	}
	tr := &def.translations[lang-1]
	if tr.title == "" && tr.message == "" && tr.messageTemplate == nil {
		return nil
	}
	return tr
}

// language is the index in languages of the language Write sends e in for
// r: what its Accept-Language asks for, among the default and those e is
// translated into. An error whose message was replaced (WithMessage, or
// Parse's of an unknown text) is sent as it is, its text taken to be in the
// default language (0). -1 for a catalog of one language.
func (e *Error) language(r *http.Request) int {
	if languages == nil {
		return -1
	}
	if r == nil {
		return 0
	}
	return e.languageFor(r.Header["Accept-Language"])
}

// languageFor is the index in languages of the language an Accept-Language
// field asks e in; see language.
func (e *Error) languageFor(acceptLanguage []string) int {
	if e.custom || e.def == nil || e.def.translations == nil || len(acceptLanguage) == 0 {
		return 0
	}
	return negotiateLanguage(acceptLanguage, e.def.translated)
}

// translated reports whether the definition has its texts in languages[lang].
func (def *definition) translated(lang int) bool {
	return def.translation(lang) != nil
}

// in returns e as it reads in languages[lang]: e itself in the default
// language or one it is not translated into, else a copy with the
// translated title and message, sharing everything else, for writing only.
func (e *Error) in(lang int) *Error {
	tr := e.def.translation(lang)
	if tr == nil || e.custom {
		return e
	}
	le := *e
	le.def = tr.definition(e.def)
	// An error without a message (a sentinel whose message has
	// placeholders) writes the title: translated, in le.def.
	switch {
	case e.message == "":
	case tr.messageTemplate != nil:
		le.message = le.fill(tr.messageTemplate)
	case tr.message != "":
		le.message = tr.message
	}
	return &le
}

// definition returns def with the translation's texts, made on first use:
// the envelope writers read the title, and the pre-encoded title and
// message, from the definition. The copy is of the whole row, the fields the
// emitter adds to it included; reflect makes it, for a row holds a sync.Once
// and its flag (done by prepared before, so that none runs while it is
// copied), which the copy then starts afresh.
func (tr *translation) definition(def *definition) *definition {
	tr.once.Do(func() {
		def.prepared()
		ld := new(definition)
		reflect.ValueOf(ld).Elem().Set(reflect.ValueOf(def).Elem())
		ld.once, ld.prep = sync.Once{}, prepared{}
		ld.ready.Store(false)
		if tr.title != "" {
			ld.Title = tr.title
		}
		ld.message, ld.messageTemplate, ld.body = tr.message, tr.messageTemplate, tr.body
		ld.translations = nil
		tr.def = ld
	})
	return tr.def
}

// setLanguageHeaders sets Content-Language to languages[lang] and adds
// Accept-Language to Vary; nothing for a catalog of one language (lang -1).
// Both values are shared by every response, as setHeaders shares the
// others the catalog fixes: Content-Language's is a slice of languages. A
// Vary the handler set (Origin, say) is kept, or one of the catalog's; when
// h held neither before (maybeVary false), Vary is not looked for.
func setLanguageHeaders(h http.Header, lang int, maybeVary bool) {
	if lang < 0 {
		return
	}
	h["Content-Language"] = languages[lang : lang+1 : lang+1]
	var vary []string
	if maybeVary {
		vary = h["Vary"]
	}
	if len(vary) == 0 {
		h["Vary"] = varyAcceptLanguage
		return
	}
	for _, v := range vary {
		if hasToken(v, "Accept-Language") || hasToken(v, "*") {
			return
		}
	}
	h["Vary"] = append(vary[:len(vary):len(vary)], "Accept-Language")
}

// varyAcceptLanguage is the Vary header of a response in a negotiated
// language, shared by every response.
var varyAcceptLanguage = []string{"Accept-Language"}

// hasToken reports whether a comma-separated header value lists token,
// without regard to ASCII case.
func hasToken(v, token string) bool {
	for v != "" {
		elem := v
		if i := strings.IndexByte(v, ','); i >= 0 {
			elem, v = v[:i], v[i+1:]
		} else {
			v = ""
		}
		if strings.EqualFold(strings.Trim(elem, " \t"), token) {
			return true
		}
	}
	return false
}

// translatedText reports whether the JSON string m is what e writes for a
// bare $message in one of the catalog's other languages: Parse then keeps
// e's message, in the default language, as it does for the default's text.
func (e *Error) translatedText(m []byte) bool {
	for lang := 1; lang < len(languages); lang++ {
		if e.def.translation(lang) == nil {
			continue
		}
		if le := e.in(lang); stringIs(m, le.messageOrTitle()) {
			return true
		}
	}
	return false
}

// addTranslatedTitles indexes each definition of an envelope without a
// code by its translated titles too, so that Parse identifies a body in
// any of the catalog's languages; after the default language's titles,
// which win a tie.
func (x *errorIndex) addTranslatedTitles() {
	for i := range definitions {
		d := &definitions[i]
		if d.envelope.hasCode {
			continue
		}
		for j := range d.translations {
			k := errorKey{env: d.envelope, status: d.Status, title: d.translations[j].title}
			if _, dup := x.byKey[k]; !dup && k.title != "" {
				x.byKey[k] = d
			}
		}
	}
}
