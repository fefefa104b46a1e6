package errgen

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/catalog"
)

// languagesCatalog speaks English, German and French.
const languagesCatalog = "testdata/languages/catalog.yaml"

// Generate returns the Markdown output as a page per language, the default
// language's first, named by PagePath after Options.PageName, else after
// docs.out, else errors.md; a catalog of one language has one page.
func TestGenerateLanguagePages(t *testing.T) {
	c := mustLoadCatalog(t, languagesCatalog)
	for _, tc := range []struct {
		pageName, docsOut string
		want              []string
	}{
		{"", "", []string{"errors.md", "errors.de.md", "errors.fr.md"}},
		{"", "docs/reference.md", []string{"reference.md", "reference.de.md", "reference.fr.md"}},
		{"api.md", "docs/reference.md", []string{"api.md", "api.de.md", "api.fr.md"}},
	} {
		c.Docs.Out = tc.docsOut
		files, err := Generate(c, Options{Outputs: []Output{OutputMarkdown}, PageName: tc.pageName})
		if err != nil {
			t.Fatal(err)
		}
		var paths, langs []string
		for _, f := range files {
			paths, langs = append(paths, f.Path), append(langs, f.Language)
		}
		if !slices.Equal(paths, tc.want) || !slices.Equal(langs, []string{"", "de", "fr"}) {
			t.Errorf("PageName %q, docs.out %q: pages %q in %q, want %q in [\"\" de fr]", tc.pageName, tc.docsOut, paths, langs, tc.want)
		}
		if link := "](" + tc.want[1] + ")"; !bytes.Contains(files[0].Data, []byte(link)) {
			t.Errorf("%s does not link %s", tc.want[0], tc.want[1])
		}
	}
	one := mustLoadCatalog(t, "testdata/presets/problem.yaml")
	files, err := Generate(one, Options{Outputs: []Output{OutputMarkdown}})
	if err != nil || len(files) != 1 || files[0].Language != "" || files[0].Path != "errors.md" {
		t.Errorf("a catalog of one language: %d Markdown files (%v)", len(files), err)
	}
}

// A catalog with languages declares Content-Language on every error
// response, by reference to one header component, in a document
// kin-openapi validates; the examples stay in the default language. A
// catalog of one language's document has no such header.
func TestOpenAPIContentLanguage(t *testing.T) {
	c := mustLoadCatalog(t, languagesCatalog)
	c.OpenAPI.DefaultResponse = true
	doc := loadValidOpenAPI(t, generated(t, c, OutputOpenAPI))
	h := doc.Components.Headers["ContentLanguage"]
	if h == nil || h.Value == nil || !strings.Contains(h.Value.Description, "en, de, fr") {
		t.Fatalf("components.headers.ContentLanguage: %+v", h)
	}
	checked := 0
	if len(doc.Components.Responses) < 2 {
		t.Fatalf("%d responses", len(doc.Components.Responses))
	}
	for name, r := range doc.Components.Responses {
		ref := r.Value.Headers["Content-Language"]
		if ref == nil || ref.Ref != "#/components/headers/ContentLanguage" {
			t.Errorf("response %s: Content-Language is %+v", name, ref)
		}
		for _, mt := range r.Value.Content {
			for code, ex := range mt.Examples {
				if checkDefaultLanguage(t, c, code, ex) {
					checked++
				}
			}
		}
	}
	if checked < len(c.Errors) {
		t.Errorf("%d examples checked, want one per error (%d)", checked, len(c.Errors))
	}
	one := loadValidOpenAPI(t, generated(t, mustLoadCatalog(t, "testdata/presets/problem.yaml"), OutputOpenAPI))
	if one.Components.Headers != nil {
		t.Errorf("a catalog of one language has header components: %v", one.Components.Headers)
	}
}

// checkDefaultLanguage checks that an example carries the error's title in
// the default language; false when it is no example of a catalog error.
func checkDefaultLanguage(t *testing.T, c *catalog.Catalog, code string, ex *openapi3.ExampleRef) bool {
	t.Helper()
	e := findError(c, code)
	body, ok := ex.Value.Value.(map[string]any)
	if e == nil || !ok {
		return false
	}
	if body["title"] != e.Title {
		t.Errorf("example %s: title %v, want %q", code, body["title"], e.Title)
	}
	return true
}
