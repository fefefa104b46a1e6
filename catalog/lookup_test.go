package catalog_test

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// A regional language reads each text its own file leaves out from the
// file of its nearest shorter tag the catalog serves, as RFC 4647's lookup
// does (es-MX from es; zh-Hant-TW from zh-Hant, then zh), and only then
// in the default language; a regional tag whose shorter tags are not
// served (de-CH without de) reads the default language. Only what no file
// of the chain gives is untranslated, and warned of. es-MX took English
// for every text es-MX.yaml left out, though es.yaml had it in Spanish.
func TestRegionalLookup(t *testing.T) {
	c, err := catalog.Load("testdata/regional/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type texts struct {
		title, message, causes, detail string
		untranslated                   []string
	}
	for _, tt := range []struct {
		lang, description, category string
		notFound, internal          texts
	}{
		{"es-MX", "Errores de la API.", "búsqueda",
			texts{"No se encontró", "{resource} no encontrado", "Un error en el id.", "Lo que se buscó.", nil},
			texts{"Error interno", "Something went wrong on our side.", "", "", []string{"message"}}},
		{"zh-Hant-TW", "Errors of the Shop API.", "lookup",
			texts{"未找到 (zh)", "{resource} 未找到 (zh-Hant)", "A typo in the id.", "What was looked for.", []string{"description", "causes", "details"}},
			texts{"內部錯誤 (TW)", "Something went wrong on our side.", "", "", []string{"message"}}},
		{"zh-Hant", "Errors of the Shop API.", "lookup",
			texts{"未找到 (zh)", "{resource} 未找到 (zh-Hant)", "A typo in the id.", "What was looked for.", []string{"description", "causes", "details"}},
			texts{"Internal error", "Something went wrong on our side.", "", "", []string{"title", "message"}}},
		{"de-CH", "Errors of the Shop API.", "lookup",
			texts{"Not found", "{resource} was not found", "A typo in the id.", "What was looked for.", []string{"title", "message", "description", "causes", "details"}},
			texts{"Interner Fehler", "Something went wrong on our side.", "", "", []string{"message"}}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			lc := c.In(tt.lang)
			if lc.Description != tt.description || lc.Errors[0].Category != tt.category {
				t.Errorf("description %q, category %q; want %q, %q", lc.Description, lc.Errors[0].Category, tt.description, tt.category)
			}
			for i, want := range []texts{tt.notFound, tt.internal} {
				e := lc.Errors[i]
				got := texts{title: e.Title, message: e.Message.Source, untranslated: e.Untranslated}
				if len(e.Causes) > 0 {
					got.causes = e.Causes[0]
				}
				if len(e.Details) > 0 {
					got.detail = e.Details[0].Description
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n got %+v\nwant %+v", e.Code, got, want)
				}
			}
		})
	}
	var warned []string
	for _, w := range c.Warnings.Items {
		if strings.Contains(w.Pos.File, "es-MX") {
			warned = append(warned, w.Msg)
		}
	}
	want := []string{`not fully translated into es-MX: 1 of 2 errors (INTERNAL_ERROR): the texts left "" read in en (fill them in; errgen translate es-MX adds those the file lacks)`}
	if !reflect.DeepEqual(warned, want) {
		t.Errorf("es-MX warnings:\n%s\nwant:\n%s", strings.Join(warned, "\n"), strings.Join(want, "\n"))
	}
}

// An inherited text stale in its file is that file's to report: es.yaml
// warns of its stale entry, and es-MX, which reads it, does not warn of
// it again. An es-MX without a file reads es's texts, and its warning says
// so, where it said every text read in English.
func TestRegionalLookupStaleAndMissing(t *testing.T) {
	files := catalog.MemFiles{}
	for _, name := range []string{"catalog.yaml", "translations/es.yaml", "translations/es-MX.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata/regional", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	files["catalog.yaml"] = []byte(strings.Replace(string(files["catalog.yaml"]), "[es-MX, es, zh, zh-Hant, zh-Hant-TW, de-CH]", "[es-MX, es]", 1))
	files["translations/es.yaml"] = []byte(strings.Replace(string(files["translations/es.yaml"]), "1258a509", "0000beef", 1))
	for _, tt := range []struct {
		name      string
		mx        bool
		wantMX    string
		wantTitle string
	}{
		{"with es-MX.yaml", true, `not fully translated into es-MX: 1 of 2 errors (INTERNAL_ERROR)`, "No se encontró"},
		{"without es-MX.yaml", false, `languages: "es-MX" has no translation file translations/es-MX.yaml: every text reads in es where translations/es.yaml gives it, else in en (errgen translate es-MX writes it)`, "No encontrado"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := maps.Clone(files)
			if !tt.mx {
				delete(fs, "translations/es-MX.yaml")
			}
			c, err := catalog.LoadFiles(fs, "catalog.yaml")
			if err != nil {
				t.Fatal(err)
			}
			var mx, stale []string
			for _, w := range c.Warnings.Items {
				if strings.Contains(w.Msg, "stale") {
					stale = append(stale, w.Pos.File)
				}
				if strings.Contains(w.Msg, "es-MX") {
					mx = append(mx, w.Msg)
				}
			}
			if !reflect.DeepEqual(stale, []string{"translations/es.yaml"}) {
				t.Errorf("stale warned in %q, want translations/es.yaml alone", stale)
			}
			if len(mx) != 1 || !strings.HasPrefix(mx[0], tt.wantMX) {
				t.Errorf("es-MX warnings %q, want one starting %q", mx, tt.wantMX)
			}
			if e := c.In("es-MX").Errors[0]; e.Title != tt.wantTitle || e.Message.Source != "{resource} no encontrado" || len(e.Untranslated) > 0 {
				t.Errorf("es-MX NOT_FOUND: %q %q untranslated %q", e.Title, e.Message.Source, e.Untranslated)
			}
		})
	}
}

// regionalBesideDE is testdata/languages served in de-CH too, from a
// de-CH.yaml that translates nothing of its own.
func regionalBesideDE(t *testing.T) *catalog.Catalog {
	return catalogtest.LanguagesAlsoDECH(t, catalog.MemFiles{"translations/de-CH.yaml": []byte("language: de-CH\n")})
}

// Every text In replaces (the description, docs' title, sections and
// providers, categories, each error's texts, details, enum values, fields,
// troubleshooting and deprecation reasons, the retired codes' reasons)
// reads in de-CH as in de when de-CH.yaml gives none of them, and as
// untranslated only where de leaves it so.
func TestRegionalInheritsEveryText(t *testing.T) {
	c := regionalBesideDE(t)
	de, ch := c.In("de"), c.In("de-CH")
	if ch.Reading != "de-CH" {
		t.Errorf("Reading %q", ch.Reading)
	}
	for _, part := range []struct {
		name   string
		de, ch any
	}{
		{"description", de.Description, ch.Description},
		{"docs", de.Docs, ch.Docs},
		{"errors", de.Errors, ch.Errors},
		{"retired", de.Retired, ch.Retired},
		{"fallback", de.Fallback, ch.Fallback},
	} {
		if !reflect.DeepEqual(part.de, part.ch) {
			t.Errorf("%s in de-CH:\n%+v\nin de:\n%+v", part.name, part.ch, part.de)
		}
	}
	if de.Description == c.Description || de.Docs.Sections[0].Title == "" {
		t.Fatal("testdata/languages' de translates no description: the test tests nothing")
	}
}

// ShorterTags truncates as RFC 4647 §3.4's lookup does: a subtag at a
// time, a singleton left last dropped with the subtag after it, and a
// singleton left alone dropped too.
func TestShorterTags(t *testing.T) {
	for _, tt := range []struct {
		tag  string
		want []string
	}{
		{"de", nil},
		{"de-CH", []string{"de"}},
		{"zh-Hant-TW", []string{"zh-Hant", "zh"}},
		{"pt-BR-x-priv", []string{"pt-BR", "pt"}},
		{"de-CH-1996", []string{"de-CH", "de"}},
		{"en-a-bbb-x-a-ccc", []string{"en-a-bbb", "en"}},
		// A private-use tag, which a catalog may serve (languages:
		// [x-priv]), leaves no tag once its last subtag goes: the lone
		// singleton x is none, and lookup goes to the default language.
		{"x-priv", nil},
		{"x-priv-b", []string{"x-priv"}},
		{"x-a-b", nil},
		{"de-x-priv", []string{"de"}},
		{"i-klingon", nil},
	} {
		if got := catalog.ShorterTags(tt.tag); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ShorterTags(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}
