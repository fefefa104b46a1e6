package errgen

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// schemaLoaderBase is a valid catalog touching most keys; each case of
// TestSchemaAgreesWithLoader changes one line of it.
const schemaLoaderBase = `version: 1
api: Shop API
format: problem
type_base: https://errors.example.com/
docs_url: https://docs.example.com/errors
request_id: {header: X-Request-Id}
go: {package: apierrors}
openapi: {version: 3.1.0, attach: [INTERNAL], prefix: Shop}
docs:
  title: Errors
  sections:
    - {title: Handling, body: text}
  providers:
    - {name: Lever, issues: [{error: Too many requests, cause: Rate, fix: Retry}]}
errors:
  - code: NOT_FOUND
    status: 404
    message: "{resourceType} not found"
    details:
      - {name: resourceType, type: string, required: true, example: ticket}
      - {name: count, type: integer, example: 3}
  - code: SLOW
    status: 429
    headers: {Retry-After: "{retryAfter}"}
    details:
      - {name: retryAfter, type: integer, required: true}
  - {code: UNAUTH, status: 401, challenge: Bearer}
  - {code: INTERNAL, status: 500, fallback: true}
`

// The schema an editor checks a catalog with and the loader agree on what
// is a valid catalog: where the loader takes "" for an optional setting's
// default, the schema takes it too, and what the schema can say of a bad
// value, it says. Where only the loader can judge (a cross-reference, a
// canonical language tag), the case names why.
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		old, new string
		valid    bool
		beyond   string // why the schema accepts a catalog the loader refuses
	}{
		// "" is the setting's default, for the loader and the schema alike.
		{"format: problem", `format: ""`, true, ""},
		{"prefix: Shop", `prefix: ""`, true, ""},
		{"type_base: https://errors.example.com/", `type_base: ""`, true, ""},
		{"docs_url: https://docs.example.com/errors", `docs_url: ""`, true, ""},
		{"package: apierrors", `package: ""`, true, ""},
		{"version: 1\n", "version: 1\nlanguage: \"\"\n", true, ""},
		{"status: 404\n", "status: 404\n    format: \"\"\n", true, ""},
		{"status: 404\n", "status: 404\n    challenge: \"\"\n", true, ""},
		{"status: 404\n", "status: 404\n    title: \"\"\n", true, ""},
		// An empty item of a list is no item: both refuse it.
		{"version: 1\n", "version: 1\nlanguages: [de, \"\"]\n", false, ""},
		{"version: 1\n", "version: 1\ninclude: [\"\"]\n", false, ""},
		// A challenge starts with its auth scheme.
		{"challenge: Bearer", `challenge: " "`, false, ""},
		{"challenge: Bearer", `challenge: 'realm="api"'`, false, ""},
		{"challenge: Bearer", `challenge: 'Bearer realm="api"'`, true, ""},
		{"challenge: Bearer", `challenge: "Basic, Bearer"`, true, ""},
		{"challenge: Bearer", `challenge: ""`, false, ""},
		// Header names in any case.
		{`Retry-After: "{retryAfter}"`, "retry-after: soon", false, ""},
		{`Retry-After: "{retryAfter}"`, `retry-after: "{retryAfter}"`, true, ""},
		{`Retry-After: "{retryAfter}"`, "CONTENT-TYPE: text/plain", false, ""},
		{`Retry-After: "{retryAfter}"`, "www-Authenticate: Bearer", false, ""},
		{"header: X-Request-Id", "header: Content-type", false, ""},
		{"header: X-Request-Id", "header: Vary", false, ""},
		{"version: 1\n", "version: 1\nlanguages: [de]\n", true, ""},
		{`Retry-After: "{retryAfter}"`, "Content-Language: fr", true, ""},
		// Details: fields only on objects, grpc: bad_request only on object[] with fields.
		{"{name: count, type: integer, example: 3}", "{name: count, type: string, fields: [{name: a, type: string}]}", false, ""},
		{"{name: count, type: integer, example: 3}", "{name: count, type: object, fields: [{name: a, type: string}]}", true, ""},
		{"{name: count, type: integer, example: 3}", "{name: count, type: integer, grpc: bad_request}", false, ""},
		{"{name: count, type: integer, example: 3}", "{name: count, type: object[], grpc: bad_request}", false, ""},
		// Required texts are not empty.
		{"{title: Handling, body: text}", `{title: "", body: text}`, false, ""},
		{"{name: Lever,", `{name: "",`, false, ""},
		{"{title: Handling, body: text}", `{title: "  ", body: text}`, false, ""},
		{"status: 404\n", "status: 404\n    deprecated: \" \"\n", false, ""},
		// A Go output go build would leave out.
		{"go: {package: apierrors}", "go: {package: apierrors, out: gen/errors.go}", true, ""},
		{"go: {package: apierrors}", "go: {package: apierrors, out: gen/errors_test.go}", false, ""},
		{"go: {package: apierrors}", "go: {package: apierrors, out: gen/_errors.go}", false, ""},
		{"go: {package: apierrors}", "go: {package: apierrors, out: .errors.go}", false, ""},
		{"go: {package: apierrors}", "go: {package: apierrors, out: gen/errors_windows.go}", false, ""},
		{"go: {package: apierrors}", "go: {package: apierrors, out: gen/errors_linux_arm64.go}", false, ""},
		{"go: {package: apierrors}", "go: {package: apierrors, out: gen/errors_gen.go}", true, ""},
		// What only the loader can judge.
		{"version: 1\n", "version: 1\nlanguage: en-us\n", false, "canonical BCP 47 form is a registry lookup"},
		{"version: 1\n", "version: 1\nlanguage: xx\n", false, "whether a subtag is registered is a registry lookup"},
		{"attach: [INTERNAL]", "attach: [NOPE]", false, "attach names a code declared elsewhere: a cross-reference"},
		{"format: problem", "format: Problem", false, "a format name may be a custom envelope another error defines"},
		{`Retry-After: "{retryAfter}"`, "X-Request-Id: abc", false, "the request id header is named in request_id: a cross-reference"},
		{"status: 404\n", "status: 404\n    grpc: INTERNAL\n", false, "the gRPC code must agree with the status: a relation the schema does not model"},
		{"- {name: count, type: integer, example: 3}", "- {name: count, type: string, enum: [a, a]}", false, "enum values are strings or objects; uniqueness of the value across both forms is beyond uniqueItems"},
	}
	for _, tt := range tests {
		if !strings.Contains(schemaLoaderBase, tt.old) {
			t.Fatalf("the base catalog has no %q", tt.old)
		}
		doc := strings.Replace(schemaLoaderBase, tt.old, tt.new, 1)
		_, loadErr := catalog.Parse("catalog.yaml", []byte(doc), Check)
		if got := loadErr == nil; got != tt.valid {
			t.Errorf("%s: the loader says valid=%v, want %v (%v)", tt.new, got, tt.valid, loadErr)
		}
		schemaErr := s.Validate([]byte(doc))
		wantSchema := tt.valid || tt.beyond != ""
		if got := schemaErr == nil; got != wantSchema {
			t.Errorf("%s: the schema says valid=%v, the loader %v (%v)", tt.new, got, tt.valid, schemaErr)
		}
	}
}

// With grpc, a detail's name is an ErrorInfo metadata key (AIP-193): the
// schema holds the catalog's own details to the rule, as the loader does.
func TestSchemaAgreesWithLoaderOnGRPC(t *testing.T) {
	s := compileSchema(t)
	withGRPC := strings.Replace(schemaLoaderBase, "api: Shop API\n", "api: Shop API\ngrpc: {domain: api.example.com}\n", 1)
	tests := []struct {
		name  string
		valid bool
	}{
		{"count", true},
		{"count_2", true},
		{"Count", false},
		{"c", false},
		{strings.Repeat("c", 65), false},
	}
	for _, tt := range tests {
		doc := strings.Replace(withGRPC, "{name: count,", "{name: "+tt.name+",", 1)
		_, loadErr := catalog.Parse("catalog.yaml", []byte(doc), Check)
		schemaErr := s.Validate([]byte(doc))
		if loadErr == nil != tt.valid || schemaErr == nil != tt.valid {
			t.Errorf("detail %s with grpc: loader %v, schema %v; want valid=%v", tt.name, loadErr, schemaErr, tt.valid)
		}
	}
}
