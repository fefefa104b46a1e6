package interop

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// e2eCase is one error of the bundled catalog as the end-to-end test sees
// it: the example body of the components document, from which the server
// builds the error (apierrors.Parse) to write it (apierrors.Write).
type e2eCase struct {
	Code    string          `json:"code"`
	Status  int             `json:"status"`
	Body    json.RawMessage `json:"body"`
	Variant int             `json:"variant"` // its place in its response's oneOf; -1 when the response has one shape
}

// goImports are the import paths of the committed generated packages, by
// the names catalogs gives the catalogs.
var goImports = map[string]string{
	"bundled":            "github.com/errgen/errgen/generated/apierrors",
	"languages":          "github.com/errgen/errgen/testdata/languages/bookshoperrors",
	"preset-custom":      "github.com/errgen/errgen/testdata/presets/custom/customerrors",
	"preset-flat":        "github.com/errgen/errgen/testdata/presets/flat/flaterrors",
	"preset-jsonapi":     "github.com/errgen/errgen/testdata/presets/jsonapi/jsonapierrors",
	"preset-nested":      "github.com/errgen/errgen/testdata/presets/nested/nestederrors",
	"preset-oauth2":      "github.com/errgen/errgen/testdata/presets/oauth2/oauth2errors",
	"preset-problem":     "github.com/errgen/errgen/testdata/presets/problem/problemerrors",
	"example-generic":    "github.com/errgen/errgen/examples/generic/genericerrors",
	"example-onestack":   "github.com/errgen/errgen/examples/onestack/onestackerrors",
	"example-scopestack": "github.com/errgen/errgen/examples/scopestack/scopestackerrors",
	"example-stackone":   "github.com/errgen/errgen/examples/stackone/stackoneerrors",
}

// TestEndToEnd generates, for every shipped catalog, the oapi-codegen
// client (types, client) of its wrapped components document into the
// scratch module, and runs testdata/e2e/e2e_test.go there, its import of
// the generated package made the catalog's: a server writes every catalog
// error through the committed generated package's Write, and the generated
// client must decode each into the typed response of its status, with its
// code and details.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and builds a client")
	}
	src, err := os.ReadFile("testdata/e2e/e2e_test.go")
	if err != nil {
		t.Fatal(err)
	}
	s := newScratch(t)
	var pkgs []string
	for name, path := range catalogs(t) {
		imp, ok := goImports[name]
		if !ok {
			t.Fatalf("catalog %s has no generated package in goImports", name)
		}
		dir := "e2e-" + name
		writeEndToEnd(t, filepath.Join(s.dir, dir), path, imp, dir, src)
		pkgs = append(pkgs, "./"+dir)
	}
	out, err := s.goCmd(append([]string{"test", "-count=1", "-v"}, pkgs...)...)
	if err != nil {
		t.Errorf("the end-to-end test failed (%v); its output, FAIL lines first:\n%s\n%s", err, failLines(string(out)), firstLines(string(out), 400))
	} else if testing.Verbose() {
		t.Logf("%s", out)
	}
}

// writeEndToEnd writes into dir the end-to-end test of the catalog at
// path, whose generated package is imp, and the oapi-codegen client of its
// wrapped components document.
func writeEndToEnd(t *testing.T, dir, path, imp, pkgDir string, src []byte) {
	t.Helper()
	c, doc := components(t, path)
	wrapped := wrap(t, c, doc)
	cases := examples(t, wrapped)
	if len(cases) != len(c.Errors) {
		t.Fatalf("%s: %d example bodies for %d errors", path, len(cases), len(c.Errors))
	}
	if err := os.MkdirAll(filepath.Join(dir, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	specFile := filepath.Join(dir, "openapi.yaml")
	write(t, specFile, wrapped)
	casesJSON, err := json.MarshalIndent(cases, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "cases.json"), casesJSON)
	test := strings.NewReplacer(
		`"github.com/errgen/errgen/generated/apierrors"`, "apierrors "+strconv.Quote(imp),
		`"interopscratch/e2e/api"`, strconv.Quote("interopscratch/"+pkgDir+"/api"),
	).Replace(string(src))
	write(t, filepath.Join(dir, "e2e_test.go"), []byte(test))
	client := generator{"oapi-codegen", func(specFile, dir string) []string {
		return []string{"oapi-codegen", "-generate", "types,client", "-package", "api",
			"-o", filepath.Join(dir, "api.gen.go"), specFile}
	}}
	if err := runTool(client.args(specFile, filepath.Join(dir, "api"))); err != nil {
		t.Fatalf("%s: %s", path, firstLines(err.Error(), 30))
	}
}

var failLine = regexp.MustCompile(`(?m)^\s*--- FAIL: .*$`)

func failLines(out string) string {
	return strings.Join(failLine.FindAllString(out, -1), "\n")
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// examples reads, from the wrapped spec, every response's example bodies
// (one per code, named by the code) and, for a response with several shapes,
// which oneOf member is the code's (by its title).
func examples(t *testing.T, spec []byte) []e2eCase {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Ref string `yaml:"$ref"`
			} `yaml:"responses"`
		} `yaml:"paths"`
		Components struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						OneOf []struct {
							Title string `yaml:"title"`
						} `yaml:"oneOf"`
					} `yaml:"schema"`
					Examples map[string]struct {
						Value any `yaml:"value"`
					} `yaml:"examples"`
				} `yaml:"content"`
			} `yaml:"responses"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		t.Fatal(err)
	}
	var cases []e2eCase
	for _, op := range doc.Paths["/errors/{code}"] {
		for key, r := range op.Responses {
			status, err := strconv.Atoi(key)
			if err != nil {
				continue // "default": the fallback is also under its own status
			}
			name := strings.TrimPrefix(r.Ref, "#/components/responses/")
			for _, content := range doc.Components.Responses[name].Content {
				for code, ex := range content.Examples {
					body, err := json.Marshal(ex.Value)
					if err != nil {
						t.Fatalf("%s: %v", code, err)
					}
					variant := -1
					for i, m := range content.Schema.OneOf {
						if m.Title == code {
							variant = i
						}
					}
					if len(content.Schema.OneOf) > 0 && variant < 0 {
						t.Fatalf("response %s: no oneOf member is titled %s", name, code)
					}
					cases = append(cases, e2eCase{Code: code, Status: status, Body: body, Variant: variant})
				}
			}
		}
	}
	return cases
}
