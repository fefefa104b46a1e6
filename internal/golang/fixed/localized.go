package fixed

import "sync"

// A catalog that speaks several languages (its default and those it lists
// under languages) gives each definition its translations, and Write sends
// an error in the language the request's Accept-Language asks for, with
// Content-Language and Vary: Accept-Language. A catalog of one language
// sets neither, and its responses are what they were before translations.
//
// Every catalog's package holds this file. The negotiation (language.go,
// acceptlanguage.go, languagecache.go) is only in the package of a catalog
// of several languages: a catalog of one language, most catalogs, gets
// onelanguage.go in its place, which does what they do when languages is
// nil, so that its services do not compile code that never runs there
// (docs/performance.md). The files carry build constraints so that this
// package compiles either half: go test -tags errgen_one_language tests the
// one-language half against a stand-in of one language
// (table_one_language.go; TestBuildVariants in internal/golang runs it).

// languages are the catalog's languages, its default first, then those of
// each definition's translations in their order; nil for a catalog of one
// language. The per-catalog half sets it once, before any Write.
var languages []string

// translation is an error's texts in one of the catalog's other languages.
// Every text empty is untranslated: the error is sent in the default
// language.
type translation struct {
	title           string         // the title; "" for the default language's
	message         string         // the message when it has no placeholders
	messageTemplate []templatePart // the message with placeholders; nil when static
	body            string         // the pre-encoded body of the error without details; "" when it has details
	once            sync.Once
	def             *definition // the definition with these texts, made on first use; see in
}

// LocalizedMessage returns the message in a language: lang is a language
// tag (de, de-CH) or a whole Accept-Language value, negotiated as Write
// negotiates it among the default language and those the error is
// translated into. It is Message, in the default language, when lang names
// none of them or the message was replaced (WithMessage), and "" when the
// error has no message. Message, Error, LogValue and MarshalJSON stay in the
// default language.
func (e *Error) LocalizedMessage(lang string) string {
	e = e.orZero()
	loadDefinitions()
	if languages == nil {
		return e.message
	}
	return e.in(e.languageFor([]string{lang})).message
}
