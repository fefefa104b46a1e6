package markdown

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
)

// TestMarkdownOverride: an override file changes its own part of the page
// and nothing else.
func TestMarkdownOverride(t *testing.T) {
	c, err := catalog.Load("../../catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := mustGenerate(t, c, nil)
	tests := []struct {
		name    string
		file    string
		src     string
		part    string // the h2 heading of the part the file renders
		newPart string // the part as the override renders it
	}{
		{
			name:    "response format",
			file:    "envelope.tmpl",
			src:     "## Codes by status\n\n{{range .Statuses}}- {{.Status}}: {{len .Errors}} codes\n{{end}}",
			part:    "## Error response format",
			newPart: "## Codes by status\n\n- 400: 2 codes\n- 401: 2 codes\n- 403: 2 codes\n- 404: 1 codes\n- 409: 2 codes\n- 412: 1 codes\n- 415: 1 codes\n- 422: 1 codes\n- 429: 1 codes\n- 500: 1 codes\n- 501: 1 codes\n- 502: 1 codes\n- 503: 1 codes\n- 504: 1 codes\n\n",
		},
		{
			name: "reference table",
			file: "reference.tmpl",
			src:  "## All codes\n\n{{range .Errors}}{{.Code}} {{end}}\n",
			part: "## Error codes",
			// An override's paragraphs are wrapped at 80 columns like the bundled ones.
			newPart: "## All codes\n\nVALIDATION_ERROR INVALID_JSON UNAUTHORIZED TOKEN_EXPIRED FORBIDDEN\nPRODUCT_ACCESS_DENIED NOT_FOUND CONFLICT DUPLICATE_RESOURCE ACCOUNT_DISABLED\nUNSUPPORTED_MEDIA_TYPE UNPROCESSABLE_ENTITY RATE_LIMIT_EXCEEDED INTERNAL_ERROR\nNOT_IMPLEMENTED BAD_GATEWAY SERVICE_UNAVAILABLE GATEWAY_TIMEOUT\n\n",
		},
		{
			name:    "empty file removes the part",
			file:    "providers.tmpl",
			src:     "",
			part:    "## Provider-specific issues",
			newPart: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := mustGenerate(t, c, fstest.MapFS{tc.file: {Data: []byte(tc.src)}})
			start, end := partLines(base, tc.part)
			if start < 0 {
				t.Fatalf("no %q in the bundled page", tc.part)
			}
			before := strings.SplitAfter(string(base), "\n")
			after := strings.SplitAfter(string(page), "\n")
			tail := len(before) - end
			if len(after) < start+tail ||
				!slices.Equal(after[:start], before[:start]) ||
				!slices.Equal(after[len(after)-tail:], before[end:]) {
				t.Fatalf("the page changed outside %q:\n%s", tc.part, page)
			}
			if got := strings.Join(after[start:len(after)-tail], ""); got != tc.newPart {
				t.Errorf("part = %q, want %q", got, tc.newPart)
			}
		})
	}

	t.Run("non-template files are ignored", func(t *testing.T) {
		page := mustGenerate(t, c, fstest.MapFS{"README.md": {Data: []byte("# x")}})
		if !bytes.Equal(page, base) {
			t.Error("page changed")
		}
	})
}

// TestMarkdownOverrideErrors: a bad override file fails with its name.
func TestMarkdownOverrideErrors(t *testing.T) {
	c, err := catalog.Load("../../catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	errTests := []struct {
		name  string
		files fstest.MapFS
		want  string // in the error
	}{
		{"misspelt name", fstest.MapFS{"quickrefs.tmpl": {Data: []byte("x")}}, "quickrefs.tmpl"},
		{"parse error", fstest.MapFS{"error.tmpl": {Data: []byte("{{range}}")}}, "error.tmpl"},
		{"unknown field", fstest.MapFS{"sections.tmpl": {Data: []byte("{{.NoSuchField}}")}}, "NoSuchField"},
		{"part renders itself", fstest.MapFS{"sections.tmpl": {Data: []byte(`{{part "sections.tmpl" .}}`)}}, "nest deeper"},
		{"removed part", fstest.MapFS{"quickref.tmpl": {Data: []byte("## Q\n")}}, "quickref.tmpl is not one of the page's templates; they are envelope.tmpl, error.tmpl"},
		{"near miss", fstest.MapFS{"handlng.tmpl": {Data: []byte("## Q\n")}}, `handlng.tmpl is not one of the page's templates (did you mean "handling.tmpl"?); they are envelope.tmpl`},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(c, header, tc.files)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one naming %s", err, tc.want)
			}
		})
	}
}
