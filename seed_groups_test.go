package errgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedGroupTexts are the seeds' texts about a group of errors, each right
// under the group's heading in the seed and on the example's page, where
// docs.groups puts it: before the group's first error, in none of their
// sections.
var seedGroupTexts = []struct {
	seed, example, heading, text string
}{
	{"001", "onestack", "400 Bad Request", "The request was malformed or failed validation."},
	{"001", "onestack", "401 Unauthorized", "Authentication credentials are missing or invalid."},
	{"001", "onestack", "403 Forbidden", "The authenticated user or key does not have permission for the requested action."},
	{"001", "onestack", "404 Not Found", "The requested resource does not exist, or the URL path is incorrect."},
	{"001", "onestack", "409 Conflict", "The request conflicts with the current state of a resource."},
	{"001", "onestack", "429 Too Many Requests", "The tenant has exceeded the rate limit."},
	{"001", "onestack", "500 Internal Server Error", "An unexpected error occurred on the server."},
	{"003", "scopestack", "OAuth Token Errors (POST /oauth/token)", "When requesting or refreshing a token, the response may include one of these error codes in the body:"},
}

// TestSeedGroupTexts checks that each seed's text about a group of errors
// sits under the group's heading in the seed, and is the example page's
// text under the same heading, said once: no error's section repeats it.
func TestSeedGroupTexts(t *testing.T) {
	for _, sg := range seedGroupTexts {
		if text, ok := readSeed(t, sg.seed); ok && !strings.Contains(plainText(text), plainText(sg.heading+"\n"+sg.text)) {
			t.Errorf("seed %s has no %q right under %q", sg.seed, sg.text, sg.heading)
		}
		page, err := os.ReadFile(filepath.Join("examples", sg.example, "errors.md"))
		if err != nil {
			t.Fatal(err)
		}
		if got := groupIntro(string(page), sg.heading); plainText(got) != plainText(sg.text) {
			t.Errorf("examples/%s: under ## %s: %q, want %q", sg.example, sg.heading, got, sg.text)
		}
		_, sections := exampleSections(t, sg.example)
		for anchor, s := range sections {
			if strings.Contains(plainText(s.text), plainText(sg.text)) {
				t.Errorf("examples/%s: the section of %s repeats its group's text %q", sg.example, anchor, sg.text)
			}
		}
	}
}

// groupIntro is the text of page between the h2 heading and the group's
// first error (its anchor), or the next h2; "" when there is no such
// heading.
func groupIntro(page, heading string) string {
	_, rest, ok := strings.Cut(page, "\n## "+heading+"\n") // no heading here has Markdown punctuation the page escapes
	if !ok {
		return ""
	}
	var intro strings.Builder
	for line := range strings.Lines(rest) {
		if anchorLine.MatchString(line) || strings.HasPrefix(line, "## ") {
			break
		}
		intro.WriteString(line)
	}
	return strings.TrimSpace(intro.String())
}
