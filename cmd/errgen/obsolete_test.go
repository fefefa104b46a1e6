package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// obsoleteV1 is a new user's catalog, translated into German; the change
// under test renames NOT_FOUND's detail id ident and takes FORBIDDEN out.
const obsoleteV1 = `version: 1
api: F5
languages: [de]
errors:
  - code: NOT_FOUND
    status: 404
    message: "{id} was not found."
    details:
      - {name: id, type: string, required: true, description: The id.}
  - {code: FORBIDDEN, status: 403}
  - {code: INTERNAL_ERROR, status: 500, fallback: true}
`

var obsoleteV2 = strings.NewReplacer("{id}", "{ident}", "name: id,", "name: ident,", "  - {code: FORBIDDEN, status: 403}\n", "").Replace(obsoleteV1)

// A catalog change leaves entries of the translation file errgen
// translate wrote for what the catalog no longer has: generating and
// errgen diff --base run past them with a warning (validate --strict fails
// on it), errgen translate --check names them, errgen translate takes them
// out (printing the text a translator wrote in one) and the warnings go.
func TestObsoleteTranslationsFlow(t *testing.T) {
	r := newGitRepo(t)
	de := filepath.Join("translations", "de.yaml")
	r.write("catalog.yaml", obsoleteV1)
	if code, _, stderr := runIn(t, r.dir, "translate", "de"); code != exitOK {
		t.Fatalf("translate: exit %d, %s", code, stderr)
	}
	file := string(mustRead(t, filepath.Join(r.dir, de)))
	r.write(de, strings.Replace(file, "# en: Forbidden\n    title: \"\"", "# en: Forbidden\n    title: Verboten", 1))
	r.commit("German")
	r.write("catalog.yaml", obsoleteV2)

	warnings := []string{
		de + `:14:7: warning: error "NOT_FOUND": details: the error has no detail "id": obsolete, ignored: errgen translate de removes it`,
		de + `:17:3: warning: errors: the catalog has no code "FORBIDDEN": obsolete, ignored: errgen translate de removes it`,
	}
	code, _, stderr := runIn(t, r.dir, "--out", "out")
	for _, w := range warnings {
		if code != exitOK || !strings.Contains(stderr, w) {
			t.Errorf("generate: exit %d, stderr:\n%s\nwant the warning %s", code, stderr, w)
		}
	}
	if code, _, stderr := runIn(t, r.dir, "validate", "--strict"); code != exitFailure || !strings.Contains(stderr, "which --strict makes errors") {
		t.Errorf("validate --strict: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := r.diffBase("HEAD", "catalog.yaml")
	if code != exitFailure || !strings.Contains(stdout, "FORBIDDEN: code-removed: breaking") || strings.Contains(stderr, "nothing was compared") {
		t.Errorf("diff --base: exit %d, stdout:\n%s\nstderr %q", code, stdout, stderr)
	}
	if code, _, stderr := runIn(t, r.dir, "translate", "de", "--check"); code != exitFailure || !strings.Contains(stderr, "is not up to date: 2 obsolete removed, 1 text to translate in 1 entry") {
		t.Errorf("translate --check: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr = runIn(t, r.dir, "translate", "de")
	wantErr := de + `:17:3: removed the obsolete entry errors: FORBIDDEN, and the de texts it held: title: "Verboten"` + "\n"
	if code != exitOK || stdout != "errgen: wrote "+de+": 2 obsolete removed, 1 text to translate in 1 entry\n" || stderr != wantErr {
		t.Errorf("translate: exit %d, stdout %q, stderr %q, want %q", code, stdout, stderr, wantErr)
	}
	if got := string(mustRead(t, filepath.Join(r.dir, de))); strings.Contains(got, "FORBIDDEN") || strings.Contains(got, "      id:") || !strings.Contains(got, "      ident:\n") {
		t.Errorf("the translated file:\n%s", got)
	}
	if code, _, stderr := runIn(t, r.dir, "--out", "out"); code != exitOK || strings.Contains(stderr, "obsolete") {
		t.Errorf("generate after translate: exit %d, stderr %q", code, stderr)
	}
	if code, stdout, _ := runIn(t, r.dir, "translate", "de"); code != exitOK || !strings.Contains(stdout, "is up to date") {
		t.Errorf("translate again: exit %d, stdout %q", code, stdout)
	}
}
