package catalog

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
	Providers   []Provider                   // docs.providers by position; a "" text is untranslated
	Categories  map[string]string            // category as the catalog names it → its translation
	Words       map[string]string            // the page's own words (headings such as "Causes"), by key; "" when untranslated; the Markdown output's check judges the keys
	WordPos     map[string]Pos               // where each key of Words is in the file
	Errors      map[string]*ErrorTranslation // by code
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
	Source          string                        // the hash of the default-language texts it was made from (SourceHash), as the file records it
	Stale           bool                          // it translates a text and Source is not the hash of today's texts
	Reviewed        bool                          // reviewed: true: a translator checked it against today's texts; errgen translate records their hash
	Pos             Pos                           // position of the entry's code in the translation file
}

// DetailTranslation translates a detail's (or field's) description and its
// enum values' descriptions.
type DetailTranslation struct {
	Description string
	Enum        map[string]string // enum value → translated description
}

// In returns the catalog as it reads in lang: a copy whose texts are those
// lang's translation gives, the rest left in the default language and named
// in each error's Untranslated. Codes, statuses, details, envelopes and
// everything else on the wire are shared with c. In(c.Language), or a
// language the catalog does not serve, returns c itself.
func (c *Catalog) In(lang string) *Catalog {
	t := c.Translations[lang]
	if t == nil || lang == c.Language {
		return c
	}
	lc := *c
	lc.Reading = lang
	if t.Description != "" {
		lc.Description = t.Description
	}
	if t.DocsTitle != "" {
		lc.Docs.Title = t.DocsTitle
	}
	lc.Docs.Sections = translateSections(c.Docs.Sections, t.Sections)
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
	le.Untranslated = nil
	if cat, ok := categories[e.Category]; ok && cat != "" {
		le.Category = cat
	}
	if et == nil {
		et = &ErrorTranslation{}
	}
	text := func(key string, from string, to *string) {
		switch {
		case from != "":
			*to = from
		case *to != "":
			le.Untranslated = append(le.Untranslated, key)
		}
	}
	text("title", et.Title, &le.Title)
	if et.Message != nil {
		le.Message = et.Message
	} else if e.Message != nil {
		le.Untranslated = append(le.Untranslated, "message")
	}
	text("description", et.Description, &le.Description)
	lists := []struct {
		key      string
		from, to *[]string
	}{{"causes", &et.Causes, &le.Causes}, {"remediation", &et.Remediation, &le.Remediation}}
	for _, l := range lists {
		switch {
		case *l.from != nil:
			*l.to = *l.from
		case len(*l.to) > 0:
			le.Untranslated = append(le.Untranslated, l.key)
		}
	}
	var missing bool
	if le.Troubleshooting, missing = translateRows(e.Troubleshooting, et.Troubleshooting); missing {
		le.Untranslated = append(le.Untranslated, "troubleshooting")
	}
	le.Details = translateDetails(e.Details, "", et.Details, &le)
	return &le
}

// translateDetails copies the details whose descriptions the translation
// gives; prefix names a field's detail ("detail.").
func translateDetails(ds []*Detail, prefix string, dts map[string]*DetailTranslation, le *Error) []*Detail {
	if len(ds) == 0 {
		return ds
	}
	out := make([]*Detail, len(ds))
	missing := false
	for i, d := range ds {
		ld := *d
		dt := dts[prefix+d.Name]
		if dt != nil && dt.Description != "" {
			ld.Description = dt.Description
		} else if d.Description != "" {
			missing = true
		}
		if len(d.Enum) > 0 {
			ld.Enum = make([]EnumValue, len(d.Enum))
			for j, v := range d.Enum {
				if dt != nil && dt.Enum[v.Value] != "" {
					v.Description = dt.Enum[v.Value]
				} else if v.Description != "" {
					missing = true
				}
				ld.Enum[j] = v
			}
		}
		ld.Fields = translateDetails(d.Fields, prefix+d.Name+".", dts, le)
		out[i] = &ld
	}
	if missing && prefix == "" {
		le.Untranslated = append(le.Untranslated, "details")
	}
	return out
}

// translateRows gives each troubleshooting cell its translation, row by
// row (the loader holds a translation to the same rows); missing says some
// cell is left in the default language.
func translateRows(rows, ts []Troubleshooting) (out []Troubleshooting, missing bool) {
	if len(rows) == 0 {
		return rows, false
	}
	out = append([]Troubleshooting(nil), rows...)
	for i := range out {
		var t Troubleshooting
		if i < len(ts) {
			t = ts[i]
		}
		for _, cell := range []struct{ from, to *string }{{&t.Check, &out[i].Check}, {&t.Solution, &out[i].Solution}} {
			switch {
			case *cell.from != "":
				*cell.to = *cell.from
			case *cell.to != "":
				missing = true
			}
		}
	}
	return out, missing
}

func translateSections(ss, ts []Section) []Section {
	if len(ts) == 0 {
		return ss
	}
	out := append([]Section(nil), ss...)
	for i := range out {
		if i < len(ts) {
			if ts[i].Title != "" {
				out[i].Title = ts[i].Title
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
