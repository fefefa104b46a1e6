package openapi

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// A spec augmented with the default open bodies holds no <Name>Error schema,
// whose deprecated: true was the only sign of a deprecated code: the
// response's description and the code's example must say it themselves, or a
// reader of the augmented spec never learns it.
func TestOpenAPIDescriptionsTellDeprecation(t *testing.T) {
	const data = `version: 1
api: Museum
docs_url: https://docs.example.com/errors
errors:
  - {code: EVENT_CONFLICT, status: 409, title: Event changed, deprecated: Use TICKETS_SOLD_OUT instead., replaced_by: TICKETS_SOLD_OUT}
  - {code: TICKETS_SOLD_OUT, status: 409, title: Sold out}
  - {code: OLD_LIMIT, status: 429, deprecated: Rate limits moved to the gateway.}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`
	c, err := catalog.Parse("catalog.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	doc := loadValidOpenAPI(t, emitOpenAPIVersion(t, c, c.OpenAPI.Version))
	tests := []struct {
		status      int
		code        string // the example to read, "" for the response's description
		want, avoid string
	}{
		{409, "", "- [`EVENT_CONFLICT`](https://docs.example.com/errors#event-conflict): Event changed (deprecated: use `TICKETS_SOLD_OUT`)", ""},
		{409, "", "- [`TICKETS_SOLD_OUT`](https://docs.example.com/errors#tickets-sold-out): Sold out\n", "Sold out (deprecated"},
		{409, "EVENT_CONFLICT", "Event changed\n\nDeprecated: Use TICKETS_SOLD_OUT instead.\n\nDocumentation: <https://docs.example.com/errors#event-conflict>", ""},
		{409, "TICKETS_SOLD_OUT", "Sold out\n\nDocumentation:", "Deprecated"},
		{429, "", "Too Many Requests\n\nDeprecated: Rate limits moved to the gateway.\n\nDocumentation: <https://docs.example.com/errors#old-limit>", ""},
		{500, "", "Internal Server Error\n\nDocumentation:", "Deprecated"},
	}
	for _, tt := range tests {
		resp := doc.Components.Responses[names.StatusResponse(tt.status)].Value
		desc := *resp.Description + "\n"
		if tt.code != "" {
			desc = resp.Content.Get("application/problem+json").Examples[tt.code].Value.Description
		}
		if !strings.Contains(desc, tt.want) {
			t.Errorf("%d %s: description %q lacks %q", tt.status, tt.code, desc, tt.want)
		}
		if tt.avoid != "" && strings.Contains(desc, tt.avoid) {
			t.Errorf("%d %s: description %q has %q", tt.status, tt.code, desc, tt.avoid)
		}
	}
}
