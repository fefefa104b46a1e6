package catalog

import "slices"

// The languages an API speaks. A catalog names its default language
// (language: en, the default) and the others it serves (languages: [de, fr]);
// each of those has translations/LANG.yaml beside the root catalog. The
// default language's texts are the catalog's own; In gives the catalog as it
// reads in another language, each text its translation gives replaced and the
// rest left in the default language, marked.

// DefaultLanguage is the language of a catalog that names none.
const DefaultLanguage = "en"

// Translation is one language's translations/LANG.yaml: every text it
// translates, by what it translates.
type Translation struct {
	Language    string                       // the BCP 47 tag, as languages lists it
	File        string                       // the file, as messages name it
	Missing     bool                         // there is no such file: every text falls back to the default language
	Source      string                       // the hash of the top-level texts it was made from (TopSourceHash), as the file records it
	Stale       bool                         // the file translates top-level texts and Source is not the hash of today's
	Reviewed    bool                         // reviewed: true at the top: a translator checked the top-level texts against today's
	Description string                       // the page's intro; "" when untranslated
	DocsTitle   string                       // docs.title; "" when untranslated
	Sections    []Section                    // docs.sections by position; a "" text is untranslated
	Groups      map[string]string            // docs.groups' texts by the group's name as the catalog gives it; "" when untranslated
	Providers   []Provider                   // docs.providers by position; a "" text is untranslated
	Categories  map[string]string            // category as the catalog names it → its translation
	CategoryPos map[string]Pos               // where each translation of Categories is in the file
	Words       map[string]string            // the page's own words (headings such as "Causes"), by key; "" when untranslated; the Markdown output's check judges the keys
	WordPos     map[string]Pos               // where each key of Words is in the file
	Errors      map[string]*ErrorTranslation // by code
	Obsolete    []Obsolete                   // the entries for what the catalog no longer has, in the file's order: ignored, and errgen translate removes them

	// setAside are the top-level lists (docs.sections,
	// docs.providers[0].issues) it translates that a change of the catalog
	// set aside (see changed): it still translates them, stale. Each is
	// the prefix of its texts' keys (untranslatedTop).
	setAside []string
}

// ErrorTranslation is what a translation file says about one error. A ""
// text, or a nil list, is untranslated and falls back to the default
// language.
type ErrorTranslation struct {
	Code            string
	Title           string
	Message         *Template // nil when untranslated; its placeholders are the error's details
	Description     string
	Causes          []string
	Remediation     []string
	Troubleshooting []Troubleshooting
	Details         map[string]*DetailTranslation // by detail name (fields by "detail.field")
	Deprecated      string                        // the reason a deprecated or retired code gives (deprecated); "" when untranslated
	Source          string                        // the hash of the default-language texts it was made from (SourceHash), as the file records it
	Stale           bool                          // it translates a text and Source is not the hash of today's texts
	Reviewed        bool                          // reviewed: true: a translator checked it against today's texts; errgen translate records their hash
	Pos             Pos                           // position of the entry's code in the translation file

	setAside map[string]bool // the keys of the texts it translates that a change of the catalog set aside (see changed), as appendUntranslated names them: it still translates them, stale
	partList bool            // a free list (causes, remediation) it translates in part: read as untranslated, yet a translator's work to review
}

// DetailTranslation translates a detail's (or field's) description and its
// enum values' descriptions.
type DetailTranslation struct {
	Description string
	Enum        map[string]string // enum value → translated description
}

// In returns the catalog as it reads in lang: a copy whose texts are those
// lang's translation gives, then (for a regional tag) those Inherited gives,
// the rest left in the default language and named in each error's
// Untranslated. Codes, statuses, details, envelopes and
// everything else on the wire are shared with c. In(c.Language), or a
// language the catalog does not serve, returns c itself.
func (c *Catalog) In(lang string) *Catalog {
	t := c.Translations[lang]
	if t == nil || lang == c.Language {
		return c
	}
	t = c.readingOf(lang, t)
	lc := *c
	lc.Reading = lang
	if t.Description != "" {
		lc.Description = t.Description
	}
	if t.DocsTitle != "" {
		lc.Docs.Title, lc.Docs.TitleDefault = t.DocsTitle, false
	}
	lc.Docs.Sections = translateSections(c.Docs.Sections, t.Sections)
	lc.Docs.Groups = translateGroups(c.Docs.Groups, t, c.Docs.GroupBy)
	lc.Docs.Providers = translateProviders(c.Docs.Providers, t.Providers)
	copies := make(map[*Error]*Error, len(c.Errors)+len(c.Retired))
	lc.Errors = translateErrors(c.Errors, t, copies)
	lc.Retired = translateErrors(c.Retired, t, copies)
	for _, e := range copies {
		if e.Replacement != nil {
			e.Replacement = copies[e.Replacement]
		}
	}
	if c.Fallback != nil {
		lc.Fallback = copies[c.Fallback]
	}
	return &lc
}

func translateErrors(es []*Error, t *Translation, copies map[*Error]*Error) []*Error {
	out := make([]*Error, len(es))
	for i, e := range es {
		le := translateError(e, t.Errors[e.Code], t.Categories)
		copies[e] = le
		out[i] = le
	}
	return out
}

// translateError copies e with et's texts, naming what stays untranslated.
func translateError(e *Error, et *ErrorTranslation, categories map[string]string) *Error {
	le := *e
	le.inDefault = e.InDefault()
	if cat, ok := categories[e.Category]; ok && cat != "" {
		le.Category = cat
	}
	if et == nil {
		et = &noTranslation
	}
	le.Untranslated = appendUntranslated(nil, e, et)
	if et.Title != "" {
		le.Title = et.Title
	}
	if et.Message != nil {
		le.Message = et.Message
	}
	if et.Description != "" {
		le.Description = et.Description
	}
	if et.Causes != nil {
		le.Causes = et.Causes
	}
	if et.Remediation != nil {
		le.Remediation = et.Remediation
	}
	le.Troubleshooting = translateRows(e.Troubleshooting, et.Troubleshooting)
	le.Details = translateDetails(e.Details, "", et.Details)
	if et.Deprecated != "" {
		le.Deprecated = et.Deprecated
	}
	return &le
}

// noTranslation is the entry of an error its translation does not name:
// every text stays in the default language.
var noTranslation ErrorTranslation

// appendUntranslated appends to keys those of e's texts that et leaves in
// the default language, in errorKeys order: the one judge of what
// translateError marks, which the loader's warning counts without making
// the copy. A field's description left untranslated does not count: only
// the error's own details' descriptions and enum values do. Of a retired
// code only the reason counts: the page's table of retired codes shows it,
// and none of the code's other texts.
func appendUntranslated(keys []string, e *Error, et *ErrorTranslation) []string {
	reason := et.Deprecated == "" && e.Deprecated != ""
	if e.Retired {
		if reason {
			keys = append(keys, "deprecated")
		}
		return keys
	}
	texts := [...]struct {
		key     string
		missing bool
	}{
		{"title", et.Title == "" && e.Title != ""},
		{"message", et.Message == nil && e.Message != nil},
		{"description", et.Description == "" && e.Description != ""},
		{"causes", et.Causes == nil && len(e.Causes) > 0},
		{"remediation", et.Remediation == nil && len(e.Remediation) > 0},
		{"troubleshooting", rowsUntranslated(e.Troubleshooting, et.Troubleshooting)},
		{"details", detailsUntranslated(e.Details, et.Details)},
		{"deprecated", reason},
	}
	for _, t := range texts {
		if t.missing {
			keys = append(keys, t.key)
		}
	}
	return keys
}

// rowsUntranslated reports whether a troubleshooting cell of rows has no
// translation in ts.
func rowsUntranslated(rows, ts []Troubleshooting) bool {
	for i, r := range rows {
		var t Troubleshooting
		if i < len(ts) {
			t = ts[i]
		}
		if t.Check == "" && r.Check != "" || t.Solution == "" && r.Solution != "" {
			return true
		}
	}
	return false
}

// detailsUntranslated reports whether a description of one of ds, or of
// one of their enum values, has no translation in dts.
func detailsUntranslated(ds []*Detail, dts map[string]*DetailTranslation) bool {
	for _, d := range ds {
		dt := dts[d.Name]
		if d.Description != "" && (dt == nil || dt.Description == "") {
			return true
		}
		for _, v := range d.Enum {
			if v.Description != "" && (dt == nil || dt.Enum[v.Value] == "") {
				return true
			}
		}
	}
	return false
}

// translateDetails gives ds the descriptions dts translates; prefix names
// a field's detail ("detail."). A detail the translation changes nothing
// of, fields included, is shared with ds, and ds itself is returned when
// that is all of them: most details of most errors.
func translateDetails(ds []*Detail, prefix string, dts map[string]*DetailTranslation) []*Detail {
	var out []*Detail // nil until a detail changes
	for i, d := range ds {
		ld := translateDetail(d, prefix, dts)
		if ld == d && out == nil {
			continue
		}
		if out == nil {
			out = make([]*Detail, len(ds))
			copy(out, ds[:i])
		}
		out[i] = ld
	}
	if out == nil {
		return ds
	}
	return out
}

// translateDetail is d with the descriptions dts translates, or d itself
// when it translates none of d's, its enum values' or its fields'.
func translateDetail(d *Detail, prefix string, dts map[string]*DetailTranslation) *Detail {
	fields := translateDetails(d.Fields, prefix+d.Name+".", dts)
	dt := dts[prefix+d.Name]
	if dt == nil && sameDetails(fields, d.Fields) {
		return d
	}
	ld := *d
	ld.Fields = fields
	if dt == nil {
		return &ld
	}
	if dt.Description != "" {
		ld.Description = dt.Description
	}
	if len(d.Enum) > 0 && len(dt.Enum) > 0 {
		ld.Enum = make([]EnumValue, len(d.Enum))
		for j, v := range d.Enum {
			if s := dt.Enum[v.Value]; s != "" {
				v.Description = s
			}
			ld.Enum[j] = v
		}
	}
	return &ld
}

// sameDetails reports whether a and b are the same slice.
func sameDetails(a, b []*Detail) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// translateRows gives each troubleshooting cell its translation, row by
// row (the loader holds a translation to the same rows); rows itself when
// ts translates none.
func translateRows(rows, ts []Troubleshooting) []Troubleshooting {
	if len(rows) == 0 || len(ts) == 0 {
		return rows
	}
	out := append([]Troubleshooting(nil), rows...)
	for i := range out {
		if i >= len(ts) {
			break
		}
		if ts[i].Check != "" {
			out[i].Check = ts[i].Check
		}
		if ts[i].Solution != "" {
			out[i].Solution = ts[i].Solution
		}
	}
	return out
}

func translateSections(ss, ts []Section) []Section {
	if len(ts) == 0 {
		return ss
	}
	out := append([]Section(nil), ss...)
	for i := range out {
		if i < len(ts) {
			if ts[i].Title != "" {
				out[i].Title, out[i].Pos = ts[i].Title, ts[i].Pos
			}
			if ts[i].Body != "" {
				out[i].Body = ts[i].Body
			}
		}
	}
	return out
}

func translateProviders(ps, ts []Provider) []Provider {
	if len(ts) == 0 {
		return ps
	}
	out := append([]Provider(nil), ps...)
	for i := range out {
		if i >= len(ts) {
			break
		}
		if ts[i].Notes != "" {
			out[i].Notes = ts[i].Notes
		}
		issues := append([]ProviderIssue(nil), out[i].Issues...)
		for j := range issues {
			if j < len(ts[i].Issues) {
				ti := ts[i].Issues[j]
				if ti.Cause != "" {
					issues[j].Cause = ti.Cause
				}
				if ti.Fix != "" {
					issues[j].Fix = ti.Fix
				}
			}
		}
		out[i].Issues = issues
	}
	return out
}

// SentTranslated reports whether e, an error as In gave it, is sent in the
// language it reads in: its message, or without one its title, is
// translated. An error whose text is not is sent whole in the default
// language (a German title above an English message would read as
// neither), and its Content-Language says so. The generated Go code and
// the page's example responses hold to this one rule.
func (e *Error) SentTranslated() bool {
	key := "message"
	if e.Message == nil {
		key = "title"
	}
	return !slices.Contains(e.Untranslated, key)
}
