package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// errgen translate es-MX asks only for the texts es.yaml does not give
// (INTERNAL's message), as it asks only for the page words es.yaml does
// not give, and a second run changes nothing; errgen validate warns of
// that one text alone. It asked for every text of every error, and warned
// of them all, though es.yaml translated them.
func TestTranslateRegionalAsksWhatPrimaryLacks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "catalog.yaml"), `version: 1
api: Shop API
description: Errors of the Shop API.
languages: [es, es-MX]
errors:
  - {code: NOT_FOUND, status: 404, title: Not found, message: Nothing here, causes: [A typo.]}
  - {code: INTERNAL, status: 500, title: Internal error, message: Something broke, fallback: true}
`)
	if code, _, stderr := runIn(t, dir, "translate", "es"); code != exitOK {
		t.Fatalf("translate es: exit %d, %s", code, stderr)
	}
	es := filepath.Join(dir, "translations", "es.yaml")
	top, errs, _ := strings.Cut(string(mustRead(t, es)), "errors:\n")
	top = strings.Replace(top, "\ndescription: \"\"", "\ndescription: Errores de la API.", 1) // the top's, not the page word
	errs = strings.ReplaceAll(errs, `title: ""`, "title: Título")
	errs = strings.Replace(errs, `message: ""`, "message: Nada aquí", 1) // NOT_FOUND's; INTERNAL's left
	errs = strings.ReplaceAll(errs, `- ""`, "- Una errata.")
	writeFile(t, es, top+"errors:\n"+errs)

	code, stdout, stderr := runIn(t, dir, "translate", "es-MX")
	if code != exitOK || stderr != "" {
		t.Fatalf("translate es-MX: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	mx := string(mustRead(t, filepath.Join(dir, "translations", "es-MX.yaml")))
	_, mxErrs, _ := strings.Cut(mx, "errors:\n")
	if want := "  INTERNAL:\n    source: fa65ebb0\n    # en: Something broke\n    message: \"\"\n"; mxErrs != want {
		t.Errorf("es-MX's errors:\n%s\nwant:\n%s", mxErrs, want)
	}
	if strings.Contains(mx, "\ndescription:") {
		t.Errorf("es-MX is asked for the description es.yaml gives:\n%s", mx)
	}
	if code, stdout, _ := runIn(t, dir, "translate", "es-MX"); code != exitOK || !strings.HasSuffix(stdout, "is up to date\n") {
		t.Errorf("a second run: exit %d, stdout %q", code, stdout)
	}
	// a text es-MX gives itself, as a translator wrote it: kept byte for
	// byte, the texts es gives still not asked for
	mxFile := filepath.Join(dir, "translations", "es-MX.yaml")
	own := strings.Replace(mx, "errors:\n", "errors:\n  NOT_FOUND:\n    source: 786f040f\n    title: No se encontró   # MX\n", 1)
	writeFile(t, mxFile, own)
	if code, stdout, _ := runIn(t, dir, "translate", "es-MX"); code != exitOK || !strings.HasSuffix(stdout, "is up to date\n") || string(mustRead(t, mxFile)) != own {
		t.Errorf("es-MX with a text of its own: exit %d, stdout %q, file:\n%s", code, stdout, mustRead(t, mxFile))
	}
	_, _, stderr = runIn(t, dir, "validate")
	if !strings.Contains(stderr, "warning: not fully translated into es-MX: 1 of 2 errors (INTERNAL)") || strings.Contains(stderr, "into es-MX: 2 of 2") {
		t.Errorf("validate: stderr %q, want es-MX's warning of INTERNAL alone", stderr)
	}
}
