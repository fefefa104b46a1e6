package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// TestMirrorsCatalog checks that errorData and detailData repeat every field of
// the catalog types they embed (but the ones they shadow on purpose), with
// the same type and, for every error of a catalog, the same value: templates
// must see exactly what the embedded structs hold.
func TestMirrorsCatalog(t *testing.T) {
	mirrors := func(outer, inner reflect.Type, shadowed string) {
		t.Helper()
		for i := range inner.NumField() { // not inner.Fields(): go 1.26
			f := inner.Field(i)
			if !f.IsExported() || f.Name == shadowed {
				continue
			}
			g, ok := outer.FieldByName(f.Name)
			if !ok || len(g.Index) != 1 {
				t.Errorf("%s does not repeat %s.%s", outer, inner, f.Name)
			} else if g.Type != f.Type {
				t.Errorf("%s.%s is a %s, %s.%s a %s", outer, f.Name, g.Type, inner, f.Name, f.Type)
			}
		}
	}
	mirrors(reflect.TypeFor[errorData](), reflect.TypeFor[catalog.Error](), "Details")
	mirrors(reflect.TypeFor[detailData](), reflect.TypeFor[catalog.Detail](), "Example")

	same := func(outer reflect.Value, inner reflect.Value, shadowed string) {
		t.Helper()
		for i := range inner.NumField() { // not Type().Fields(): go 1.26
			f := inner.Type().Field(i)
			if !f.IsExported() || f.Name == shadowed {
				continue
			}
			if !reflect.DeepEqual(outer.Field(mustIndex(t, outer.Type(), f.Name)).Interface(), inner.FieldByIndex(f.Index).Interface()) {
				t.Errorf("%s.%s differs from the catalog's", outer.Type(), f.Name)
			}
		}
	}
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(60))
	if err != nil {
		t.Fatal(err)
	}
	page, err := newPage(c, DefaultName)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range page.Errors {
		same(reflect.ValueOf(e).Elem(), reflect.ValueOf(e.Error).Elem(), "Details")
		if len(e.Details) != len(e.Error.Details) {
			t.Fatalf("%s: %d details, want %d", e.Code, len(e.Details), len(e.Error.Details))
		}
		for _, d := range e.Details {
			same(reflect.ValueOf(d), reflect.ValueOf(d.Detail).Elem(), "Example")
		}
	}
}

func mustIndex(t *testing.T, typ reflect.Type, name string) int {
	t.Helper()
	f, ok := typ.FieldByName(name)
	if !ok || len(f.Index) != 1 {
		t.Fatalf("%s has no field %s of its own", typ, name)
	}
	return f.Index[0]
}

// The types below are the page's without the trick of mirror.go: errors and
// details that only embed the catalog's, as plain Go would write them.

type plainError struct {
	*catalog.Error
	Reason     string
	Body       []byte
	Response   string
	Details    []plainDetail
	RetryAfter bool
	GRPCDomain string
	Words      words
	Original   *pageLanguage
}

type plainDetail struct {
	*catalog.Detail
	Example string
	words   words
}

// The template methods of errorData and detailData, as plain Go would
// write them: on the embedded catalog types.

func (e *plainError) Summary() string           { return errorSummary(e.Error) }
func (e *plainError) DescribedDetails() bool    { return describedDetails(e.Error) }
func (e *plainError) ReplacementAnchor() string { return replacementAnchor(e.Error.ReplacedBy) }
func (d plainDetail) Summary() string           { return detailSummary(d.Detail, d.words) }
func (d plainDetail) DescribedValues() bool     { return describedValues(d.Detail) }
func (d plainDetail) FieldTables() ([]fieldTable, error) {
	return appendFieldTables(nil, d.Name, d.Detail, d.words)
}

type plainEnvelope struct {
	*catalog.Envelope
	Errors  []*plainError
	Sample  *plainError
	Example []byte
	Fields  []field
	Ordinal int

	CodePath  string
	TitlePath string
}

type plainGroup struct {
	Title       string
	Description string
	Errors      []*plainError
}

type plainStatusRow struct {
	Status int
	Reason string
	Errors []*plainError
}

type plainPage struct {
	Catalog   *catalog.Catalog
	Title     string
	Intro     string
	Envelopes []*plainEnvelope
	Errors    []*plainError
	Groups    []*plainGroup
	Providers []catalog.Provider
	Sections  []catalog.Section
	Statuses  []*plainStatusRow
	Retired   []*retiredCode
	Layout    string
	Fallback  *plainError

	RequestIDInBody bool
	CodesInCode     bool

	Language  string
	Languages []pageLanguage
	Words     words
}

// plainPageOf is p with every error and detail as a plain one.
func plainPageOf(p *page) *plainPage {
	plain := map[*errorData]*plainError{}
	errs := func(in []*errorData) []*plainError {
		var out []*plainError
		for _, e := range in {
			out = append(out, plain[e])
		}
		return out
	}
	q := &plainPage{Catalog: p.Catalog, Title: p.Title, Intro: p.Intro, Providers: p.Providers, Sections: p.Sections, Retired: p.Retired}
	for _, e := range p.Errors {
		pe := &plainError{Error: e.Error, Reason: e.Reason, Body: e.Body, Response: e.Response, RetryAfter: e.RetryAfter, GRPCDomain: e.GRPCDomain, Words: e.Words, Original: e.Original}
		for _, d := range e.Details {
			pe.Details = append(pe.Details, plainDetail{Detail: d.Detail, Example: d.Example, words: d.words})
		}
		plain[e] = pe
		q.Errors = append(q.Errors, pe)
	}
	for _, env := range p.Envelopes {
		q.Envelopes = append(q.Envelopes, &plainEnvelope{env.Envelope, errs(env.Errors), plain[env.Sample], env.Example, env.Fields, env.Ordinal, env.CodePath, env.TitlePath})
	}
	for _, g := range p.Groups {
		q.Groups = append(q.Groups, &plainGroup{g.Title, g.Description, errs(g.Errors)})
	}
	for _, s := range p.Statuses {
		q.Statuses = append(q.Statuses, &plainStatusRow{s.Status, s.Reason, errs(s.Errors)})
	}
	q.Layout, q.Fallback, q.RequestIDInBody, q.CodesInCode = p.Layout, plain[p.Fallback], p.RequestIDInBody, p.CodesInCode
	q.Language, q.Languages, q.Words = p.Language, p.Languages, p.Words
	return q
}

// emitPage is the Markdown emitter's stage, Generate, on the page as
// Generate builds it (mirrored) or on the same page without the copies of
// mirror.go.
func emitPage(tb testing.TB, c *catalog.Catalog, mirrored bool) []byte {
	tb.Helper()
	set, err := templateSet(nil)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := newPage(c, DefaultName)
	if err != nil {
		tb.Fatal(err)
	}
	var data any = p
	if !mirrored {
		data = plainPageOf(p)
	}
	page, err := emit(set, p, data, header)
	if err != nil {
		tb.Fatal(err)
	}
	return page
}

// TestMirrorRendersAsPlain: the page renders byte for byte the same with
// and without the copies of mirror.go, and as Generate renders it.
func TestMirrorRendersAsPlain(t *testing.T) {
	cats := []*catalog.Catalog{}
	for _, path := range testCatalogs(t) {
		c, err := catalog.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	c, err := catalog.Parse("synthetic.yaml", catalogtest.Synthetic(60))
	if err != nil {
		t.Fatal(err)
	}
	cats = append(cats, readings(loadLanguages(t))[1:]...)
	for _, c := range append(cats, c) {
		mirrored := emitPage(t, c, true)
		if !bytes.Equal(mirrored, emitPage(t, c, false)) {
			t.Errorf("%s: the plain page renders differently", c.File)
		}
		if !bytes.Equal(mirrored, mustGenerate(t, c, nil)) {
			t.Errorf("%s: Generate renders differently", c.File)
		}
	}
}

// BenchmarkMirror is the Markdown emitter's stage (templates, page, render,
// wrap) on the page as Generate builds it (the shortcut) and on the same
// page without the copies of mirror.go (the plain path); both render every
// part in turn. See benchpair.Run for the figures it reports.
func BenchmarkMirror(b *testing.B) {
	for _, n := range sizes() {
		c := loadSynthetic(b, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			benchpair.Run(b, func() { emitPage(b, c, true) }, func() { emitPage(b, c, false) }, nil)
		})
	}
}
