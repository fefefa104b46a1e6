package interop

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/config"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/examples/generic/genericerrors"
	"github.com/errgen/errgen/examples/onestack/onestackerrors"
	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/examples/stackone/stackoneerrors"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/testdata/languages/bookshoperrors"
	"github.com/errgen/errgen/testdata/presets/custom/customerrors"
	"github.com/errgen/errgen/testdata/presets/flat/flaterrors"
	"github.com/errgen/errgen/testdata/presets/jsonapi/jsonapierrors"
	"github.com/errgen/errgen/testdata/presets/nested/nestederrors"
	"github.com/errgen/errgen/testdata/presets/oauth2/oauth2errors"
	"github.com/errgen/errgen/testdata/presets/problem/problemerrors"
)

// goPackage is a committed generated package: its Write, and its Parse,
// which turns an example body back into the error Write is given.
type goPackage struct {
	write func(http.ResponseWriter, *http.Request, error)
	parse func(status int, body []byte) (error, error)
}

func parsed[E error](e E, err error) (error, error) {
	if err != nil {
		return nil, err
	}
	return e, nil
}

// goPackages are the generated packages, by the names catalogs gives them.
var goPackages = map[string]goPackage{
	"bundled":            {apierrors.Write, func(s int, b []byte) (error, error) { return parsed(apierrors.Parse(s, b)) }},
	"languages":          {bookshoperrors.Write, func(s int, b []byte) (error, error) { return parsed(bookshoperrors.Parse(s, b)) }},
	"preset-custom":      {customerrors.Write, func(s int, b []byte) (error, error) { return parsed(customerrors.Parse(s, b)) }},
	"preset-flat":        {flaterrors.Write, func(s int, b []byte) (error, error) { return parsed(flaterrors.Parse(s, b)) }},
	"preset-jsonapi":     {jsonapierrors.Write, func(s int, b []byte) (error, error) { return parsed(jsonapierrors.Parse(s, b)) }},
	"preset-nested":      {nestederrors.Write, func(s int, b []byte) (error, error) { return parsed(nestederrors.Parse(s, b)) }},
	"preset-oauth2":      {oauth2errors.Write, func(s int, b []byte) (error, error) { return parsed(oauth2errors.Parse(s, b)) }},
	"preset-problem":     {problemerrors.Write, func(s int, b []byte) (error, error) { return parsed(problemerrors.Parse(s, b)) }},
	"example-generic":    {genericerrors.Write, func(s int, b []byte) (error, error) { return parsed(genericerrors.Parse(s, b)) }},
	"example-onestack":   {onestackerrors.Write, func(s int, b []byte) (error, error) { return parsed(onestackerrors.Parse(s, b)) }},
	"example-scopestack": {scopestackerrors.Write, func(s int, b []byte) (error, error) { return parsed(scopestackerrors.Parse(s, b)) }},
	"example-stackone":   {stackoneerrors.Write, func(s int, b []byte) (error, error) { return parsed(stackoneerrors.Parse(s, b)) }},
}

// exchange is one request a server answers with an error: how the request
// differs from a plain GET, and which error it is answered with.
type exchange struct {
	name    string
	method  string
	header  http.Header
	details bool // the error carries its optional details too
}

// exchanges are the requests every error is written for: the headers Write
// reads (the request id, Accept-Language) and HEAD, which gets no body.
func exchanges(c *catalog.Catalog) []exchange {
	list := []exchange{
		{name: "details", method: http.MethodGet, details: true},
		{name: "required details only", method: http.MethodGet},
		{name: "HEAD", method: http.MethodHead, details: true},
	}
	if h := c.RequestID.Header; h != "" {
		list = append(list, exchange{name: "request id", method: http.MethodGet, header: http.Header{h: {"req_interop_1"}}, details: true})
	}
	for _, lang := range c.Languages {
		list = append(list, exchange{name: "Accept-Language " + lang, method: http.MethodGet, header: http.Header{"Accept-Language": {lang + ", en;q=0.5"}}, details: true})
	}
	return list
}

// errorBody is the example body of e, with every detail or with its required
// ones only, which the package's Parse turns into the error to write.
func errorBody(e *catalog.Error, optional bool) ([]byte, error) {
	if optional {
		return example.Body(e)
	}
	bare := *e
	bare.Details = nil
	for _, d := range e.Details {
		if d.Required {
			bare.Details = append(bare.Details, d)
		}
	}
	return example.Body(&bare)
}

// TestLibopenapiValidator writes every error of every catalog through its
// committed generated package, for each exchange, and has
// libopenapi-validator check the response against the OpenAPI errgen
// generates for the catalog (wrapped into GET and HEAD /errors/{code}):
// status, body, and in strict mode every header, which must be declared
// and match its schema.
func TestLibopenapiValidator(t *testing.T) {
	for name, path := range catalogs(t) {
		pkg, ok := goPackages[name]
		if !ok {
			t.Errorf("catalog %s has no generated package in goPackages", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			c, doc := components(t, path)
			v := newValidator(t, withHead(t, wrap(t, c, doc)))
			for _, e := range c.Errors {
				for _, x := range exchanges(c) {
					if problems := validateExchange(v, pkg, e, x); problems != "" {
						t.Errorf("%s (%s):\n%s", e.Code, x.name, problems)
					}
				}
			}
		})
	}
}

// withHead adds to the wrapped spec a HEAD operation with GET's responses.
func withHead(t *testing.T, spec []byte) []byte {
	t.Helper()
	const get = "\n        get:\n"
	if !strings.Contains(string(spec), get) {
		t.Fatalf("the wrapped spec has no GET operation where expected:\n%s", spec)
	}
	var head strings.Builder
	lines := strings.SplitAfter(string(spec), "\n")
	in := false
	for _, l := range lines {
		switch {
		case l == "        get:\n":
			in = true
			head.WriteString("        head:\n")
			continue
		case in && !strings.HasPrefix(l, "            "):
			in = false
		}
		if in {
			head.WriteString(strings.Replace(l, "operationId: getError", "operationId: headError", 1))
		}
	}
	return []byte(strings.Replace(string(spec), get, "\n"+head.String()+"        get:\n", 1))
}

func newValidator(t *testing.T, spec []byte) validator.Validator {
	t.Helper()
	doc, err := libopenapi.NewDocument(spec)
	if err != nil {
		t.Fatal(err)
	}
	// Strict about headers only: every header Write sends but Content-Type
	// (described by the content map) and Content-Length (a HEAD's, the
	// length GET's body would have) must be declared. Bodies are open by
	// design, a status's schema holding every code's details.
	v, errs := validator.NewValidator(doc, config.WithStrictMode(),
		config.WithStrictIgnorePaths("$.body", "$.body.**"),
		config.WithStrictIgnoredHeaders("content-type", "content-length"))
	if len(errs) > 0 {
		t.Fatalf("libopenapi-validator refuses the spec: %v", errs)
	}
	if ok, docErrs := v.ValidateDocument(); !ok {
		t.Fatalf("libopenapi-validator finds the spec invalid: %v", docErrs)
	}
	return v
}

// validateExchange answers x with e through pkg and returns what
// libopenapi-validator finds wrong with the response, or "".
func validateExchange(v validator.Validator, pkg goPackage, e *catalog.Error, x exchange) string {
	body, err := errorBody(e, x.details)
	if err != nil {
		return err.Error()
	}
	goErr, err := pkg.parse(e.Status, body)
	if err != nil {
		return fmt.Sprintf("Parse of %s: %v", body, err)
	}
	req := httptest.NewRequest(x.method, "/errors/"+e.Code, nil)
	for k, vals := range x.header {
		req.Header[k] = vals
	}
	rec := httptest.NewRecorder()
	pkg.write(rec, req, goErr)
	resp := rec.Result()
	if ok, errs := v.ValidateHttpResponse(req, resp); !ok {
		var b strings.Builder
		for _, ve := range errs {
			fmt.Fprintf(&b, "  %s: %s\n", ve.Message, ve.Reason)
			for _, f := range ve.SchemaValidationErrors {
				fmt.Fprintf(&b, "    %s at %s\n", f.Reason, f.KeywordLocation)
			}
		}
		fmt.Fprintf(&b, "  response %d %v %s", rec.Code, rec.Header(), rec.Body.Bytes())
		return b.String()
	}
	return ""
}

// TestLibopenapiValidatorCatches: each mutation of the bundled catalog's
// spec, a header misnamed (a required one missing), undeclared or of the
// wrong type, or the body's code a number, makes a response
// fail, so TestLibopenapiValidator cannot pass by checking nothing.
func TestLibopenapiValidatorCatches(t *testing.T) {
	c, doc := components(t, filepath.Join(root, "catalog.yaml"))
	spec := string(withHead(t, wrap(t, c, doc)))
	pkg := goPackages["bundled"]
	for _, m := range []struct{ name, pattern, replacement string }{
		{"Retry-After misnamed", `(\n\s+)Retry-After:\n`, "${1}Retry-Afterr:\n"},
		{"Vary undeclared", `(\n\s+)Vary:\n(\s+)\$ref`, "${1}X-Vary:\n${2}$$ref"},
		{"Content-Language an integer", `(ContentLanguage:\n\s+description: [^\n]*\n\s+schema:\n\s+type:) string`, "$1 integer"},
		{"request id a number", `(X-Request-Id:\n\s+description: [^\n]*\n\s+schema:\n\s+type:) string`, "$1 number"},
		{"WWW-Authenticate misnamed", `(\n\s+)WWW-Authenticate:\n`, "${1}WWW-Authenticat:\n"},
		{"the body's code a number", `(\n\s+code:\n\s+type:) string`, "$1 number"},
	} {
		t.Run(m.name, func(t *testing.T) {
			mutated := regexp.MustCompile(m.pattern).ReplaceAllString(spec, m.replacement)
			if mutated == spec {
				t.Fatalf("%s matches nothing in the spec", m.pattern)
			}
			v := newValidator(t, []byte(mutated))
			for _, e := range c.Errors {
				for _, x := range exchanges(c) {
					if validateExchange(v, pkg, e, x) != "" {
						return
					}
				}
			}
			t.Error("every response passes the mutated spec")
		})
	}
}

func TestWithHead(t *testing.T) {
	c, doc := components(t, filepath.Join(root, "testdata/presets/flat.yaml"))
	spec := string(withHead(t, wrap(t, c, doc)))
	if strings.Count(spec, "$ref: '#/components/responses/") != 2*strings.Count(string(wrap(t, c, doc)), "$ref: '#/components/responses/") {
		t.Errorf("HEAD does not repeat GET's responses:\n%s", spec)
	}
}
