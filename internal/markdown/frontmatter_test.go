package markdown

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/templates"
)

// TestFrontMatter: a page.tmpl that opens with front matter, as static site
// generators want it (Hugo, Jekyll: on the file's first line), gets it on the
// page's first line, errgen's marker below it, and its lines as written, a long
// one too: it is YAML or TOML, not prose to wrap.
func TestFrontMatter(t *testing.T) {
	c, err := catalog.Load("../../catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bundled, err := templates.FS.ReadFile("page.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	long := "description: " + strings.Repeat("every error the API sends, ", 5) + "with how to handle it"
	marker := "<!-- " + header + " -->\n\n"
	tests := []struct {
		name, front, want string
	}{
		{"yaml", "---\n" + long + "\n\ntitle: Errors\n---\n\n", "---\n" + long + "\n\ntitle: Errors\n---\n" + marker + "<!-- markdownlint"},
		{"yaml without a blank line", "---\nweight: 40\n---\n", "---\nweight: 40\n---\n" + marker + "<!-- markdownlint"},
		{"toml", "+++\ntitle = \"Errors\"\n+++\n\n", "+++\ntitle = \"Errors\"\n+++\n" + marker + "<!-- markdownlint"},
		// not front matter: a rule further down, or one never closed
		{"not on the first line", "\n---\ntitle: Errors\n---\n\n", marker + "\n---\ntitle: Errors\n---"},
		{"never closed", "---\ntitle: Errors\n\n", marker + "---\ntitle: Errors\n\n<!-- markdownlint"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := mustGenerate(t, c, fstest.MapFS{"page.tmpl": {Data: append([]byte(tc.front), bundled...)}})
			if !strings.HasPrefix(string(page), tc.want) {
				t.Errorf("the page starts\n%q\nwant\n%q", page[:min(len(page), len(tc.want)+40)], tc.want)
			}
			if n := FrontMatterLen(page); strings.HasPrefix(tc.want, "<!--") != (n == 0) {
				t.Errorf("FrontMatterLen = %d", n)
			}
		})
	}
}
