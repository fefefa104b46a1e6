package catalog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/diag"
)

func TestLoadRefusesOversizedCatalog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	big := append([]byte("version: 1\napi: Big\ndescription: "), bytes.Repeat([]byte("x"), MaxSize)...)
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	var probs *diag.List
	if !errors.As(err, &probs) || !strings.Contains(err.Error(), "catalog.yaml:1:1: catalog is larger than 16 MiB (catalog.MaxSize): trim long texts, or split the API's errors into several catalogs") {
		t.Fatalf("Load = %v, want the size limit", err)
	}
}

// Translation files are bounded together (MaxTranslationsSize), the own
// language's page words included: past the budget, the file that takes
// the catalog over it is refused by its name, before it is decoded.
func TestLoadRefusesOversizedTranslations(t *testing.T) {
	root := []byte("version: 1\napi: Big\nlanguage: es\nlanguages: [de, fr]\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")
	// a file that fails on its first byte, so the budget costs no decoding
	half := append([]byte("@ "), bytes.Repeat([]byte("x"), MaxTranslationsSize/2)...)
	tests := map[string]struct {
		files MemFiles
		want  string
	}{
		"one file": {MemFiles{"translations/de.yaml": append(half, half...)},
			"translations/de.yaml:1:1: translation files are larger than 64 MiB together: trim long texts"},
		"two files": {MemFiles{"translations/de.yaml": half, "translations/fr.yaml": half},
			"translations/fr.yaml:1:1: translation files are larger than 64 MiB together: trim long texts"},
		"page words": {MemFiles{"translations/de.yaml": half, "translations/fr.yaml": half[:len(half)/2], "translations/es.yaml": half[:len(half)/2+64]},
			"translations/es.yaml:1:1: translation files are larger than 64 MiB together: trim long texts"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tt.files["catalog.yaml"] = root
			_, err := LoadFiles(tt.files, "catalog.yaml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("LoadFiles = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Load = %v, want not-exist", err)
	}
}

func TestLoadBundledCatalog(t *testing.T) {
	c, err := Load("../catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	nf := c.Errors[6]
	if nf.Code != "NOT_FOUND" || nf.Name != "NotFound" || nf.Anchor != "not-found" ||
		nf.DocsLink != "https://docs.onestack.example/errors#not-found" || nf.Title != "Not Found" {
		t.Errorf("NOT_FOUND normalized to %+v", nf)
	}
	if d := nf.Detail("resourceId"); d == nil || d.GoName != "ResourceID" || !d.Required {
		t.Errorf("resourceId detail = %+v", d)
	}
	if c.Fallback == nil || c.Fallback.Code != "INTERNAL_ERROR" {
		t.Errorf("fallback = %v", c.Fallback)
	}
	if len(c.Envelopes) != 1 || c.Envelopes[0].Name != "flat" {
		t.Errorf("envelopes = %v", c.Envelopes)
	}
}

func TestGoName(t *testing.T) {
	tests := map[string]string{
		"INVALID_JSON": "InvalidJSON", "invalid_grant": "InvalidGrant", "resourceId": "ResourceID",
		"NOT_FOUND": "NotFound", "not-found": "NotFound", "auth.required": "AuthRequired",
		"HTTPStatus": "HTTPStatus", "retry_after": "RetryAfter", "E00012_FAILED": "E00012Failed",
		"apiKey": "APIKey", "url": "URL", "x": "X",
	}
	for in, want := range tests {
		if got := GoName(in); got != want {
			t.Errorf("GoName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Kebab("RATE_LIMIT_EXCEEDED"); got != "rate-limit-exceeded" {
		t.Errorf("Kebab = %q", got)
	}
}

// FuzzLoad feeds any bytes to Parse: it returns a catalog or problems,
// never panics, and problems always carry a position.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/bad/*.txtar")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err == nil {
			f.Add(data)
		}
	}
	for _, p := range []string{"../catalog.yaml", "../testdata/presets/custom.yaml", "../testdata/presets/problem.yaml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data)
		if err == nil {
			if c == nil || len(c.Errors) == 0 || c.Fallback == nil {
				t.Fatalf("valid catalog without errors or fallback: %+v", c)
			}
			return
		}
		var probs *diag.List
		if !errors.As(err, &probs) || len(probs.Items) == 0 {
			t.Fatalf("error %v is not a list of problems", err)
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "fuzz.yaml:") {
				t.Fatalf("problem without position: %q", line)
			}
		}
	})
}
