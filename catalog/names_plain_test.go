package catalog_test

import (
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// namesSeeds are names of every shape GoName, Kebab and the patterns meet:
// initialisms, case changes, separators, non-ASCII letters that change
// length or become ASCII when cased.
var namesSeeds = []string{
	"", "INVALID_JSON", "resourceId", "HTTPStatus", "a.b-c_d", "E00001_FAILED", "x2Y", "ÄrgerNis",
	"UTF8Error", "__", "ıd", "ıd_url", "ſsh", "Kelvin_K", "id", "Id", "ID", "xmpp", "HTTPS_Url",
	"1abc", "a b", "a\n", "ab$", "-a", "a-", ".", "rate.limit-exceeded",
}

// checkNames fails when GoName, Kebab, Reason or the code and name patterns give
// for s other than their plain paths.
func checkNames(t *testing.T, s string) {
	t.Helper()
	if got, want := catalog.GoName(s), catalog.GoNamePlain(s); got != want {
		t.Errorf("GoName(%q) = %q, plain %q", s, got, want)
	}
	if got, want := catalog.Kebab(s), catalog.KebabPlain(s); got != want {
		t.Errorf("Kebab(%q) = %q, plain %q", s, got, want)
	}
	if got, want := catalog.Reason(s), catalog.ReasonPlain(s); got != want {
		t.Errorf("Reason(%q) = %q, plain %q", s, got, want)
	}
	if got, want := catalog.CodeMatch(s), catalog.CodeRegexp.MatchString(s); got != want {
		t.Errorf("codePattern(%q) = %v, regexp %v", s, got, want)
	}
	if got, want := catalog.NameMatch(s), catalog.NameRegexp.MatchString(s); got != want {
		t.Errorf("namePattern(%q) = %v, regexp %v", s, got, want)
	}
}

// TestNamesArePlain holds the names of every shipped catalog (codes,
// details and their fields, enum values) and the seeds to the plain paths.
func TestNamesArePlain(t *testing.T) {
	n := 0
	var details func([]*catalog.Detail)
	details = func(ds []*catalog.Detail) {
		for _, d := range ds {
			checkNames(t, d.Name)
			for _, v := range d.Enum {
				checkNames(t, v.Value)
				n++
			}
			details(d.Fields)
			n++
		}
	}
	for _, c := range catalogtest.All(t) {
		for _, e := range append(c.C.Errors, c.C.Retired...) {
			checkNames(t, e.Code)
			details(e.Details)
			n++
		}
	}
	for _, s := range namesSeeds {
		checkNames(t, s)
	}
	t.Logf("%d names", n)
}

// FuzzNames holds GoName, Kebab and the patterns to their plain paths.
func FuzzNames(f *testing.F) {
	for _, s := range namesSeeds {
		f.Add(s)
	}
	f.Fuzz(checkNames)
}
