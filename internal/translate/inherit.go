package translate

import "github.com/errgen/errgen/catalog"

// A regional language's file (es-MX) is asked only for the texts no file
// of its shorter tags gives (catalog.Inherited: es.yaml's), as its page
// words are: the rest it reads from them. A text its own file translates
// is asked for all the same, so that a list it translates by position is
// lengthened and a stale entry's source comments brought up to date. What
// is asked shows the default language's text as its comment, as for any
// language: that is the text the source hash is of, and the one the
// inherited translation was made from.

// inheritance is what a file's shorter tags give, for the skeleton to
// leave out; its zero value, of a language with none, leaves out nothing.
type inheritance struct {
	own, chain *catalog.Translation // the file's; the shorter tags' (nil for none)
}

// asks reports whether the skeleton asks for a text that the file gives
// (own) or not, and that the shorter tags give (chain) or not.
func asks(own, chain bool) bool { return own || !chain }

// entries are the file's entry of code and the shorter tags', each an
// empty one where there is none.
func (in inheritance) entries(code string) (own, chain *catalog.ErrorTranslation) {
	own, chain = &catalog.ErrorTranslation{}, &catalog.ErrorTranslation{}
	if in.own != nil && in.own.Errors[code] != nil {
		own = in.own.Errors[code]
	}
	if in.chain != nil && in.chain.Errors[code] != nil {
		chain = in.chain.Errors[code]
	}
	return own, chain
}

// top is the file's top-level texts and the shorter tags', each an empty
// translation where there is none.
func (in inheritance) top() (own, chain *catalog.Translation) {
	own, chain = &catalog.Translation{}, &catalog.Translation{}
	if in.own != nil {
		own = in.own
	}
	if in.chain != nil {
		chain = in.chain
	}
	return own, chain
}

// detailOf is the file's and the shorter tags' translation of the detail
// (or field) named name, each an empty one where there is none.
func detailOf(own, chain *catalog.ErrorTranslation, name string) (o, c *catalog.DetailTranslation) {
	o, c = &catalog.DetailTranslation{}, &catalog.DetailTranslation{}
	if d := own.Details[name]; d != nil {
		o = d
	}
	if d := chain.Details[name]; d != nil {
		c = d
	}
	return o, c
}

// allRows reports whether ts gives every cell of rows.
func allRows(rows, ts []catalog.Troubleshooting) bool {
	for i, r := range rows {
		if i >= len(ts) || r.Check != "" && ts[i].Check == "" || r.Solution != "" && ts[i].Solution == "" {
			return false
		}
	}
	return true
}

// allSections reports whether ts gives every title and body of ss.
func allSections(ss, ts []catalog.Section) bool {
	for i, s := range ss {
		if i >= len(ts) || s.Title != "" && ts[i].Title == "" || s.Body != "" && ts[i].Body == "" {
			return false
		}
	}
	return true
}

// allProviders reports whether ts gives every note, cause and fix of ps.
func allProviders(ps, ts []catalog.Provider) bool {
	for i, p := range ps {
		if i >= len(ts) || p.Notes != "" && ts[i].Notes == "" || len(ts[i].Issues) < len(p.Issues) {
			return false
		}
		for j, is := range p.Issues {
			if is.Cause != "" && ts[i].Issues[j].Cause == "" || is.Fix != "" && ts[i].Issues[j].Fix == "" {
				return false
			}
		}
	}
	return true
}
