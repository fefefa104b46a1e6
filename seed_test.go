package errgen

// The five seed pages in ../shared/seeds are real APIs' error references.
// These tests quote them: every example body a seed prints for a catalog
// error is written, byte for byte after compaction, by the generated Go of
// its example catalog, and every row of the seeds' reference tables appears
// in the generated page. seed_advice_test.go quotes what they say about each
// error (section text, causes, fixes, troubleshooting) and the statuses they
// document.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/examples/generic/genericerrors"
	"github.com/errgen/errgen/examples/onestack/onestackerrors"
	"github.com/errgen/errgen/examples/scopestack/scopestackerrors"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// seedBody is one JSON body printed in a seed, and the generated error that
// must write it.
type seedBody struct {
	seed  string         // seed file prefix
	name  string         // the error, as the seed presents it
	err   json.Marshaler // the error built with the generated package
	quote string         // the body exactly as the seed prints it
}

var seedBodies = []seedBody{
	// 001: One Stack, flat envelope. Messages naming the resource are set per
	// call with WithMessage, as a service would.
	{"001", "400 VALIDATION_ERROR", onestackerrors.NewValidationError(json.RawMessage(`{"title": "Title is required", "priority": "Must be one of: low, medium, high, critical"}`)),
		"{\n\"error\": \"Validation failed\",\n\"code\": \"VALIDATION_ERROR\",\n\"details\": {\n\"fields\": {\n\"title\": \"Title is required\",\n\"priority\": \"Must be one of: low, medium, high, critical\"\n}\n}\n}"},
	{"001", "401 UNAUTHORIZED", onestackerrors.ErrUnauthorized,
		"{\n\"error\": \"Authentication required\",\n\"code\": \"UNAUTHORIZED\"\n}"},
	{"001", "403 FORBIDDEN", onestackerrors.NewForbidden("psa", "tickets.write").WithMessage("Access denied to PSA product"),
		"{\n\"error\": \"Access denied to PSA product\",\n\"code\": \"FORBIDDEN\",\n\"details\": {\n\"requiredProduct\": \"psa\",\n\"requiredPermission\": \"tickets.write\"\n}\n}"},
	{"001", "404 NOT_FOUND", onestackerrors.NewNotFound("ticket", "tkt_nonexistent").WithMessage("Ticket not found"),
		"{\n\"error\": \"Ticket not found\",\n\"code\": \"NOT_FOUND\",\n\"details\": {\n\"resourceType\": \"ticket\",\n\"resourceId\": \"tkt_nonexistent\"\n}\n}"},
	{"001", "409 CONFLICT", onestackerrors.NewConflict("v3", "v1").WithMessage("Ticket has been modified by another user"),
		"{\n\"error\": \"Ticket has been modified by another user\",\n\"code\": \"CONFLICT\",\n\"details\": {\n\"currentVersion\": \"v3\",\n\"submittedVersion\": \"v1\"\n}\n}"},
	{"001", "429 RATE_LIMIT_EXCEEDED", onestackerrors.NewRateLimitExceeded(100, "1m", 23),
		"{\n\"error\": \"Rate limit exceeded\",\n\"code\": \"RATE_LIMIT_EXCEEDED\",\n\"details\": {\n\"limit\": 100,\n\"window\": \"1m\",\n\"retryAfter\": 23\n}\n}"},
	{"001", "500 INTERNAL_ERROR", onestackerrors.ErrInternalError,
		"{\n\"error\": \"An unexpected error occurred\",\n\"code\": \"INTERNAL_ERROR\"\n}"},
	// 003: ScopeStack, JSON:API without a code member; OAuth errors in RFC 6749 form.
	{"003", "401 Unauthorized", scopestackerrors.ErrUnauthorized,
		`{ "errors": [ { "status": "401", "title": "Unauthorized" } ] }`},
	{"003", "invalid_grant", scopestackerrors.ErrInvalidGrant,
		`{ "error": "invalid_grant", "error_description": "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client." }`},
	{"003", "403 Forbidden", scopestackerrors.ErrForbidden,
		`{ "errors": [ { "status": "403", "title": "Forbidden" } ] }`},
	{"003", "400 Bad Request", scopestackerrors.NewBadRequest("created-before"),
		`{ "errors": [ { "status": "400", "title": "Bad Request", "detail": "Filter not allowed: created-before" } ] }`},
	{"003", "422 Unprocessable Entity", scopestackerrors.NewUnprocessableEntity("Name"),
		`{ "errors": [ { "status": "422", "title": "Unprocessable Entity", "detail": "Name can't be blank" } ] }`},
	{"003", "404 Not Found", scopestackerrors.ErrNotFound,
		`{ "errors": [ { "status": "404", "title": "Not Found" } ] }`},
	// 004: the generic reference, nested envelope.
	{"004", "400 invalid_request", genericerrors.NewInvalidRequest("activity_type").WithRequestID("req_abc123"),
		"{\n\"error\": {\n\"code\": \"invalid_request\",\n\"message\": \"Missing required field: activity_type\",\n\"type\": \"validation_error\",\n\"param\": \"activity_type\",\n\"request_id\": \"req_abc123\"\n}\n}"},
}

// Seeds 000 and 002 print no body. The format sketch at the top of 001
// ({"error": "Human-readable error message", "code": "MACHINE_READABLE_CODE",
// "details": {}}) describes the envelope and belongs to no error.

func TestSeedBodies(t *testing.T) {
	for _, sb := range seedBodies {
		t.Run(sb.seed+"/"+sb.name, func(t *testing.T) {
			if text, ok := readSeed(t, sb.seed); ok && !strings.Contains(squash(text), squash(sb.quote)) {
				t.Fatalf("the quote is not in seed %s:\n%s", sb.seed, sb.quote)
			}
			var want bytes.Buffer
			if err := json.Compact(&want, []byte(sb.quote)); err != nil {
				t.Fatal(err)
			}
			got, err := sb.err.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("generated Go writes\n%s\nthe seed prints\n%s", got, want.Bytes())
			}
		})
	}
}

// seedRow is one row of a seed's reference table: the code (or status when
// the seed has no codes), the status and the description.
type seedRow struct {
	code, status, description string
}

var seedTables = []struct {
	seed, example string
	rows          []seedRow
}{
	{"001", "onestack", []seedRow{
		{"VALIDATION_ERROR", "400", "Request body or query parameters failed validation"},
		{"INVALID_JSON", "400", "Request body is not valid JSON"},
		{"UNAUTHORIZED", "401", "Missing or invalid authentication"},
		{"TOKEN_EXPIRED", "401", "JWT or session has expired"},
		{"FORBIDDEN", "403", "Insufficient permissions"},
		{"PRODUCT_ACCESS_DENIED", "403", "API key does not have access to this product"},
		{"NOT_FOUND", "404", "Resource does not exist"},
		{"CONFLICT", "409", "Resource version conflict"},
		{"DUPLICATE_RESOURCE", "409", "A resource with the same unique identifier already exists"},
		{"RATE_LIMIT_EXCEEDED", "429", "Too many requests"},
		{"INTERNAL_ERROR", "500", "Unexpected server error"},
	}},
	{"003", "scopestack", []seedRow{
		// The Quick Reference, by status.
		{"BAD_REQUEST", "400", "Malformed request, missing field, or unsupported filter"},
		{"UNAUTHORIZED", "401", "Token missing, invalid, or expired"},
		{"FORBIDDEN", "403", "Valid token, but insufficient permissions"},
		{"NOT_FOUND", "404", "Resource does not exist or is in a different account"},
		{"UNPROCESSABLE_ENTITY", "422", "Request parsed correctly but failed business-rule validation"},
		{"GATEWAY_TIMEOUT", "504", "Request timed out; occurs on large merge data requests"},
		// OAuth Token Errors.
		{"invalid_client", "401", "The client_id was not recognized"},
		{"invalid_grant", "400", "The client was recognized but authentication failed"},
		{"invalid_resource_owner", "400", "The user was not found"},
		{"unsupported_grant_type", "400", "The grant_type value is not valid"},
	}},
	{"002", "stackone", []seedRow{
		{"BAD_REQUEST", "400", "Invalid request parameters or malformed request body"},
		{"UNAUTHORIZED", "401", "Missing or invalid API key, or expired credentials"},
		{"FORBIDDEN", "403", "Valid credentials but insufficient permissions"},
		{"NOT_FOUND", "404", "Resource does not exist or was deleted"},
		{"REQUEST_TIMEOUT", "408", "Request took too long to complete"},
		{"CONFLICT", "409", "Request conflicts with current resource state"},
		{"PRECONDITION_FAILED", "412", "Linked account belongs to a disabled integration"},
		{"UNPROCESSABLE_ENTITY", "422", "Request validation failed"},
		{"TOO_MANY_REQUESTS", "429", "Rate limit exceeded"},
		{"INTERNAL_SERVER_ERROR", "500", "Unexpected server error"},
		{"NOT_IMPLEMENTED", "501", "Feature not supported for this provider"},
		{"BAD_GATEWAY", "502", "Error from upstream provider"},
	}},
	{"004", "generic", []seedRow{
		{"invalid_request", "400", "The request was malformed or missing required parameters"},
		{"authentication_failed", "401", "Authentication failed or API key is invalid"},
		{"permission_denied", "403", "Valid credentials but insufficient permissions"},
		{"not_found", "404", "The requested resource doesn't exist"},
		{"unprocessable_entity", "422", "Request understood but cannot be processed due to validation errors"},
		{"rate_limited", "429", "Rate limit exceeded"},
		{"internal_error", "500", "Something went wrong on our servers"},
		{"service_unavailable", "503", "Service temporarily unavailable"},
	}},
}

// TestSeedTables checks that each row of a seed's reference table is a row
// of the generated page's reference table: same code, status and
// description.
func TestSeedTables(t *testing.T) {
	for _, st := range seedTables {
		t.Run(st.seed+"/"+st.example, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("examples", st.example, "errors.md"))
			if err != nil {
				t.Fatal(err)
			}
			text, haveSeed := readSeed(t, st.seed)
			doc := markdowntest.Parse(t, page)
			// stackone's reference.tmpl adds seed 000's two columns
			ref := cmp.Or(doc.Table("Code", "Status", "Description"), doc.Table("Code", "Status", "Description", "Probable Cause", "Remediation Steps"))
			if ref == nil {
				t.Fatal("no reference table on the page")
			}
			for _, row := range st.rows {
				if haveSeed && !strings.Contains(squash(text), squash(row.description)) {
					t.Errorf("%q is not in seed %s", row.description, st.seed)
				}
				found := false
				for _, r := range ref.Rows {
					// Cells hold the rendered text, code spans in backticks;
					// the seeds print plain text.
					code, desc := strings.Trim(r.Cells[0], "`"), strings.ReplaceAll(r.Cells[2], "`", "")
					if code == row.code && r.Cells[1] == row.status && strings.TrimSuffix(desc, ".") == row.description {
						found = true
					}
				}
				if !found {
					t.Errorf("no reference row %s | %s | %s", row.code, row.status, row.description)
				}
			}
		})
	}
}

// TestSeedExamplesValidate checks each example's OpenAPI document, and
// that every example catalog still loads.
func TestSeedExamplesValidate(t *testing.T) {
	for _, name := range []string{"onestack", "scopestack", "generic", "stackone"} {
		if _, err := catalog.Load(filepath.Join("examples", name, "catalog.yaml"), Check); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		data, err := os.ReadFile(filepath.Join("examples", name, "openapi.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		loadValidOpenAPI(t, data)
	}
}

// readSeed returns the text of the seed whose file name starts with prefix;
// ok is false (and the quote checks are skipped) outside a checkout with
// shared/ beside it.
func readSeed(t *testing.T, prefix string) (string, bool) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "shared", "seeds", prefix+"_*.txt"))
	if len(paths) != 1 {
		t.Logf("seed %s not found beside the repository; quotes not checked against it", prefix)
		return "", false
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(data), true
}

var spaces = regexp.MustCompile(`\s+`)

// squash removes all white space, as the seeds were copied from rendered
// pages whose line breaks and indentation are lost.
func squash(s string) string { return spaces.ReplaceAllString(s, "") }

// seedBodiesOnPage are the seed bodies that the example's page prints as
// the error's example, byte for byte after compaction: seed/name of
// seedBodies → example/anchor. The others are One Stack's bodies whose
// message names the resource, which the service sets per call (WithMessage):
// the page shows the catalog's message.
var seedBodiesOnPage = map[string]string{
	"001/400 VALIDATION_ERROR":     "onestack/validation-error",
	"001/401 UNAUTHORIZED":         "onestack/unauthorized",
	"001/429 RATE_LIMIT_EXCEEDED":  "onestack/rate-limit-exceeded",
	"001/500 INTERNAL_ERROR":       "onestack/internal-error",
	"003/401 Unauthorized":         "scopestack/unauthorized",
	"003/invalid_grant":            "scopestack/invalid-grant",
	"003/403 Forbidden":            "scopestack/forbidden",
	"003/400 Bad Request":          "scopestack/bad-request",
	"003/422 Unprocessable Entity": "scopestack/unprocessable-entity",
	"003/404 Not Found":            "scopestack/not-found",
	"004/400 invalid_request":      "generic/invalid-request",
	"001/403 FORBIDDEN":            "",
	"001/404 NOT_FOUND":            "",
	"001/409 CONFLICT":             "",
}

// TestSeedBodiesOnPage checks that the pages print the seeds' bodies as the
// errors' examples, where the seed's body is the catalog's example, and
// that the OpenAPI documents have the same examples.
func TestSeedBodiesOnPage(t *testing.T) {
	for _, sb := range seedBodies {
		where, ok := seedBodiesOnPage[sb.seed+"/"+sb.name]
		if !ok {
			t.Errorf("seedBodiesOnPage does not say where %s/%s is on its page", sb.seed, sb.name)
		}
		if where == "" {
			continue
		}
		example, anchor, _ := strings.Cut(where, "/")
		c, sections := exampleSections(t, example)
		text := sections[anchor].text
		_, block, _ := strings.Cut(text, "```json\n")
		block, _, _ = strings.Cut(block, "```")
		var got, want bytes.Buffer
		if err := json.Compact(&got, []byte(block)); err != nil {
			t.Errorf("%s: no JSON example in its section: %v", where, err)
			continue
		}
		if err := json.Compact(&want, []byte(sb.quote)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s's example on the page is\n%s\nseed %s prints\n%s", where, got.Bytes(), sb.seed, want.Bytes())
		}
		if spec := openAPIExample(t, example, c, anchor); !bytes.Equal(spec, want.Bytes()) {
			t.Errorf("%s's example in openapi.yaml is\n%s\nseed %s prints\n%s", where, spec, sb.seed, want.Bytes())
		}
	}
}

// openAPIExample is the compact JSON of the example of the error with
// anchor in the example's openapi.yaml.
func openAPIExample(t *testing.T, example string, c *catalog.Catalog, anchor string) []byte {
	t.Helper()
	i := slices.IndexFunc(c.Errors, func(e *catalog.Error) bool { return e.Anchor == anchor })
	if i < 0 {
		t.Fatalf("examples/%s has no error with anchor %s", example, anchor)
	}
	e := c.Errors[i]
	data, err := os.ReadFile(filepath.Join("examples", example, "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	n := doc.Content[0]
	for _, k := range []string{"components", "responses", names.StatusResponse(e.Status), "content", e.Envelope.MediaType, "examples", e.Code, "value"} {
		if n = yamlnode.Get(n, k); n == nil {
			t.Fatalf("examples/%s/openapi.yaml has no example of %s (%s)", example, e.Code, k)
		}
	}
	var b bytes.Buffer
	if err := yamlnode.WriteJSON(&b, n, "", false); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
