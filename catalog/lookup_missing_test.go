package catalog_test

import (
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
