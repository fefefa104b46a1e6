package catalog_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// TestMissingRegionalFileSaysWhatItReads: the warning of a regional
// language without a file names the files its texts are read from, the
// nearest first, as Inherited takes them: not a shorter tag listed
// without a file (zh-Hant-TW reads zh.yaml where zh-Hant.yaml is missing),
// and every one that has a file.
func TestMissingRegionalFileSaysWhatItReads(t *testing.T) {
	const zh = "language: zh\nerrors:\n  INTERNAL: {title: 内部错误}\n"
	const hant = "language: zh-Hant\nerrors:\n  INTERNAL: {title: 內部錯誤}\n"
	for _, tt := range []struct {
		name  string
		files []string // beside catalog.yaml: of zh.yaml and zh-Hant.yaml
		want  string   // zh-Hant-TW's warning
	}{
		{"none", nil, `every text reads in en (`},
		{"zh alone", []string{"zh"}, `every text reads in zh where translations/zh.yaml gives it, else in en (`},
		{"zh-Hant alone", []string{"zh-Hant"}, `every text reads in zh-Hant where translations/zh-Hant.yaml gives it, else in en (`},
		{"both", []string{"zh", "zh-Hant"}, `every text reads in zh-Hant where translations/zh-Hant.yaml gives it, then in zh where translations/zh.yaml does, else in en (`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := catalog.MemFiles{"catalog.yaml": []byte("version: 1\napi: A\nformat: flat\nlanguages: [zh-Hant-TW, zh-Hant, zh]\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n")}
			for _, lang := range tt.files {
				files[catalog.TranslationFile(lang)] = []byte(map[string]string{"zh": zh, "zh-Hant": hant}[lang])
			}
			c, err := catalog.LoadFiles(files, "catalog.yaml")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range c.Warnings.Items {
				if strings.Contains(w.Msg, `"zh-Hant-TW" has no translation file`) {
					got = append(got, w.Msg)
				}
			}
			if len(got) != 1 || !strings.Contains(got[0], tt.want) {
				t.Errorf("zh-Hant-TW's warnings %q, want one saying %q", got, tt.want)
			}
		})
	}
}

// TestRegionalSetAsideSaysWhatItReads: a stale es-MX message the catalog
// broke (its {resource} renamed {item}) is set aside, and es-MX clients
// read es.yaml's message, which follows the catalog: the warning says so,
// where it said the message read in English. A language with no shorter
// tag served, or with none that has its file, keeps the English wording.
func TestRegionalSetAsideSaysWhatItReads(t *testing.T) {
	const cat = "version: 1\napi: A\nformat: flat\nlanguages: [%s]\nerrors:\n" +
		"  - code: NOT_FOUND\n    status: 404\n    message: \"{item} was not found\"\n    details: [{name: item, type: string, required: true}]\n" +
		"  - {code: INTERNAL, status: 500, fallback: true}\n"
	const es = "language: es\nerrors:\n  NOT_FOUND: {message: \"{item} no encontrado\"}\n"
	const mx = "language: es-MX\nerrors:\n  NOT_FOUND: {source: 0000beef, message: \"No se encontró {resource}\"}\n"
	for _, tt := range []struct {
		languages   string
		wantReads   string
		wantMessage string
	}{
		{"es, es-MX", "so the message reads in es where translations/es.yaml gives it, else in en, until it is translated again", "{item} no encontrado"},
		{"es-MX, es", "so the message reads in es where translations/es.yaml gives it, else in en, until it is translated again", "{item} no encontrado"},
		{"es-MX", "so the message reads in en until it is translated again", "{item} was not found"},
		// es served without a file: es-MX reads nothing of it, and the
		// hint named a translations/es.yaml that is not there
		{"es-MX, es (no file)", "so the message reads in en until it is translated again", "{item} was not found"},
		{"es (no file), es-MX", "so the message reads in en until it is translated again", "{item} was not found"},
	} {
		t.Run(tt.languages, func(t *testing.T) {
			languages := strings.ReplaceAll(tt.languages, " (no file)", "")
			files := catalog.MemFiles{"catalog.yaml": fmt.Appendf(nil, cat, languages), "translations/es-MX.yaml": []byte(mx)}
			if strings.Contains(tt.languages, "es,") || strings.HasSuffix(tt.languages, " es") {
				files["translations/es.yaml"] = []byte(es)
			}
			c, err := catalog.LoadFiles(files, "catalog.yaml")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range c.Warnings.Items {
				if w.Pos.File == "translations/es-MX.yaml" && strings.Contains(w.Msg, "{resource}") {
					got = append(got, w.Msg+w.Hint)
				}
			}
			if len(got) != 1 || !strings.Contains(got[0], tt.wantReads) {
				t.Errorf("es-MX's warnings %q, want one saying %q", got, tt.wantReads)
			}
			if m := c.In("es-MX").Errors[0].Message.Source; m != tt.wantMessage {
				t.Errorf("es-MX reads %q, want %q", m, tt.wantMessage)
			}
		})
	}
}
