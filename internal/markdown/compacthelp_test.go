package markdown

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown/markdowntest"
)

// An error's help links (catalog.md: "links for people: on the docs page")
// are on the page in either layout. The compact layout left them out, so a
// catalog written for it published its support links nowhere.
func TestHelpLinksInEveryLayout(t *testing.T) {
	for _, layout := range []string{catalog.LayoutFull, catalog.LayoutCompact} {
		t.Run(layout, func(t *testing.T) {
			c, err := catalog.Parse("help.yaml", []byte(`version: 1
api: Pagos
docs: {layout: `+layout+`}
errors:
  - code: SUSPENDED
    status: 403
    help:
      - {description: Contact support, url: "https://support.example.com/suspended"}
      - {url: "https://status.example.com"}
  - {code: OOPS, status: 500, fallback: true}
`))
			if err != nil {
				t.Fatal(err)
			}
			page := string(mustGenerate(t, c, nil))
			for _, want := range []string{"**Help:**", "<https://support.example.com/suspended> Contact support", "<https://status.example.com>"} {
				if !strings.Contains(page, want) {
					t.Errorf("no %q on the page:\n%s", want, page)
				}
			}
			markdowntest.CheckLint(t, []byte(page))
		})
	}
}
