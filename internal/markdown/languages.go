package markdown

import (
	"net/url"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// A catalog that speaks several languages has one page per language: the
// default language's at the page's name (errors.md), each other's beside
// it with the language inserted before the extension (errors.de.md). Every
// page links them all near its top, each by its own name (its endonym), and
// marks the errors whose texts are still in the default language.

// DefaultName is the page's file name when nothing names it.
const DefaultName = "errors.md"

// endonyms name common languages in themselves, as a reader looking for
// their own language scans for it; a tag not here is shown as it is.
var endonyms = map[string]string{
	"ar": "العربية", "bg": "Български", "ca": "Català", "cs": "Čeština", "da": "Dansk",
	"de": "Deutsch", "de-at": "Deutsch (Österreich)", "de-ch": "Deutsch (Schweiz)",
	"el": "Ελληνικά", "en": "English", "en-gb": "English (UK)", "en-us": "English (US)",
	"es": "Español", "es-419": "Español (Latinoamérica)", "es-mx": "Español (México)",
	"et": "Eesti", "fa": "فارسی", "fi": "Suomi", "fr": "Français", "fr-ca": "Français (Canada)",
	"he": "עברית", "hi": "हिन्दी", "hr": "Hrvatski", "hu": "Magyar", "id": "Bahasa Indonesia",
	"it": "Italiano", "ja": "日本語", "ko": "한국어", "lt": "Lietuvių", "lv": "Latviešu",
	"ms": "Bahasa Melayu", "nb": "Norsk bokmål", "nl": "Nederlands", "no": "Norsk",
	"pl": "Polski", "pt": "Português", "pt-br": "Português (Brasil)", "pt-pt": "Português (Portugal)",
	"ro": "Română", "ru": "Русский", "sk": "Slovenčina", "sl": "Slovenščina", "sr": "Српски",
	"sv": "Svenska", "th": "ไทย", "tr": "Türkçe", "uk": "Українська", "vi": "Tiếng Việt",
	"zh": "中文", "zh-cn": "简体中文", "zh-hans": "简体中文", "zh-hant": "繁體中文", "zh-tw": "繁體中文",
}

// LanguageName is lang's name in lang itself, for the tags endonyms knows
// (case does not matter); the tag otherwise.
func LanguageName(lang string) string {
	if n, ok := endonyms[strings.ToLower(lang)]; ok {
		return n
	}
	return lang
}

// pageLanguage is one language's page, as the languages line links it.
type pageLanguage struct {
	Tag     string // the BCP 47 tag, as the catalog names it
	Name    string // its endonym, escaped
	File    string // the page's file name, escaped for a link destination
	Current bool   // the page being rendered is this one
}

// pageLanguages lists the pages of c, the default language's first, then
// the others in catalog order, current marked; none when c has one
// language. name is the default language's page's file name.
func pageLanguages(c *catalog.Catalog, name, current string) []pageLanguage {
	if len(c.Languages) == 0 {
		return nil
	}
	tags := append([]string{c.Language}, c.Languages...)
	out := make([]pageLanguage, len(tags))
	for i, tag := range tags {
		file := name
		if i > 0 {
			file = catalog.PagePath(name, tag)
		}
		out[i] = pageLanguage{Tag: tag, Name: escapeWord(LanguageName(tag)), File: url.PathEscape(file), Current: tag == current}
	}
	return out
}

// sentIn is the language Write sends e in to a request that asks for the
// language c reads in, and so its example response's Content-Language: that
// language when e is sent translated (catalog.Error.SentTranslated: its
// message, or without one its title), else the default language, in which
// the example is then written whole; "" for a catalog of one language,
// whose responses carry no Content-Language.
func sentIn(c *catalog.Catalog, e *catalog.Error) string {
	switch {
	case len(c.Languages) == 0:
		return ""
	case c.Reading == "" || c.Reading == c.Language || !e.SentTranslated():
		return c.Language
	}
	return c.Reading
}
