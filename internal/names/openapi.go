package names

import (
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/catalog"
)

// DefaultResponse names the response attached as each operation's
// "default" when openapi.default_response is set. No status has this reason
// phrase, so it cannot clash with a per-status response.
const DefaultResponse = "Default"

// ErrorCodeSchema names the schema of the catalog's codes (an enum).
const ErrorCodeSchema = "ErrorCode"

// ContentLanguageHeader names, unprefixed, the header component of
// Content-Language, which every error response of a catalog with
// translations declares.
const ContentLanguageHeader = "ContentLanguage"

// VaryHeader names, unprefixed, the header component of Vary, which every
// error response of a catalog with translations declares beside
// Content-Language.
const VaryHeader = "Vary"

// StatusResponse names the response of a status by its reason phrase:
// 429 → TooManyRequests; a status without one is Status599.
func StatusResponse(status int) string {
	var b strings.Builder
	for _, r := range http.StatusText(status) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Status" + strconv.Itoa(status)
	}
	return b.String()
}

// Response names, prefixed, the response an operation gets for a status:
// the status's one response (BadRequest), whichever of its codes the
// operation lists and however many the status has, so that neither a code
// added or retired nor an x-errors list edited renames it.
func Response(c *catalog.Catalog, status int) string {
	return c.OpenAPI.Prefix + StatusResponse(status)
}

// Body names, unprefixed, the schema of a status's bodies:
// BadRequestBody, one schema however many codes the status has.
func Body(status int) string { return StatusResponse(status) + "Body" }

// DetailsSchema names the schema of an error's details, unprefixed.
func DetailsSchema(e *catalog.Error) string { return e.Name + "Details" }

// BodySchema names the schema of one error's bodies, unprefixed:
// RATE_LIMIT_EXCEEDED → RateLimitExceededError, VALIDATION_ERROR →
// ValidationError. A code ERROR is ErrorError: Error is the envelope's.
func BodySchema(e *catalog.Error) string {
	if stem := strings.TrimSuffix(e.Name, "Error"); stem != "" {
		return stem + "Error"
	}
	return e.Name + "Error"
}

// presetEnvelopes spell the presets' names as Go would (catalog.GoName
// knows no OAuth or JSON:API initialism).
var presetEnvelopes = map[string]string{
	"problem": "Problem", "flat": "Flat", "jsonapi": "JSONAPI", "nested": "Nested", "oauth2": "OAuth2",
}

// EnvelopeSchema names, prefixed, the schema of the catalog's i-th
// envelope: the catalog's own (the first) is Error, another is its name
// followed by Error (OAuth2Error).
func EnvelopeSchema(c *catalog.Catalog, i int) string {
	if i == 0 {
		return c.OpenAPI.Prefix + "Error"
	}
	name := c.Envelopes[i].Name
	prefix, ok := presetEnvelopes[name]
	if !ok {
		prefix = catalog.GoName(name)
	}
	return c.OpenAPI.Prefix + prefix + "Error"
}
