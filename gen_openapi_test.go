package errgen

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
)

// testCatalog is a catalog errgen ships outputs for: the bundled one, each
// preset and each example of a seed system.
type testCatalog struct {
	name    string // "bundled" or the preset's name
	path    string // the catalog file
	openapi string // its committed OpenAPI document
	c       *catalog.Catalog
}

func testCatalogs(t *testing.T) []testCatalog {
	t.Helper()
	list := []testCatalog{{name: "bundled", path: "catalog.yaml", openapi: "generated/openapi.yaml"}}
	presets, err := filepath.Glob("testdata/presets/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range presets {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		list = append(list, testCatalog{name: name, path: p, openapi: filepath.Join("testdata/presets", name, "openapi.yaml")})
	}
	examples, err := filepath.Glob("examples/*/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range examples {
		dir := filepath.Dir(p)
		list = append(list, testCatalog{name: "example-" + filepath.Base(dir), path: p, openapi: filepath.Join(dir, "openapi.yaml")})
	}
	for i := range list {
		c, err := catalog.Load(list[i].path)
		if err != nil {
			t.Fatalf("%s: %v", list[i].path, err)
		}
		list[i].c = c
	}
	return list
}

// loadValidOpenAPI loads a document with kin-openapi and validates it.
func loadValidOpenAPI(t *testing.T, data []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("kin-openapi cannot load the document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("kin-openapi rejects the document: %v", err)
	}
	return doc
}

func emitOpenAPIVersion(t *testing.T, c *catalog.Catalog, version string) []byte {
	t.Helper()
	saved := c.OpenAPI.Version
	defer func() { c.OpenAPI.Version = saved }()
	c.OpenAPI.Version = version
	data, err := emitOpenAPI(c, Options{})
	if err != nil {
		t.Fatalf("emitOpenAPI: %v", err)
	}
	return data
}

func yamlPath(t *testing.T, n *yaml.Node, keys ...string) *yaml.Node {
	t.Helper()
	if n.Kind == yaml.DocumentNode {
		n = n.Content[0]
	}
	for _, k := range keys {
		n = oaGet(n, k)
		if n == nil {
			t.Fatalf("no %s in the document", strings.Join(keys, "."))
		}
	}
	return n
}

// Every catalog's document loads and validates, in both OpenAPI versions
// errgen writes, and the same catalog always gives the same bytes.
func TestOpenAPIValidates(t *testing.T) {
	versions := map[string]bool{}
	for _, tc := range testCatalogs(t) {
		versions[tc.c.OpenAPI.Version] = true
		for _, version := range []string{"3.0.3", "3.1.0"} {
			t.Run(tc.name+"/"+version, func(t *testing.T) {
				data := emitOpenAPIVersion(t, tc.c, version)
				if !bytes.HasPrefix(data, []byte("# "+Header+"\n")) {
					t.Errorf("document does not start with the generated-code marker: %q", data[:min(len(data), 60)])
				}
				doc := loadValidOpenAPI(t, data)
				if doc.OpenAPI != version {
					t.Errorf("openapi = %q, want %q", doc.OpenAPI, version)
				}
				if want := tc.c.API + " errors"; doc.Info.Title != want {
					t.Errorf("info.title = %q, want %q", doc.Info.Title, want)
				}
				if doc.Paths.Len() != 0 {
					t.Errorf("paths has %d entries, want none", doc.Paths.Len())
				}
				if again := emitOpenAPIVersion(t, tc.c, version); !bytes.Equal(data, again) {
					t.Error("two runs give different documents")
				}
			})
		}
	}
	for _, v := range []string{"3.0.3", "3.1.0"} {
		if !versions[v] {
			t.Errorf("no test catalog asks for OpenAPI %s", v)
		}
	}
}

// Every error has exactly one example, in its status's response under its
// envelope's media type, and the example is the body the Go code writes:
// the same bytes once written as compact JSON, members in the same order.
func TestOpenAPIExamplesAreBodies(t *testing.T) {
	for _, tc := range testCatalogs(t) {
		t.Run(tc.name, func(t *testing.T) {
			data := emitOpenAPIVersion(t, tc.c, tc.c.OpenAPI.Version)
			doc := loadValidOpenAPI(t, data)
			var tree yaml.Node
			if err := yaml.Unmarshal(data, &tree); err != nil {
				t.Fatal(err)
			}
			seen := 0
			for _, e := range tc.c.Errors {
				want, err := example.Body(e)
				if err != nil {
					t.Fatal(err)
				}
				name := responseName(e.Status)
				node := yamlPath(t, &tree, "components", "responses", name, "content", e.Format.MediaType, "examples", e.Code, "value")
				var got bytes.Buffer
				if err := writeJSONNode(&got, node, "", 0, true); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("%s: example\n got %s\nwant %s", e.Code, got.Bytes(), want)
				}
				// and kin-openapi reads the same value
				resp := doc.Components.Responses[name]
				ex := resp.Value.Content.Get(e.Format.MediaType).Examples[e.Code]
				if ex == nil || ex.Value == nil {
					t.Fatalf("%s: kin-openapi finds no example %s in %s", e.Code, e.Code, name)
				}
				var wantValue any
				_ = json.Unmarshal(want, &wantValue)
				gotJSON, _ := json.Marshal(ex.Value.Value)
				var gotValue any
				_ = json.Unmarshal(gotJSON, &gotValue)
				if !reflect.DeepEqual(gotValue, wantValue) {
					t.Errorf("%s: kin-openapi reads the example as %s, want %s", e.Code, gotJSON, want)
				}
				seen++
			}
			total := 0
			for name, resp := range doc.Components.Responses {
				if name == defaultResponseName {
					continue
				}
				for _, media := range resp.Value.Content {
					total += len(media.Examples)
				}
			}
			if total != seen {
				t.Errorf("responses hold %d examples, want one per error (%d)", total, seen)
			}
		})
	}
}

// Each example matches its own error's shape and no other's, so that a
// oneOf response tells the errors of one status apart.
func TestOpenAPIShapesTellErrorsApart(t *testing.T) {
	for _, tc := range testCatalogs(t) {
		for _, version := range []string{"3.0.3", "3.1.0"} {
			t.Run(tc.name+"/"+version, func(t *testing.T) {
				doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, tc.c, version))
				var opts []openapi3.SchemaValidationOption
				if doc.IsOpenAPI31OrLater() {
					opts = append(opts, openapi3.EnableJSONSchema2020())
				}
				for name, resp := range doc.Components.Responses {
					for mt, media := range resp.Value.Content {
						shapes := media.Schema.Value.OneOf
						if shapes == nil {
							shapes = openapi3.SchemaRefs{media.Schema}
						}
						for code, ex := range media.Examples {
							matches := 0
							for _, s := range shapes {
								if s.Value.VisitJSON(ex.Value.Value, opts...) == nil {
									matches++
									if s.Value.Title != code {
										t.Errorf("%s %s: example %s matches the shape of %s", name, mt, code, s.Value.Title)
									}
								}
							}
							if matches != 1 {
								t.Errorf("%s %s: example %s matches %d shapes, want 1", name, mt, code, matches)
							}
						}
					}
				}
			})
		}
	}
}

// ErrorCode lists every code in catalog order; each error with details has
// its <Name>Details schema with the details in catalog order.
func TestOpenAPISchemas(t *testing.T) {
	for _, tc := range testCatalogs(t) {
		t.Run(tc.name, func(t *testing.T) {
			data := emitOpenAPIVersion(t, tc.c, tc.c.OpenAPI.Version)
			doc := loadValidOpenAPI(t, data)
			var codes []any
			for _, e := range tc.c.Errors {
				codes = append(codes, e.Code)
			}
			if got := doc.Components.Schemas["ErrorCode"].Value.Enum; !reflect.DeepEqual(got, codes) {
				t.Errorf("ErrorCode enum = %v, want %v", got, codes)
			}
			if doc.Components.Schemas["Error"] == nil {
				t.Error("no Error envelope schema")
			}
			var tree yaml.Node
			if err := yaml.Unmarshal(data, &tree); err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.c.Errors {
				s := doc.Components.Schemas[detailsSchemaName(e)]
				if len(e.Details) == 0 {
					if s != nil {
						t.Errorf("%s has no details but a %s schema", e.Code, detailsSchemaName(e))
					}
					continue
				}
				if s == nil {
					t.Errorf("%s: no %s schema", e.Code, detailsSchemaName(e))
					continue
				}
				props := yamlPath(t, &tree, "components", "schemas", detailsSchemaName(e), "properties")
				var got, want, required []string
				for i := 0; i < len(props.Content); i += 2 {
					got = append(got, props.Content[i].Value)
				}
				for _, d := range e.Details {
					want = append(want, d.Name)
					if d.Required {
						required = append(required, d.Name)
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s properties = %v, want %v", detailsSchemaName(e), got, want)
				}
				if !slices.Equal(s.Value.Required, required) {
					t.Errorf("%s required = %v, want %v", detailsSchemaName(e), s.Value.Required, required)
				}
			}
		})
	}
}

// The schema type of each detail type, in both dialects.
func TestOpenAPIDetailTypes(t *testing.T) {
	tests := []struct {
		typ      catalog.DetailType
		nullable bool
		v30, v31 string // the schema as compact JSON
	}{
		{catalog.TypeString, false, `{"type":"string"}`, `{"type":"string"}`},
		{catalog.TypeInteger, false, `{"type":"integer"}`, `{"type":"integer"}`},
		{catalog.TypeNumber, false, `{"type":"number"}`, `{"type":"number"}`},
		{catalog.TypeBoolean, false, `{"type":"boolean"}`, `{"type":"boolean"}`},
		{catalog.TypeStrings, false, `{"type":"array","items":{"type":"string"}}`, `{"type":"array","items":{"type":"string"}}`},
		{catalog.TypeStringMap, false, `{"type":"object","additionalProperties":{"type":"string"}}`, `{"type":"object","additionalProperties":{"type":"string"}}`},
		{catalog.TypeObject, false, `{"type":"object"}`, `{"type":"object"}`},
		{catalog.TypeStrings, true, `{"type":"array","nullable":true,"items":{"type":"string"}}`, `{"type":["array","null"],"items":{"type":"string"}}`},
		{catalog.TypeObject, true, `{"type":"object","nullable":true}`, `{"type":["object","null"]}`},
	}
	for _, tt := range tests {
		for _, v31 := range []bool{false, true} {
			g := &openAPIGen{v31: v31}
			var b bytes.Buffer
			if err := writeJSONNode(&b, g.typeSchema(tt.typ, tt.nullable), "", 0, false); err != nil {
				t.Fatal(err)
			}
			want := tt.v30
			if v31 {
				want = tt.v31
			}
			if b.String() != want {
				t.Errorf("%s nullable=%v 3.1=%v: %s, want %s", tt.typ, tt.nullable, v31, b.String(), want)
			}
		}
	}
}

// Headers: Retry-After is an integer when it is one integer detail, and a
// 401 announces its challenge in WWW-Authenticate.
func TestOpenAPIHeaders(t *testing.T) {
	for _, tc := range testCatalogs(t) {
		t.Run(tc.name, func(t *testing.T) {
			doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, tc.c, tc.c.OpenAPI.Version))
			for _, e := range tc.c.Errors {
				resp := doc.Components.Responses[responseName(e.Status)].Value
				for _, h := range e.Headers {
					hd := resp.Headers[h.Name]
					if hd == nil {
						t.Errorf("%s: response %s lacks header %s", e.Code, responseName(e.Status), h.Name)
						continue
					}
					want := "string"
					if d := singleDetail(e, h.Value); d != nil && d.Type == catalog.TypeInteger {
						want = "integer"
					}
					if !hd.Value.Schema.Value.Type.Is(want) {
						t.Errorf("%s: header %s type %v, want %s", e.Code, h.Name, hd.Value.Schema.Value.Type, want)
					}
					if hd.Value.Description == "" {
						t.Errorf("%s: header %s has no description", e.Code, h.Name)
					}
				}
				if e.Challenge != "" {
					hd := resp.Headers["WWW-Authenticate"]
					if hd == nil {
						t.Errorf("%s: 401 response lacks WWW-Authenticate", e.Code)
						continue
					}
					if !hd.Value.Required || hd.Value.Description == "" || !hd.Value.Schema.Value.Type.Is("string") {
						t.Errorf("%s: WWW-Authenticate = %+v, want a required, described string", e.Code, hd.Value)
					}
				}
			}
		})
	}
	// the bundled catalog's 429 and 401, spelled out
	c, err := catalog.Load("catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, c, c.OpenAPI.Version))
	ra := doc.Components.Responses["TooManyRequests"].Value.Headers["Retry-After"].Value
	if !ra.Schema.Value.Type.Is("integer") || !ra.Required {
		t.Errorf("TooManyRequests Retry-After = %+v, want a required integer", ra)
	}
	wa := doc.Components.Responses["Unauthorized"].Value.Headers["WWW-Authenticate"].Value
	if wa.Example != "Bearer" {
		t.Errorf("Unauthorized WWW-Authenticate example = %v, want Bearer", wa.Example)
	}
}

// Descriptions carry the error's description and its docs link.
func TestOpenAPIDescriptions(t *testing.T) {
	c, err := catalog.Load("catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, c, c.OpenAPI.Version))
	for _, e := range c.Errors {
		resp := doc.Components.Responses[responseName(e.Status)].Value
		desc := *resp.Description
		if ex := resp.Content.Get(e.Format.MediaType).Examples[e.Code].Value; ex.Description != "" {
			desc = ex.Description
		}
		if e.DocsLink == "" || !strings.Contains(desc, e.DocsLink) {
			t.Errorf("%s: description %q lacks the docs link %q", e.Code, desc, e.DocsLink)
		}
		if !strings.Contains(desc, strings.Fields(e.Description)[0]) {
			t.Errorf("%s: description %q lacks the error's description", e.Code, desc)
		}
	}
}

// openapi.default_response adds a Default response: any envelope, the
// fallback error as its example.
func TestOpenAPIDefaultResponse(t *testing.T) {
	for _, tc := range testCatalogs(t) {
		t.Run(tc.name, func(t *testing.T) {
			tc.c.OpenAPI.DefaultResponse = true
			defer func() { tc.c.OpenAPI.DefaultResponse = false }()
			doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, tc.c, tc.c.OpenAPI.Version))
			resp := doc.Components.Responses[defaultResponseName]
			if resp == nil {
				t.Fatal("no Default response")
			}
			fb := tc.c.Fallback
			ex := resp.Value.Content.Get(fb.Format.MediaType).Examples[fb.Code]
			if ex == nil {
				t.Fatalf("Default response has no %s example", fb.Code)
			}
			want, _ := example.Body(fb)
			got, _ := json.Marshal(ex.Value.Value)
			if !jsonEqual(got, want) {
				t.Errorf("Default example = %s, want %s", got, want)
			}
		})
	}
}

func TestResponseName(t *testing.T) {
	for status, want := range map[int]string{
		400: "BadRequest", 401: "Unauthorized", 412: "PreconditionFailed", 418: "Imateapot",
		429: "TooManyRequests", 500: "InternalServerError", 504: "GatewayTimeout", 599: "Status599",
	} {
		if got := responseName(status); got != want {
			t.Errorf("responseName(%d) = %q, want %q", status, got, want)
		}
	}
}

// JSON goes to YAML nodes and back unchanged: order, numbers, escapes.
func TestJSONNodeRoundTrip(t *testing.T) {
	for _, in := range []string{
		`{"b":1,"a":[1.5,-2,3e+21,true,false,null],"c":{"z":"\u003ctag\u003e \"q\" é","y":{}},"d":[]}`,
		`"404"`, `0`, `[{"x":"line\nbreak"}]`,
	} {
		n, err := jsonToYAMLNode([]byte(in))
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		var b bytes.Buffer
		if err := writeJSONNode(&b, n, "", 0, true); err != nil {
			t.Fatal(err)
		}
		if b.String() != in {
			t.Errorf("round trip of %s gave %s", in, b.String())
		}
		// and through YAML text, as the document is written and read back
		out, err := encodeYAML(n, 2)
		if err != nil {
			t.Fatal(err)
		}
		var back yaml.Node
		if err := yaml.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := writeJSONNode(&b, &back, "", 0, true); err != nil {
			t.Fatal(err)
		}
		if b.String() != in {
			t.Errorf("round trip of %s through YAML gave %s", in, b.String())
		}
	}
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

// edgeCatalog uses what the presets do not: an envelope without $code (told
// apart by title), literals of every kind, a non-optional $details.NAME some
// errors lack, $meta, $status_text, $docs_url, $category, a nested spread,
// a per-error envelope sharing the default's media type, and list, map and
// object details without examples.
const edgeCatalog = `version: 1
api: Edge API
docs_url: https://docs.edge.example/errors
format:
  media_type: application/vnd.edge+json
  body:
    kind: error
    version: 2
    ratio: 0.5
    ok: false
    nothing: null
    fault:
      title: $title
      status: $status_text
      field: $details.field
      kind: $meta.kind?
      see: $docs_url?
      group: $category
      extra:
        "...": $details
errors:
  - code: FIELD_MISSING
    status: 400
    title: Field missing
    category: Input
    meta: {kind: input}
    details:
      - {name: field, type: string, required: true, example: email}
      - {name: hints, type: "string[]", required: true}
  - code: FIELD_WRONG
    status: 400
    title: Field wrong
    details:
      - {name: field, type: string, required: false, example: age}
      - {name: limits, type: "map[string]string", required: false, example: {min: "1", max: "9"}}
      - {name: raw, type: object, required: true}
  - code: BUSY
    status: 503
    title: Busy
    format: oauth2
    retryable: true
    fallback: true
  - code: GONE
    status: 410
    title: Gone
    format:
      media_type: application/vnd.edge+json
      body: {gone: true, code: $code}
`

func TestOpenAPIEdgeEnvelopes(t *testing.T) {
	c, err := catalog.Parse("edge.yaml", []byte(edgeCatalog))
	if err != nil {
		t.Fatal(err)
	}
	c.OpenAPI.DefaultResponse = true
	for _, version := range []string{"3.0.3", "3.1.0"} {
		t.Run(version, func(t *testing.T) {
			data := emitOpenAPIVersion(t, c, version)
			doc := loadValidOpenAPI(t, data) // examples included
			var opts []openapi3.SchemaValidationOption
			if doc.IsOpenAPI31OrLater() {
				opts = append(opts, openapi3.EnableJSONSchema2020())
			}
			for _, e := range c.Errors {
				body, err := example.Body(e)
				if err != nil {
					t.Fatal(err)
				}
				var value any
				if err := json.Unmarshal(body, &value); err != nil {
					t.Fatal(err)
				}
				media := doc.Components.Responses[responseName(e.Status)].Value.Content.Get(e.Format.MediaType)
				if err := media.Schema.Value.VisitJSON(value, opts...); err != nil {
					t.Errorf("%s: body %s does not match: %v", e.Code, body, err)
				}
				if media.Examples[e.Code] == nil {
					t.Errorf("%s: no example", e.Code)
				}
			}
			for _, name := range []string{"Error", "OAuth2Error", "Custom2Error", "ErrorCode", "FieldMissingDetails", "FieldWrongDetails"} {
				if doc.Components.Schemas[name] == nil {
					t.Errorf("no schema %s", name)
				}
			}
			// FIELD_MISSING and FIELD_WRONG share the status and have no
			// $code: their titles must tell them apart.
			bad := map[string]any{"kind": "error", "version": 2, "ratio": 0.5, "ok": false, "nothing": nil,
				"fault": map[string]any{"title": "Field wrong", "status": "400", "field": "email", "group": "Input", "extra": map[string]any{"field": "email", "hints": []any{}}}}
			shapes := doc.Components.Responses["BadRequest"].Value.Content.Get("application/vnd.edge+json").Schema.Value.OneOf
			for _, s := range shapes {
				if s.Value.Title == "FIELD_MISSING" && s.Value.VisitJSON(bad, opts...) == nil {
					t.Error("a FIELD_WRONG title matches the FIELD_MISSING shape")
				}
			}
			if doc.Components.Responses["ServiceUnavailable"].Value.Content.Get("application/json") == nil {
				t.Error("BUSY, written in oauth2, is not under application/json")
			}
			def := doc.Components.Responses[defaultResponseName].Value
			if len(def.Content) != 2 || def.Content.Get("application/vnd.edge+json").Schema.Value.OneOf == nil {
				t.Errorf("Default response content = %v, want two media types, the edge one a oneOf of two envelopes", def.Content)
			}
		})
	}
}
