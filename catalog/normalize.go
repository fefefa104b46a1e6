package catalog

import "net/http"

// normalize fills in the defaults and the derived fields of a catalog as
// read: option defaults, each error's format, Go name, title, anchor, type
// URI and docs link, each detail's and enum value's Go name, and the fallback. It reports
// nothing; it runs before validate, even on a catalog with problems, and
// leaves a field empty where there is nothing sound to put in it:
//
//   - Error.Name stays empty when the code is empty, not a valid code, a
//     duplicate, or has the Go name of an earlier error's code;
//   - Error.Title stays empty when the status has no reason phrase;
//   - Catalog.Fallback is the first error with fallback: true, or nil.
func normalize(c *Catalog) {
	if c.Go.Package == "" {
		c.Go.Package = "apierrors"
	}
	if c.OpenAPI.Version == "" {
		c.OpenAPI.Version = "3.1.0"
	}
	if c.Docs.Title == "" {
		c.Docs.Title, c.Docs.TitleDefault = "Errors", true
	}
	if c.Language == "" {
		c.Language = DefaultLanguage
	}
	if c.Docs.GroupBy == "" {
		c.Docs.GroupBy = "status"
	}
	codes := make(map[string]bool, len(c.Errors))
	names := make(map[string]bool, len(c.Errors))
	for _, e := range c.Errors {
		if e.Envelope == nil {
			e.Envelope = c.DefaultEnvelope
		}
		if e.Code != "" && codePattern.MatchString(e.Code) && !codes[e.Code] {
			codes[e.Code] = true
			if name := GoName(e.Code); !names[name] {
				e.Name = name
				names[name] = true
			}
		}
		if e.Title == "" && e.Status >= 400 && e.Status <= 599 {
			e.Title = http.StatusText(e.Status)
		}
		e.Anchor = Kebab(e.Code)
		e.TypeURI = "about:blank"
		if c.TypeBase != "" {
			e.TypeURI = c.TypeBase + e.Anchor
		}
		if c.DocsURL != "" {
			e.DocsLink = c.DocsURL + "#" + e.Anchor
		}
		nameDetails(e.Details)
		if e.GRPCCode == "" {
			e.GRPCCode = DefaultGRPCCode(e.Status)
		}
		e.GRPCReason = reasonOfKebab(e.Anchor) // Reason(e.Code), from the Kebab just taken
		if e.Fallback && c.Fallback == nil {
			c.Fallback = e
		}
	}
	resolveReplacements(c)
	for _, e := range c.Retired { // for the docs' Retired codes table
		if e.Title == "" && e.Status >= 400 && e.Status <= 599 {
			e.Title = http.StatusText(e.Status)
		}
		e.Anchor = Kebab(e.Code)
	}
}

// nameDetails gives details, and the fields of object details, their Go names.
func nameDetails(ds []*Detail) {
	for _, d := range ds {
		d.GoName = GoName(d.Name)
		for i := range d.Enum {
			d.Enum[i].GoName = GoName(d.Enum[i].Value)
		}
		nameDetails(d.Fields)
	}
}
