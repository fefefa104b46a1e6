//go:build errgen_one_language

package fixed

import "net/http"

// The package of a catalog of one language holds this file in place of
// language.go, acceptlanguage.go and languagecache.go (see localized.go):
// each function here is what its namesake there does when languages is nil
// and no definition has translations, as in such a catalog, without the
// negotiation, which never runs there.

// translation returns nil: the catalog has no other language.
func (def *definition) translation(lang int) *translation { return nil }

// language returns -1: a catalog of one language negotiates none.
func (e *Error) language(r *http.Request) int { return -1 }

// languageFor returns 0, the default language: the only one.
func (e *Error) languageFor(acceptLanguage []string) int { return 0 }

// in returns e: it reads in the default language only.
func (e *Error) in(lang int) *Error { return e }

// setLanguageHeaders sets nothing: a catalog of one language sends neither
// Content-Language nor Vary: Accept-Language.
func setLanguageHeaders(h http.Header, lang int, maybeVary bool) {}

// translatedText returns false: no other language has a text.
func (e *Error) translatedText(m []byte) bool { return false }

// addTranslatedTitles adds nothing: no definition has translated titles.
func (x *errorIndex) addTranslatedTitles() {}
