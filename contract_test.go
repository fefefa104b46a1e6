package errgen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/examples/generic/genericerrors"
	"github.com/errgen/errgen/examples/onestack/onestackerrors"
	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/examples/stackone/stackoneerrors"
	"github.com/errgen/errgen/generated/apierrors"
	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/testdata/presets/custom/customerrors"
	"github.com/errgen/errgen/testdata/presets/flat/flaterrors"
	"github.com/errgen/errgen/testdata/presets/jsonapi/jsonapierrors"
	"github.com/errgen/errgen/testdata/presets/nested/nestederrors"
	"github.com/errgen/errgen/testdata/presets/oauth2/oauth2errors"
	"github.com/errgen/errgen/testdata/presets/problem/problemerrors"
)

// contractPkg is one generated Go package, seen through the API every
// generated package shares.
type contractPkg struct {
	write       func(http.ResponseWriter, *http.Request, error)
	parse       func(status int, body []byte) (error, error)
	definitions func() any // the package's []Definition
}

// parsed turns a package's typed Parse result into a plain error.
func parsed[E error](e E, err error) (error, error) {
	if err != nil {
		return nil, err
	}
	return e, nil
}

// contractPkgs are the generated packages, by test catalog name.
var contractPkgs = map[string]contractPkg{
	"bundled": {apierrors.Write, func(s int, b []byte) (error, error) { return parsed(apierrors.Parse(s, b)) }, func() any { return apierrors.Definitions() }},
	"custom":  {customerrors.Write, func(s int, b []byte) (error, error) { return parsed(customerrors.Parse(s, b)) }, func() any { return customerrors.Definitions() }},
	"flat":    {flaterrors.Write, func(s int, b []byte) (error, error) { return parsed(flaterrors.Parse(s, b)) }, func() any { return flaterrors.Definitions() }},
	"jsonapi": {jsonapierrors.Write, func(s int, b []byte) (error, error) { return parsed(jsonapierrors.Parse(s, b)) }, func() any { return jsonapierrors.Definitions() }},
	"nested":  {nestederrors.Write, func(s int, b []byte) (error, error) { return parsed(nestederrors.Parse(s, b)) }, func() any { return nestederrors.Definitions() }},
	"oauth2":  {oauth2errors.Write, func(s int, b []byte) (error, error) { return parsed(oauth2errors.Parse(s, b)) }, func() any { return oauth2errors.Definitions() }},
	"problem": {problemerrors.Write, func(s int, b []byte) (error, error) { return parsed(problemerrors.Parse(s, b)) }, func() any { return problemerrors.Definitions() }},

	"example-generic":    {genericerrors.Write, func(s int, b []byte) (error, error) { return parsed(genericerrors.Parse(s, b)) }, func() any { return genericerrors.Definitions() }},
	"example-onestack":   {onestackerrors.Write, func(s int, b []byte) (error, error) { return parsed(onestackerrors.Parse(s, b)) }, func() any { return onestackerrors.Definitions() }},
	"example-scopestack": {scopestackerrors.Write, func(s int, b []byte) (error, error) { return parsed(scopestackerrors.Parse(s, b)) }, func() any { return scopestackerrors.Definitions() }},
	"example-stackone":   {stackoneerrors.Write, func(s int, b []byte) (error, error) { return parsed(stackoneerrors.Parse(s, b)) }, func() any { return stackoneerrors.Definitions() }},
}

// contractConstructors build errors with constructors instead of parsing
// their example bodies, by catalog and code; every envelope now carries every
// detail, so Parse restores them all and the list is empty.
var contractConstructors = map[string]map[string]func() error{}

// exampleError builds the error of e with its example details: with a
// constructor where one is listed, else by parsing its example body.
func exampleError(pkg contractPkg, catalogName string, e *catalog.Error, body []byte) (error, error) {
	if build := contractConstructors[catalogName][e.Code]; build != nil {
		return build(), nil
	}
	goErr, err := pkg.parse(e.Status, body)
	if err != nil {
		return nil, err
	}
	for _, h := range e.Headers {
		if !h.Value.Static() && reflect.ValueOf(goErr).MethodByName("Details").Call(nil)[0].IsNil() {
			return nil, errors.New("Parse cannot restore the details its headers need from the body; add it to contractConstructors")
		}
	}
	return goErr, nil
}

// callString calls a method returning a string-kinded value (Code()).
func callString(v any, method string) string {
	m := reflect.ValueOf(v).MethodByName(method)
	if !m.IsValid() {
		return ""
	}
	return m.Call(nil)[0].String()
}

// callWith calls a With… copy method, such as WithRequestID.
func callWith(v error, method, arg string) error {
	return reflect.ValueOf(v).MethodByName(method).Call([]reflect.Value{reflect.ValueOf(arg)})[0].Interface().(error)
}

// responseName is the documented name of a status's response, its reason
// phrase in letters and digits: 429 → TooManyRequests.
func responseName(status int) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, http.StatusText(status))
}

// contractRoute is an operation answering with every error response of the
// document, so that each written response is checked against its status's,
// and its body, besides, against one of the schemas of the status's errors
// (titled by their codes): the open body a status's response has decodes
// any code, and the errors' own schemas must hold too.
func contractRoute(doc *openapi3.T, c *catalog.Catalog) *routers.Route {
	op := openapi3.NewOperation()
	op.Responses = openapi3.NewResponses()
	for _, e := range c.Errors {
		name := responseName(e.Status)
		op.Responses.Set(strconv.Itoa(e.Status), &openapi3.ResponseRef{Ref: "#/components/responses/" + name, Value: withOwnSchemas(doc, c, e.Status, doc.Components.Responses[name].Value)})
	}
	item := &openapi3.PathItem{Get: op}
	return &routers.Route{Spec: doc, Path: "/contract", PathItem: item, Method: http.MethodGet, Operation: op}
}

// withOwnSchemas is a copy of the response r of status whose bodies must
// also be one of the status's errors' own schemas.
func withOwnSchemas(doc *openapi3.T, c *catalog.Catalog, status int, r *openapi3.Response) *openapi3.Response {
	byTitle := map[string]*openapi3.SchemaRef{}
	for name, s := range doc.Components.Schemas {
		if s.Value.Title != "" {
			byTitle[s.Value.Title] = &openapi3.SchemaRef{Ref: "#/components/schemas/" + name, Value: s.Value}
		}
	}
	copied := *r
	copied.Content = openapi3.Content{}
	for mt, media := range r.Content {
		var own openapi3.SchemaRefs
		for _, e := range c.Errors {
			if e.Status == status && e.Envelope.MediaType == mt && byTitle[e.Code] != nil {
				own = append(own, byTitle[e.Code])
			}
		}
		m := *media
		if len(own) > 0 {
			m.Schema = &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{media.Schema, {Value: &openapi3.Schema{OneOf: own}}}}}
		}
		copied.Content[mt] = &m
	}
	return &copied
}

// writeAndValidate writes err through the package and validates the
// recorded response against the route's responses.
func writeAndValidate(pkg contractPkg, route *routers.Route, err error) (*httptest.ResponseRecorder, error) {
	return writeRequestAndValidate(pkg, route, httptest.NewRequest(http.MethodGet, "/contract", nil), err)
}

// writeRequestAndValidate is writeAndValidate answering req.
func writeRequestAndValidate(pkg contractPkg, route *routers.Route, req *http.Request, err error) (*httptest.ResponseRecorder, error) {
	rec := httptest.NewRecorder()
	pkg.write(rec, req, err)
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, Route: route},
		Status:                 rec.Code,
		Header:                 rec.Header(),
		Body:                   io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true},
	}
	return rec, openapi3filter.ValidateResponse(context.Background(), input)
}

// contractDocs are the documents a package is checked against: the one
// errgen generates now and, once the golden test has written it, the
// committed one.
func contractDocs(t *testing.T, tc catalogtest.Catalog) map[string]*openapi3.T {
	t.Helper()
	docs := map[string]*openapi3.T{"generated": loadValidOpenAPI(t, generated(t, tc.C, OutputOpenAPI))}
	if data, err := os.ReadFile(tc.OpenAPI); err == nil {
		docs[tc.OpenAPI] = loadValidOpenAPI(t, data)
	} else {
		t.Logf("%s: %v; checking the generated document only", tc.OpenAPI, err)
	}
	return docs
}

// Every catalog error, written by the generated Go package, is a response
// the generated OpenAPI document accepts: status, headers and body. Each is
// built from its example body with Parse, so it carries its example details;
// it is also written with a request ID, an instance and a custom message,
// which optional envelope members carry.
func TestContract(t *testing.T) {
	for _, tc := range catalogtest.All(t) {
		pkg, ok := contractPkgs[tc.Name]
		if !ok {
			t.Errorf("no generated package registered for catalog %s", tc.Name)
			continue
		}
		t.Run(tc.Name, func(t *testing.T) {
			var defs []string
			d := reflect.ValueOf(pkg.definitions())
			for i := range d.Len() {
				defs = append(defs, d.Index(i).FieldByName("Code").String())
			}
			var codes []string
			for _, e := range tc.C.Errors {
				codes = append(codes, e.Code)
			}
			if !reflect.DeepEqual(defs, codes) {
				t.Fatalf("Go package defines %v, catalog has %v: regenerate", defs, codes)
			}
			for docName, doc := range contractDocs(t, tc) {
				route := contractRoute(doc, tc.C)
				for _, e := range tc.C.Errors {
					body, err := example.Body(e)
					if err != nil {
						t.Fatal(err)
					}
					goErr, err := exampleError(pkg, tc.Name, e, body)
					if err != nil {
						t.Errorf("%s: %v", e.Code, err)
						continue
					}
					if got := callString(goErr, "Code"); got != e.Code {
						t.Errorf("%s: the Go error has code %q", e.Code, got)
					}
					variants := []struct {
						name string
						err  error
					}{
						{"example", goErr},
						{"request id", callWith(goErr, "WithRequestID", "req_8f2a")},
						{"instance", callWith(goErr, "WithInstance", "/orders/ord_1/attempts/2")},
						{"message", callWith(goErr, "WithMessage", "Something specific <& \"quoted\"> went wrong")},
					}
					for _, v := range variants {
						rec, err := writeAndValidate(pkg, route, v.err)
						if err != nil {
							t.Errorf("%s (%s) against %s: %v\nresponse %d %v %s", e.Code, v.name, docName, err, rec.Code, rec.Header(), rec.Body.Bytes())
						}
						// Write gives the request an id where the envelope has
						// a place for it; MarshalJSON writes the body Write
						// sends for a request without headers.
						if got, _ := json.Marshal(v.err); v.name == "example" && !bytes.Equal(got, body) {
							t.Errorf("%s: the parsed example writes\n%s\nwant the example\n%s", e.Code, got, body)
						}
					}
				}
				// a non-catalog error is answered as the fallback
				rec, err := writeAndValidate(pkg, route, errors.New("database is on fire"))
				if err != nil {
					t.Errorf("non-catalog error against %s: %v\nresponse %d %s", docName, err, rec.Code, rec.Body.Bytes())
				}
				if rec.Code != tc.C.Fallback.Status || bytes.Contains(rec.Body.Bytes(), []byte("fire")) {
					t.Errorf("non-catalog error written as %d %s", rec.Code, rec.Body.Bytes())
				}
			}
		})
	}
}

// The contract test must catch a schema that disagrees with the Go output:
// each mutation of the generated document makes a known response fail.
func TestContractCatchesMismatch(t *testing.T) {
	tcs := map[string]catalogtest.Catalog{}
	for _, tc := range catalogtest.All(t) {
		tcs[tc.Name] = tc
	}
	schema := func(doc *openapi3.T, name string) *openapi3.Schema { return doc.Components.Schemas[name].Value }
	tests := []struct {
		name    string
		catalog string
		code    string
		mutate  func(doc *openapi3.T)
	}{
		{"detail type", "bundled", "NOT_FOUND", func(doc *openapi3.T) {
			schema(doc, "NotFoundDetails").Properties["resourceType"].Value.Type = &openapi3.Types{"integer"}
		}},
		{"required detail", "bundled", "CONFLICT", func(doc *openapi3.T) {
			s := schema(doc, "ConflictDetails")
			s.Required = append(s.Required, "mergeBase")
		}},
		{"required envelope member", "flat", "TASK_NOT_FOUND", func(doc *openapi3.T) {
			s := schema(doc, "TaskNotFoundError")
			s.Required = append(s.Required, "details")
		}},
		{"envelope member type", "problem", "ORDER_NOT_FOUND", func(doc *openapi3.T) {
			schema(doc, "OrderNotFoundError").Properties["status"].Value.Type = &openapi3.Types{"string"}
		}},
		{"nested envelope member", "jsonapi", "FORBIDDEN", func(doc *openapi3.T) {
			schema(doc, "ForbiddenError").Properties["errors"].Value.Items.Value.Properties["title"].Value.Type = &openapi3.Types{"boolean"}
		}},
		{"code member type", "oauth2", "invalid_grant", func(doc *openapi3.T) {
			schema(doc, "InvalidGrantError").Properties["error"].Value.Type = &openapi3.Types{"integer"}
		}},
		{"pinned code", "bundled", "INVALID_JSON", func(doc *openapi3.T) {
			schema(doc, "InvalidJSONError").Properties["code"].Value.Enum = []any{"INVALID_JSONS"}
		}},
		{"literal member", "custom", "charge.not_found", func(doc *openapi3.T) {
			schema(doc, "ChargeNotFoundError").Properties["ok"].Value.Enum = []any{true}
		}},
		{"header type", "nested", "rate_limited", func(doc *openapi3.T) {
			doc.Components.Responses["TooManyRequests"].Value.Headers["Retry-After"].Value.Schema.Value.Type = &openapi3.Types{"boolean"}
		}},
		{"media type", "problem", "UNAUTHENTICATED", func(doc *openapi3.T) {
			content := doc.Components.Responses["Unauthorized"].Value.Content
			content["application/json"] = content["application/problem+json"]
			delete(content, "application/problem+json")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tc := tcs[tt.catalog]
			pkg := contractPkgs[tt.catalog]
			e := findError(tc.C, tt.code)
			if e == nil {
				t.Fatalf("no %s in %s", tt.code, tt.catalog)
			}
			body, err := example.Body(e)
			if err != nil {
				t.Fatal(err)
			}
			goErr, err := exampleError(pkg, tt.catalog, e, body)
			if err != nil {
				t.Fatal(err)
			}
			data := generated(t, tc.C, OutputOpenAPI)
			if _, err := writeAndValidate(pkg, contractRoute(loadValidOpenAPI(t, data), tc.C), goErr); err != nil {
				t.Fatalf("fails before the mutation: %v", err)
			}
			doc := loadValidOpenAPI(t, data)
			tt.mutate(doc)
			if _, err := writeAndValidate(pkg, contractRoute(doc, tc.C), goErr); err == nil {
				t.Errorf("%s still validates after mutating the %s", tt.code, tt.name)
			}
		})
	}
}

// TestContractRequestID: in catalogs that set request_id, every error written
// for a request that carries an id sends it back in the header the OpenAPI
// documents, and writes it where the envelope holds $request_id.
func TestContractRequestID(t *testing.T) {
	tested := 0
	for _, tc := range catalogtest.All(t) {
		name := tc.C.RequestID.Header
		if name == "" {
			continue
		}
		tested++
		pkg := contractPkgs[tc.Name]
		doc := loadValidOpenAPI(t, generated(t, tc.C, OutputOpenAPI))
		route := contractRoute(doc, tc.C)
		for _, e := range tc.C.Errors {
			t.Run(tc.Name+"/"+e.Code, func(t *testing.T) {
				body, err := example.Body(e)
				if err != nil {
					t.Fatal(err)
				}
				goErr, err := exampleError(pkg, tc.Name, e, body)
				if err != nil {
					t.Fatal(err)
				}
				req := httptest.NewRequest(http.MethodGet, "/contract", nil)
				req.Header.Set(name, "req_contract_1")
				rec, err := writeRequestAndValidate(pkg, route, req, goErr)
				if err != nil {
					t.Fatalf("response does not match the OpenAPI: %v", err)
				}
				if got := rec.Header().Get(name); got != "req_contract_1" {
					t.Errorf("%s = %q, want the request's id", name, got)
				}
				if e.Envelope.Has(catalog.RefRequestID) && !bytes.Contains(rec.Body.Bytes(), []byte(`"req_contract_1"`)) {
					t.Errorf("body lacks the request id: %s", rec.Body.Bytes())
				}
			})
		}
	}
	if tested < 3 {
		t.Errorf("%d catalogs set request_id; the bundled, onestack and generic ones should", tested)
	}
}

// TestContractSentinels: the sentinel of an error with required details is
// sent with its own status and code, what it lacks left out (its required
// details, the headers they fill), and the reporter told of the breach.
// Such bodies lack what the OpenAPI requires, so are exempt from its
// validation: generated clients need only decode bodies built by
// constructors, which TestContract covers.
func TestContractSentinels(t *testing.T) {
	var reports []apierrors.Report
	apierrors.Configure(apierrors.Config{Reporter: func(r apierrors.Report) { reports = append(reports, r) }})
	defer apierrors.Configure(apierrors.Config{})
	for _, tt := range []struct {
		err    error
		status int
		code   string
	}{
		{apierrors.ErrRateLimitExceeded, 429, "RATE_LIMIT_EXCEEDED"},
		{apierrors.ErrNotFound, 404, "NOT_FOUND"},
		{fmt.Errorf("wrapped: %w", apierrors.ErrValidationError), 400, "VALIDATION_ERROR"},
	} {
		reports = nil
		rec := httptest.NewRecorder()
		apierrors.Write(rec, httptest.NewRequest(http.MethodGet, "/contract", nil), tt.err)
		e, err := apierrors.Parse(rec.Code, rec.Body.Bytes())
		if rec.Code != tt.status || err != nil || string(e.Code()) != tt.code || rec.Header().Get("Retry-After") != "" {
			t.Errorf("%v: %d %v %s, want %d %s without details", tt.err, rec.Code, rec.Header(), rec.Body, tt.status, tt.code)
		}
		if len(reports) != 1 || reports[0].Sent == nil || string(reports[0].Sent.Code()) != tt.code || !strings.Contains(reports[0].Problem, "required details missing") {
			t.Errorf("%v: reported %v, want the breach", tt.err, reports)
		}
	}
	if !errors.Is(apierrors.NewNotFound("ticket", "t_1"), apierrors.ErrNotFound) {
		t.Error("the sentinel no longer matches")
	}
}
