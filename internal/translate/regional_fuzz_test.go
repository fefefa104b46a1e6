package translate

import (
	"bytes"
	"maps"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// FuzzRegionalSkeleton runs errgen translate for each language of a
// catalog served in some of zh-Hant-TW, zh-Hant and zh
// (catalogtest.NewRegional) and holds what it writes to the model of RFC
// 4647's lookup: it asks for exactly the texts no file of the language's
// chain gives, and those its own file translates, whose bytes it keeps;
// run again on what it wrote, it writes the same bytes.
func FuzzRegionalSkeleton(f *testing.F) {
	catalogtest.AddRegionalSeeds(f)
	f.Fuzz(func(t *testing.T, serve uint8, gives uint64) {
		r := catalogtest.NewRegional(t, serve, gives)
		for _, lang := range r.Served {
			name := catalog.TranslationFile(lang)
			res, err := Update(r.C, lang, r.Files[name], Options{})
			if err != nil {
				t.Fatalf("translate %s: %v", lang, err)
			}
			checkAsked(t, r, lang, res.File)
			if !subsequence(string(r.Files[name]), string(res.File)) {
				t.Errorf("translate %s did not keep the file's bytes in order:\n%s\nwrote:\n%s", lang, r.Files[name], res.File)
			}
			files := maps.Clone(r.Files)
			files[name] = res.File
			again, err := catalog.LoadFiles(files, "catalog.yaml")
			if err != nil {
				t.Fatalf("the catalog with what translate %s wrote: %v\n%s", lang, err, res.File)
			}
			if res2, err := Update(again, lang, res.File, Options{}); err != nil || !bytes.Equal(res2.File, res.File) {
				t.Errorf("translate %s again: %v\n%s\nwant it as it was:\n%s", lang, err, res2.File, res.File)
			}
		}
		if t.Failed() {
			t.Logf("files:\n%s", r.Files)
		}
	})
}

// checkAsked holds the file translate wrote for lang to the model: each
// text is in it exactly when the file translated it before (with its own
// bytes) or no file of lang's chain gives it. Troubleshooting is asked
// for whole: both cells of its row, when either is asked, for a row that
// lacks one reads it in another language.
func checkAsked(t *testing.T, r *catalogtest.Regional, lang string, file []byte) {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(file, &doc); err != nil {
		t.Fatalf("translate %s wrote no YAML: %v\n%s", lang, err, file)
	}
	own := func(j int) bool { return r.HasFile[lang] && r.Gives[lang][j] }
	asked := func(j int) bool { return own(j) || r.Reads(lang, j) == "" }
	for j, path := range []string{
		"description", "categories.lookup", "page.causes",
		"errors.NOT_FOUND.title", "errors.NOT_FOUND.message", "errors.NOT_FOUND.description",
		"errors.NOT_FOUND.causes", "errors.NOT_FOUND.remediation",
		"errors.NOT_FOUND.troubleshooting.0.check", "errors.NOT_FOUND.troubleshooting.0.solution",
		"errors.NOT_FOUND.details.resource.description", "errors.NOT_FOUND.details.kind.enum.book",
		"errors.CONFLICT.title", "errors.CONFLICT.message",
	} {
		want := asked(j)
		switch j {
		case 2: // a page word is asked for only with Options.Words
			want = own(j)
		case 8, 9:
			want = asked(8) || asked(9)
		}
		value, got := lookupPath(doc, path)
		if got != want {
			t.Errorf("translate %s: %s (text %d) written: %v, want %v\n%s", lang, path, j, got, want, file)
			continue
		}
		if own(j) && !strings.Contains(yamlText(value), r.FileText(lang, j)) {
			t.Errorf("translate %s: %s reads %v, want the file's %q\n%s", lang, path, value, r.FileText(lang, j), file)
		}
	}
}

// lookupPath finds the value at a dotted path of maps; "0" is the first
// item of a list.
func lookupPath(doc map[string]any, path string) (any, bool) {
	var v any = doc
	for _, key := range strings.Split(path, ".") {
		if list, ok := v.([]any); ok && key == "0" && len(list) > 0 {
			v = list[0]
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[key]; !ok {
			return nil, false
		}
	}
	return v, true
}

// yamlText is a scalar or list value as text.
func yamlText(v any) string {
	if list, ok := v.([]any); ok && len(list) > 0 {
		v = list[0]
	}
	s, _ := v.(string)
	return s
}
