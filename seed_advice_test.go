package errgen

// The seeds' advice, quoted: what each seed says about an error (its
// section's text, causes, fixes, troubleshooting rows) is in that error's
// section of the example's generated page, and each status a seed documents
// has an error in the example catalog. With seed_test.go's bodies and
// reference tables, this is what the examples reproduce of the seeds.

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// seedStatuses are the statuses each seed documents an error for.
var seedStatuses = []struct {
	seed, example string
	statuses      []int
}{
	{"000", "stackone", []int{400, 401, 403, 404, 409, 412, 422, 429, 500, 501, 502}},
	{"001", "onestack", []int{400, 401, 403, 404, 409, 429, 500}},
	{"002", "stackone", []int{400, 401, 403, 404, 408, 409, 412, 422, 429, 500, 501, 502}},
	// 415: "Omitting it on a write request will result in a 400 or 415 error."
	{"003", "scopestack", []int{400, 401, 403, 404, 415, 422, 504}},
	{"004", "generic", []int{400, 401, 403, 404, 422, 429, 500, 503}},
}

// TestSeedStatuses checks that every status a seed documents has an error
// in the example catalog.
func TestSeedStatuses(t *testing.T) {
	for _, ss := range seedStatuses {
		c, err := catalog.Load(filepath.Join("examples", ss.example, "catalog.yaml"), Check)
		if err != nil {
			t.Fatal(err)
		}
		for _, status := range ss.statuses {
			if !slices.ContainsFunc(c.Errors, func(e *catalog.Error) bool { return e.Status == status }) {
				t.Errorf("seed %s documents a %d; examples/%s has no error with that status", ss.seed, status, ss.example)
			}
		}
	}
}

// seedAdvice is what a seed says about some errors: each quote, as the seed
// prints it, is in the section of each of the codes on the page.
type seedAdvice struct {
	seed, example string
	codes         []string
	quotes        []string
}

var seedAdvices = []seedAdvice{
	// 001: each status's Troubleshooting bullets belong to every code of the
	// status (the sentence under its heading is its group's text:
	// seed_groups_test.go).
	{"001", "onestack", []string{"VALIDATION_ERROR", "INVALID_JSON"}, []string{
		"Check that all required fields are included in the request body.",
		"Verify field values match expected types and allowed values.",
		"Ensure the Content-Type header is set to application/json."}},
	{"001", "onestack", []string{"UNAUTHORIZED", "TOKEN_EXPIRED"}, []string{
		"Verify your API key is correct and has not been revoked.",
		"Check that the X-Integration-Key header is present and spelled correctly.",
		"For session-based auth, ensure the user is logged in and the session has not expired.",
		"For portal tokens, ensure the JWT has not expired."}},
	{"001", "onestack", []string{"FORBIDDEN", "PRODUCT_ACCESS_DENIED"}, []string{
		"Verify the API key has been granted access to the target product.",
		"Check that the key has the required permission level (Read Only vs. Read/Write).",
		"For user sessions, verify the user's role includes access to the product and the specific action.",
		"Portal tokens can only access portal-designated endpoints."}},
	{"001", "onestack", []string{"NOT_FOUND"}, []string{
		"Verify the resource ID is correct.",
		"Ensure the resource has not been deleted.",
		"Check that the URL path and product base URL are correct.",
		"The resource may exist but belong to a different tenant."}},
	{"001", "onestack", []string{"CONFLICT", "DUPLICATE_RESOURCE"}, []string{
		"Fetch the latest version of the resource and retry with the updated data.",
		"For concurrent edits, implement optimistic locking using the _etag field if provided."}},
	{"001", "onestack", []string{"RATE_LIMIT_EXCEEDED"}, []string{
		"Wait for the number of seconds specified in the Retry-After header.",
		"Implement exponential backoff in your client.",
		"Reduce request frequency by using batch operations or webhooks.",
		"See Rate Limits for detailed best practices."}},
	{"001", "onestack", []string{"INTERNAL_ERROR"}, []string{
		"Retry the request after a short delay. Transient errors often resolve on their own.",
		"with the request details and the X-Request-Id response header value."}},
	// 003: each section's text, causes, fixes and troubleshooting rows
	// (check and solution are cells of one row).
	{"003", "scopestack", []string{"UNAUTHORIZED"}, []string{
		"Token missing, invalid, or expired",
		"Your access token is missing, invalid, or expired.",
		"Authorization header missing", "Add the header: Authorization: Bearer {your_access_token}",
		"Token expired", "Use your refresh_token to request a new access_token from POST /oauth/token",
		"Token malformed", "Make sure you are sending only the access_token value, not the full JSON token response",
		"User account deactivated", "Re-authenticate using an active user account"}},
	{"003", "scopestack", []string{"invalid_client"}, []string{
		"The client_id was not recognized",
		"Check for character confusion: zero (0) vs the letter O, lowercase l vs uppercase I.",
		"Copy the client_id directly from your ScopeStack API credentials page rather than retyping it."}},
	{"003", "scopestack", []string{"invalid_grant"}, []string{
		"The client was recognized but authentication failed",
		"Check that the password is correct, that the user account is active, and that the user has accepted their invitation.",
		"If using the Authorization Code flow, confirm that the callback URL matches what is registered for your client credentials."}},
	{"003", "scopestack", []string{"invalid_resource_owner"}, []string{
		"The user was not found",
		"The email address does not exist on any ScopeStack account. Confirm the correct email is being used."}},
	{"003", "scopestack", []string{"unsupported_grant_type"}, []string{
		"The grant_type value is not valid",
		"Accepted values are password, authorization_code, and refresh_token."}},
	{"003", "scopestack", []string{"FORBIDDEN"}, []string{
		"Valid token, but insufficient permissions",
		"Your token is valid, but the user associated with it does not have permission to perform this action.",
		"User role lacks permission", "Review the user’s role in ScopeStack. Read access does not grant write access.",
		"Operating in the wrong account", "Call GET /v1/me to confirm which account your token is scoped to. You may be authenticated to a different account than expected.",
		"Resource belongs to a different account", "The resource exists but is in an account this user cannot access.",
		"Token edge case", "In rare cases, an expired token returns 403 instead of 401. Try refreshing your token first."}},
	{"003", "scopestack", []string{"BAD_REQUEST"}, []string{
		"Malformed request, missing field, or unsupported filter",
		"The request was malformed or contained an unsupported parameter.",
		"A required field is missing from the request body",
		"A field value is the wrong data type (for example, a string where a number is expected)",
		"A filter parameter is not supported for this endpoint",
		"Invalid JSON:API formatting in the request body",
		"Check the API documentation for the endpoint you are calling to confirm which fields are required, which filters are supported, and the expected data types."}},
	{"003", "scopestack", []string{"UNSUPPORTED_MEDIA_TYPE"}, []string{
		"The Content-Type header is required only when sending a request body."}},
	{"003", "scopestack", []string{"UNPROCESSABLE_ENTITY"}, []string{
		"Request parsed correctly but failed business-rule validation",
		"The request was well-formed but failed validation. This is the most common error when creating or updating records.",
		"A required field is blank or missing", "Check the detail field in the error response for the specific field that failed.",
		"A field value violates a uniqueness constraint", "The value you provided already exists on another record in this account.",
		"Cross-account access attempt", "You are trying to reference a resource that belongs to a different account. Confirm you are operating in the correct account context.",
		"The detail property in the error response identifies which field failed and why. Address each error in the errors array before retrying."}},
	{"003", "scopestack", []string{"NOT_FOUND"}, []string{
		"Resource does not exist or is in a different account",
		"The resource does not exist, or it exists in a different account than the one your token is scoped to.",
		"Resource ID is correct", "Confirm the ID in the URL matches the record you intend to retrieve.",
		"Account context", "Call GET /v1/me to verify which account your token is in. The resource may exist, but in a different account.",
		"Resource was deleted", "The record may have been archived or deleted. Check within ScopeStack to confirm it still exists.",
		"URL format", "Most endpoints require the account slug: https://api.scopestack.io/{account-slug}/v1/..."}},
	{"003", "scopestack", []string{"GATEWAY_TIMEOUT"}, []string{
		"Request timed out; occurs on large merge data requests",
		"The server did not return a response in time. This typically occurs on requests that involve large amounts of data.",
		"the merge data endpoint (GET /{account-slug}/v1/projects/{id}/merge-data) on a project with 20 or more service locations using the v1 response format.",
		"The server-side computation for large projects exceeds the request timeout.",
		"Switch to the v2 merge data format by passing version=2 as a query parameter",
		"GET /{account-slug}/v1/projects/{id}/merge-data?version=2",
		"The v2 format is more efficient and handles large projects reliably.",
		"If you are using a reference project to generate merge data, consider using a smaller, representative project instead."}},
	// 000: each status's Probable Cause and Remediation Steps.
	{"000", "stackone", []string{"BAD_REQUEST"}, []string{
		"Incorrectly formatted request parameters (requests parameters do not follow expected schema and fail validation)",
		"Ensure all request parameters are correctly formatted and try again.",
		"Verify that the endpoint URL is correct.",
		"Ensure that the request body is well-formed and all required parameters are included."}},
	{"000", "stackone", []string{"UNAUTHORIZED"}, []string{"Invalid API key or access token.", "Double-check your credentials and ensure they're valid."}},
	{"000", "stackone", []string{"FORBIDDEN"}, []string{
		"StackOne API key provided or linked account token lacks required permissions",
		"Verify the scopes of your API token and request necessary permissions."}},
	{"000", "stackone", []string{"NOT_FOUND"}, []string{
		"The requested resource doesn't exist, possibly due to an invalid ID.",
		"Double-check the resource IDs in your request and ensure they are valid."}},
	{"000", "stackone", []string{"CONFLICT"}, []string{"The resource to be created already exists", "Check that the resource doesn't already exist before creating it"}},
	{"000", "stackone", []string{"PRECONDITION_FAILED"}, []string{
		"Endpoints using x-account-id may return 412 if the linked account is disabled.",
		"Check the status of the linked account and enable it if necessary."}},
	{"000", "stackone", []string{"UNPROCESSABLE_ENTITY"}, []string{
		"The payload data for creating a resource doesn't match what the endpoints expect",
		"Verify that the data sent follows the StackOne API reference.",
		"Look at the additional details if available in provider_errors for any additional information from the provider."}},
	{"000", "stackone", []string{"TOO_MANY_REQUESTS"}, []string{
		"Rate limits exceeded. Usually returned by the underlying provider.",
		"Implement exponential backoff for retries and ensure your requests are within rate limits."}},
	{"000", "stackone", []string{"INTERNAL_SERVER_ERROR"}, []string{"Internal StackOne server issue.", "Notify StackOne support if the issue persists."}},
	{"000", "stackone", []string{"NOT_IMPLEMENTED"}, []string{
		"This endpoint hasn't been implemented for this connected provider",
		"Skip the call or contact StackOne support for more information.",
		"the Meta endpoint."}},
	{"000", "stackone", []string{"BAD_GATEWAY"}, []string{
		"The underlying Provider API has returned a 500 error",
		"Read any additional details available in the response data and ensure the resource exists"}},
	// 004: each status's Common Causes and How to Fix.
	{"004", "generic", []string{"invalid_request"}, []string{
		"Missing required fields", "Invalid data format", "Incorrect data types", "Invalid enum values",
		"Verify all required fields are present", "Check JSON structure is valid",
		"Validate data types match API spec", "Review API documentation for field requirements"}},
	{"004", "generic", []string{"authentication_failed"}, []string{
		"Missing API key", "Invalid API key", "Expired credentials", "Wrong environment key",
		"Include Authorization header with Bearer token", "Generate new API key from dashboard",
		"Use correct key for environment (test/prod)", "Verify key is active"}},
	{"004", "generic", []string{"permission_denied"}, []string{
		"Account suspended", "Feature not enabled", "IP not whitelisted", "Scope restrictions",
		"Contact support to verify account status", "Check feature flags in dashboard",
		"Add IP to whitelist", "Request additional API scopes"}},
	{"004", "generic", []string{"not_found"}, []string{
		"Invalid resource ID", "Resource deleted", "Incorrect endpoint URL", "Typo in path",
		"Verify resource ID is correct", "Check if resource was deleted",
		"Confirm endpoint URL matches docs", "Review API version in URL"}},
	{"004", "generic", []string{"unprocessable_entity"}, []string{
		"Business logic validation failed", "Duplicate resource", "Invalid state transition", "Constraint violation",
		"Review validation errors in response", "Check business rule requirements",
		"Verify no duplicate entries", "Ensure valid state transitions"}},
	{"004", "generic", []string{"rate_limited"}, []string{
		"Too many requests in time window", "Concurrent request limit hit", "No exponential backoff",
		"Implement rate limiting in your code", "Add exponential backoff retry logic",
		"Cache responses where possible", "Contact support for higher limits"}},
	{"004", "generic", []string{"internal_error"}, []string{
		"Server-side bug", "Database issue", "Third-party service down", "Temporary glitch",
		"Retry request after brief delay", "Check status page for incidents",
		"Contact support with request ID", "Implement retry logic with backoff"}},
	{"004", "generic", []string{"service_unavailable"}, []string{
		"Scheduled maintenance", "System overload", "Deployment in progress",
		"Check status page", "Wait and retry", "Implement graceful degradation", "Subscribe to status updates"}},
}

// TestSeedAdvice checks that each quote of the seeds' advice is in the
// section of its errors on the example's page.
func TestSeedAdvice(t *testing.T) {
	for _, sa := range seedAdvices {
		text, haveSeed := readSeed(t, sa.seed)
		c, sections := exampleSections(t, sa.example)
		for _, code := range sa.codes {
			t.Run(sa.seed+"/"+code, func(t *testing.T) {
				e := errorOf(c, code)
				if e == nil {
					t.Fatalf("examples/%s has no %s", sa.example, code)
				}
				for _, q := range sa.quotes {
					if haveSeed && !strings.Contains(plainText(text), plainText(q)) {
						t.Errorf("%q is not in seed %s", q, sa.seed)
					}
					if !strings.Contains(plainText(sections[e.Anchor].text), plainText(q)) {
						t.Errorf("the section of %s lacks %q", code, q)
					}
				}
			})
		}
	}
}

// pageSection is one error's section of a page and the h2 it is under.
type pageSection struct{ group, text string }

// exampleSections loads an example catalog and cuts its page into the
// sections of its errors, by anchor: from an error's <a id> to the next one
// or the next h2.
func exampleSections(t *testing.T, example string) (*catalog.Catalog, map[string]pageSection) {
	t.Helper()
	c, err := catalog.Load(filepath.Join("examples", example, "catalog.yaml"), Check)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join("examples", example, "errors.md"))
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]pageSection{}
	group, anchor := "", ""
	for line := range strings.Lines(string(page)) {
		switch {
		case strings.HasPrefix(line, "## "):
			group, anchor = strings.ReplaceAll(strings.TrimSpace(line[3:]), `\`, ""), ""
		case anchorLine.MatchString(line):
			anchor = anchorLine.FindStringSubmatch(line)[1]
			sections[anchor] = pageSection{group: group}
		case anchor != "":
			s := sections[anchor]
			s.text += line
			sections[anchor] = s
		}
	}
	return c, sections
}

// errorOf is c's error with code, nil when none.
func errorOf(c *catalog.Catalog, code string) *catalog.Error {
	i := slices.IndexFunc(c.Errors, func(e *catalog.Error) bool { return e.Code == code })
	if i < 0 {
		return nil
	}
	return c.Errors[i]
}

var anchorLine = regexp.MustCompile(`^<a id="([^"]+)"></a>`)

// plainText is s without white space, Markdown's code spans, emphasis and
// escapes, and with typographic apostrophes as ASCII ones: the seeds were
// copied from rendered pages, which lost line breaks and code spans.
func plainText(s string) string {
	s = strings.NewReplacer("`", "", "**", "", `\`, "", "’", "'", "<br>", "").Replace(s)
	return squash(s)
}

// TestSeedPageStructure checks what the seeds say beyond single errors:
// StackOne copies the provider's error data into provider_errors for its
// 4xx and 5xx errors (seed 002's Debugging Tips), seed 000's example being a
// 404 for employee 250; ScopeStack's OAuth token errors are a section of
// their own after 401 Unauthorized, and its JSON:API bodies carry no code,
// which the page's Handling errors says.
func TestSeedPageStructure(t *testing.T) {
	c, sections := exampleSections(t, "stackone")
	for _, code := range []string{"BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "UNPROCESSABLE_ENTITY", "TOO_MANY_REQUESTS", "BAD_GATEWAY"} {
		e := errorOf(c, code)
		if e == nil || !slices.ContainsFunc(e.Details, func(d *catalog.Detail) bool { return d.Name == "provider_errors" }) {
			t.Errorf("stackone %s has no provider_errors detail", code)
		}
	}
	if s := plainText(sections["not-found"].text); !strings.Contains(s, `"provider_errors":[{"status":404,"url":"https://api.provider.example/v1/employees/250"`) {
		t.Errorf("stackone NOT_FOUND's example is not seed 000's provider 404 for employee 250:\n%s", sections["not-found"].text)
	}

	c, sections = exampleSections(t, "scopestack")
	for _, e := range c.Errors {
		want := "OAuth Token Errors (POST /oauth/token)"
		if e.Envelope.Name != "oauth2" {
			want = e.Category
		}
		if got := sections[e.Anchor].group; got != want {
			t.Errorf("scopestack %s is under %q, want %q", e.Code, got, want)
		}
	}
	page, err := os.ReadFile(filepath.Join("examples", "scopestack", "errors.md"))
	if err != nil {
		t.Fatal(err)
	}
	handling := plainText(string(page[strings.Index(string(page), "## Handling errors"):strings.Index(string(page), "## Error codes")]))
	for _, want := range []string{"application/vnd.api+json bodies carry no code", "errors[].title member", "branch on the error member"} {
		if !strings.Contains(handling, plainText(want)) {
			t.Errorf("scopestack's Handling errors lacks %q", want)
		}
	}
	if strings.Contains(handling, plainText("the code member")) {
		t.Error("scopestack's Handling errors sends clients to a code member its bodies do not have")
	}
	if i, j := strings.Index(string(page), "## Authentication Errors"), strings.Index(string(page), "## OAuth Token Errors"); i < 0 || j < i {
		t.Error("scopestack's OAuth Token Errors do not follow its Authentication Errors")
	}
}

// seedProviderRows are seed 002's provider tables, row by row: provider,
// then its cells.
var seedProviderRows = [][]string{
	{"Teamtailor", "501 Bad Request", "API key missing permissions", "Ask customer to re-authenticate per Teamtailor guide"},
	{"Greenhouse", "404 Not Found", "Invalid Greenhouse user ID provided during account linking", "Ask customer to re-authenticate per Greenhouse guide"},
	{"Lever", "400 Invalid Request", "Missing or malformed parameter", "Check request parameters against documentation"},
	{"Lever", "401 Unauthorized", "Invalid credentials or insufficient scopes", "Re-verify integration credentials per Lever guide"},
	{"Lever", "403 Forbidden", "Account settings block operation", "Contact Lever Super Admin to update API settings"},
	{"Lever", "429 Too Many Requests", "Rate limit exceeded", "Use SDK retryConfig or implement retry strategy"},
	{"Lever", "500 Server Error", "Lever server error", "Contact StackOne support"},
	{"Lever", "503 Service Unavailable", "Lever maintenance downtime", "Retry with exponential backoff"},
	{"Bullhorn", "Invalid candidate_id for notes", "Note created but remains invisible in UI"},
	{"Bullhorn", "Missing author_id for notes", "Defaults to API user ID"},
}

// TestSeedProviders checks that every row of seed 002's provider tables is
// a row of its provider's table on StackOne's page.
func TestSeedProviders(t *testing.T) {
	text, haveSeed := readSeed(t, "002")
	page, err := os.ReadFile(filepath.Join("examples", "stackone", "errors.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range seedProviderRows {
		provider, cells := row[0], row[1:]
		if haveSeed && !strings.Contains(plainText(text), plainText(strings.Join(cells, "|"))) {
			t.Errorf("%s row %q is not in seed 002", provider, cells)
		}
		_, section, _ := strings.Cut(string(page), "\n### "+provider+"\n")
		section, _, _ = strings.Cut(section, "\n#")
		if !strings.Contains(plainText(section), plainText("|"+strings.Join(cells, "|")+"|")) {
			t.Errorf("%s's section has no row %q", provider, cells)
		}
	}
}
