package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const translatedCatalog = `version: 1
api: Shop API
languages: [de]
errors:
  - {code: NOT_FOUND, status: 404, title: Not found, message: Nothing here}
  - {code: INTERNAL, status: 500, fallback: true}
`

// errgen translate writes a language's file, then finds it up to date; a
// new text in the catalog makes --check fail and a run add it, keeping the
// translator's bytes; a file of a language not listed, or of the catalog's
// own, is refused.
func TestTranslateCommand(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), translatedCatalog)
	de := filepath.Join("translations", "de.yaml")
	code, stdout, stderr := runIn(t, dir, "translate", "de")
	if code != exitOK || stdout != "errgen: wrote "+de+": 3 texts to translate in 2 entries\n" || stderr != "" {
		t.Fatalf("first run: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	written := string(mustRead(t, filepath.Join(dir, de)))
	if !strings.Contains(written, "  NOT_FOUND:\n    source: ") || !strings.Contains(written, "    # en: Nothing here\n    message: \"\"\n") {
		t.Errorf("the new file:\n%s", written)
	}
	for _, args := range [][]string{{"translate", "de"}, {"translate", "de", "catalog.yaml", "--check"}} {
		if code, stdout, stderr := runIn(t, dir, args...); code != exitOK || stdout != "errgen: "+de+" is up to date\n" || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	translated := strings.Replace(written, "    message: \"\"", "    message: Hier ist nichts   # so", 1)
	writeFile(t, filepath.Join(dir, de), translated)
	writeFile(t, filepath.Join(dir, "catalog.yaml"), strings.Replace(translatedCatalog, "message: Nothing here}", "message: Nothing here, description: Gone.}", 1))
	if code, _, stderr := runIn(t, dir, "translate", "de", "--check"); code != exitFailure || !strings.Contains(stderr, "is not up to date: 1 text to translate in 1 entry, 1 marked stale; run errgen translate de") {
		t.Errorf("--check on a changed catalog: exit %d, stderr %q", code, stderr)
	}
	if got := string(mustRead(t, filepath.Join(dir, de))); got != translated {
		t.Errorf("--check wrote the file")
	}
	if code, stdout, _ := runIn(t, dir, "translate", "de"); code != exitOK || !strings.Contains(stdout, "1 text to translate in 1 entry, 1 marked stale") {
		t.Errorf("a changed catalog: exit %d, stdout %q", code, stdout)
	}
	updated := string(mustRead(t, filepath.Join(dir, de)))
	if !strings.Contains(updated, "    message: Hier ist nichts   # so\n") || !strings.Contains(updated, "# stale:") || !strings.Contains(updated, "# en: Gone.\n    description: \"\"") {
		t.Errorf("the updated file:\n%s", updated)
	}
	// The English changes again: the entry is stale already, and only the
	// source text above the translation changes.
	writeFile(t, filepath.Join(dir, "catalog.yaml"), strings.Replace(translatedCatalog, "message: Nothing here}", "message: Nothing at all here, description: Gone.}", 1))
	if code, stdout, _ := runIn(t, dir, "translate", "de"); code != exitOK || stdout != "errgen: wrote "+de+": the source texts above its entries brought up to date\n" {
		t.Errorf("a stale entry's text changed again: exit %d, stdout %q", code, stdout)
	}
	if got := string(mustRead(t, filepath.Join(dir, de))); !strings.Contains(got, "    # en: Nothing at all here\n    message: Hier ist nichts   # so\n") {
		t.Errorf("the file after the second change:\n%s", got)
	}
	if code, _, stderr := runIn(t, dir, "translate"); code != exitUsage || !strings.Contains(stderr, "translate needs the language") {
		t.Errorf("no language: exit %d, stderr %q", code, stderr)
	}
}

// errgen translate of a language the catalog does not list says what to
// write instead: the catalog's own language needs no translation (adding
// it to languages is refused), a tag in another case names the language it
// spells (the own language's too, when errgen translate writes its page
// words), one that is no canonical BCP 47 tag is told how to write it, and
// any other is to be added to languages.
func TestTranslateNotALanguage(t *testing.T) {
	const alone = "version: 1\napi: Shop API\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	for _, tt := range []struct {
		name, catalog, lang, want string
	}{
		{"not listed", translatedCatalog, "fr", "errgen: fr is not among the languages of catalog.yaml (de): add it to languages: first\n"},
		{"own language", translatedCatalog, "en", "errgen: en is the language of catalog.yaml itself (language: en): its texts are the catalog's own, and errgen bundles its page's words; translate into one of its languages (de)\n"},
		{"own language in another case", translatedCatalog, "EN", "errgen: EN is the language of catalog.yaml itself (language: en): its texts are the catalog's own; translate into one of its languages (de)\n"},
		{"own language, no others", alone, "en", "errgen: en is the language of catalog.yaml itself (language: en): its texts are the catalog's own, and errgen bundles its page's words; add the languages to translate it into to languages: first\n"},
		{"another case", translatedCatalog, "DE", "errgen: DE is not among the languages of catalog.yaml (de): did you mean de?\n"},
		{"none listed", alone, "de", "errgen: de is not among the languages of catalog.yaml (none besides en): add it to languages: first\n"},
		// a tag languages would refuse is not one to add to it as written
		{"not canonical", translatedCatalog, "de_CH", "errgen: de_CH is not among the languages of catalog.yaml (de), and \"de_CH\" is not in its canonical form: write \"de-CH\"\n"},
		{"no language", translatedCatalog, "x!", "errgen: x! is not among the languages of catalog.yaml (de), and \"x!\" is not a BCP 47 language tag: use one such as de, fr or pt-BR\n"},
		// es bundles no page words, which errgen translate es writes
		{"own unbundled language in another case", strings.Replace(alone, "api: Shop API\n", "api: Shop API\nlanguage: es\n", 1), "ES",
			"errgen: ES is the language of catalog.yaml itself (language: es), whose page's words errgen translate es writes: did you mean es?\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "catalog.yaml"), tt.catalog)
			code, stdout, stderr := runIn(t, dir, "translate", tt.lang)
			if code != exitFailure || stdout != "" || stderr != tt.want {
				t.Errorf("exit %d, stdout %q, stderr %q, want %q", code, stdout, stderr, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "translations")); !os.IsNotExist(err) {
				t.Errorf("translations/ was created: %v", err)
			}
		})
	}
}

// errgen translate --check names the command that brings the file up to
// date as errgen was invoked, with the catalog it was given.
func TestTranslateCheckNamesCommand(t *testing.T) {
	for _, tt := range []struct {
		prog string
		args []string
		want string
	}{
		{"errgen", []string{"translate", "de", "--check"}, "run errgen translate de\n"},
		{"go tool errgen", []string{"translate", "--check", "de"}, "run go tool errgen translate de\n"},
		{"go tool errgen", []string{"translate", "de", "api/catalog.yaml", "--check"}, "run go tool errgen translate de api/catalog.yaml\n"},
		{"./errgen", []string{"translate", "--catalog", "api/catalog.yaml", "de", "--check=true"}, "run ./errgen translate --catalog api/catalog.yaml de\n"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "catalog.yaml"), translatedCatalog)
			writeFile(t, filepath.Join(dir, "api", "catalog.yaml"), translatedCatalog)
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(wd)
			var stdout, stderr strings.Builder
			if code := runAs(tt.prog, tt.args, &stdout, &stderr); code != exitFailure || !strings.HasSuffix(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q, want 1 and one ending %q", code, stderr.String(), tt.want)
			}
		})
	}
}

// errgen validate prints warnings and passes; --strict fails on them.
func TestValidateStrict(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), translatedCatalog)
	code, stdout, stderr := runIn(t, dir, "validate")
	if code != exitOK || !strings.Contains(stdout, "is valid") || !strings.HasPrefix(stderr, "catalog.yaml:3:13: warning: languages: \"de\" has no translation file") {
		t.Errorf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, dir, "validate", "--strict")
	if code != exitFailure || stdout != "" || !strings.HasSuffix(stderr, "errgen: catalog.yaml: 1 warning, which --strict makes errors\n") {
		t.Errorf("validate --strict: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, _ := runIn(t, dir, "translate", "de"); code != exitOK {
		t.Fatal("translate failed")
	}
	// Untranslated still: a warning for the file.
	if code, _, stderr := runIn(t, dir, "validate", "--strict"); code != exitFailure || !strings.Contains(stderr, "warning: not fully translated into de: 2 of 2 errors") {
		t.Errorf("validate --strict, untranslated: exit %d, stderr %q", code, stderr)
	}
}

// errgen diff --base reads the translation files as they are at the base.
func TestDiffBaseTranslations(t *testing.T) {
	r := newGitRepo(t)
	r.write("api/catalog.yaml", strings.Replace(translatedCatalog, "languages: [de]", "languages: [de, fr]", 1))
	r.write("api/translations/de.yaml", "language: de\nerrors:\n  NOT_FOUND: {title: Nicht gefunden}\n")
	r.write("api/translations/fr.yaml", "language: fr\n")
	r.commit("de and fr")
	r.write("api/catalog.yaml", translatedCatalog)
	must(t, os.Remove(filepath.Join(r.dir, "api/translations/fr.yaml")))
	r.write("api/translations/de.yaml", "language: de\nerrors:\n  NOT_FOUND: {title: Fehlt}\n")
	code, stdout, stderr := r.diffBase("HEAD", "api/catalog.yaml")
	want := filepath.FromSlash("api/catalog.yaml") + ": catalog: language-removed: breaking (wire): language fr is no longer served: clients asking for it get en\n" +
		filepath.FromSlash("api/translations/de.yaml") + ":3:3: catalog: translation-changed: compatible: de translations changed: NOT_FOUND\n2 changes, 1 breaking\n"
	if code != exitFailure || stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr %q", code, stdout, want, stderr)
	}
}

// countedCatalog has texts of many kinds in one entry: a list of causes,
// troubleshooting rows, a detail's enum values, beside top-level texts.
const countedCatalog = `version: 1
api: Shop API
description: Errors of the shop.
languages: [de]
errors:
  - code: CARD_DECLINED
    status: 402
    title: Card declined
    message: The card was declined.
    category: payment
    causes: [The card expired., The bank refused.]
    troubleshooting:
      - {check: "Is the card valid?", solution: Use another card.}
      - {check: "Is the limit reached?", solution: Ask the bank.}
    details:
      - {name: reason, type: string, description: Why it was declined, enum: [{value: expired, description: The card expired}, {value: refused, description: The bank refused}]}
  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}
`

// errgen translate's summary counts the texts a translator has to write,
// each "" one, in how many entries, and the top-level ones apart: not the
// entries and members added (the first run's "4 to translate added" was
// 14 texts). A later run counts what it adds to an entry that is there (a
// troubleshooting row, two texts) and a new entry's texts.
func TestTranslateSummaryCountsTexts(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), countedCatalog)
	de := filepath.Join("translations", "de.yaml")
	grown := strings.NewReplacer(
		"      - {check: \"Is the limit reached?\", solution: Ask the bank.}\n",
		"      - {check: \"Is the limit reached?\", solution: Ask the bank.}\n      - {check: \"Is the card blocked?\", solution: Call the bank.}\n",
		"  - {code: INTERNAL", "  - {code: GONE, status: 410, title: Gone, message: It is gone.}\n  - {code: INTERNAL").Replace(countedCatalog)
	steps := []struct {
		name    string
		catalog string
		want    string
	}{
		{"a new file", countedCatalog,
			"errgen: wrote " + de + ": 14 texts to translate (12 in 2 entries, 2 top-level)\n"},
		{"a row and an error added", grown,
			"errgen: wrote " + de + ": 4 texts to translate in 2 entries, 1 marked stale\n"},
		{"a title added at the top", strings.Replace(grown, "description: Errors of the shop.\n", "description: Errors of the shop.\ndocs: {title: Shop errors}\n", 1),
			"errgen: wrote " + de + ": 1 top-level text to translate\n"},
	}
	for _, step := range steps {
		writeFile(t, filepath.Join(dir, "catalog.yaml"), step.catalog)
		code, stdout, stderr := runIn(t, dir, "translate", "de")
		if code != exitOK || stdout != step.want {
			t.Errorf("%s: exit %d, stdout %q, stderr %q, want %q", step.name, code, stdout, stderr, step.want)
		}
		// a translator fills in a text, so that a change of the entry marks it stale
		file := filepath.Join(dir, de)
		writeFile(t, file, strings.Replace(string(mustRead(t, file)), "# en: Card declined\n    title: \"\"", "# en: Card declined\n    title: Karte abgelehnt", 1))
	}
}
