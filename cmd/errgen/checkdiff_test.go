package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckDiffMinified: --check on a minified JSON spec (one line, as
// Stripe's and Twilio's are bundled) whose errgen part was reformatted shows
// the change with some text around it, not the whole line twice.
func TestCheckDiffMinified(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(readOA(t, filepath.Join(openapiTestdata, "notes-3.0.json")), &doc); err != nil {
		t.Fatal(err)
	}
	doc["info"].(map[string]any)["description"] = strings.Repeat("A long description of the API. ", 200)
	minified, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.WriteFile(spec, minified, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--catalog", "../../testdata/presets/problem.yaml", "--spec", spec, "--out", spec}
	if code, _, stderr := runOA(t, args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	augmented := mustRead(t, spec)
	edited := bytes.Replace(augmented, []byte(`"x-errgen":{`), []byte(`"x-errgen": {`), 1)
	if err := os.WriteFile(spec, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runOA(t, append(args, "--check")...)
	if code != exitFailure {
		t.Fatalf("--check: exit %d, want 1: %s", code, stderr)
	}
	if len(stdout) > 2*longLine || !strings.Contains(stdout, `-…`) || !strings.Contains(stdout, `"x-errgen": {`) || !strings.Contains(stdout, `+…`) {
		t.Errorf("--check printed %d bytes for a %d-byte spec, want the change in a few hundred:\n%.3000s", len(stdout), len(augmented), stdout)
	}
	if want := shortenedNotice(spec, 2); !strings.Contains(stderr, want+"\n") {
		t.Errorf("--check's stderr %q, want it to say the diff was shortened: %q", stderr, want)
	}
}

// TestShortenLongLines: a long line is shown around its changes, with
// "…" where text is left out, at character boundaries; short lines, and
// the header, stay whole.
func TestShortenLongLines(t *testing.T) {
	long := strings.Repeat("é", longLine) // two bytes a character
	tests := []struct {
		name, diff, want string
		shortened        int
	}{
		{"short", "--- a\n+++ a (generated)\n@@ -1 +1 @@\n-x\n+y\n", "--- a\n+++ a (generated)\n@@ -1 +1 @@\n-x\n+y\n", 0},
		{
			"a short line replaced by a long one",
			"@@ -1 +1 @@\n-" + strings.Repeat("a", 300) + "\n+" + strings.Repeat("a", 150) + long + "\n",
			"@@ -1 +1 @@\n-…" + strings.Repeat("a", 270) + "\n+…" + strings.Repeat("a", 120) + strings.Repeat("é", 60) + "…" + strings.Repeat("é", 60) + "\n",
			2,
		},
		{
			"one change",
			"@@ -1 +1 @@\n-" + long + "A" + long + "\n+" + long + "B" + long + "\n",
			"@@ -1 +1 @@\n-…" + strings.Repeat("é", 60) + "A" + strings.Repeat("é", 60) + "…\n+…" + strings.Repeat("é", 60) + "B" + strings.Repeat("é", 60) + "…\n",
			2,
		},
		{
			"two changes far apart, no line break at the end",
			"@@ -1 +1 @@\n-A" + long + "A\n\\ No newline at end of file\n+B" + long + "B\n\\ No newline at end of file\n",
			"@@ -1 +1 @@\n-A" + strings.Repeat("é", 60) + "…" + strings.Repeat("é", 59) + "A\n\\ No newline at end of file\n+B" + strings.Repeat("é", 60) + "…" + strings.Repeat("é", 59) + "B\n\\ No newline at end of file\n",
			2,
		},
		{"added alone", "@@ -0,0 +1 @@\n+" + long + "\n", "@@ -0,0 +1 @@\n+" + strings.Repeat("é", excerptContext) + "…\n", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, shortened := shortenLongLines(tc.diff); got != tc.want || shortened != tc.shortened {
				t.Errorf("got %d lines shortened\n%q\nwant %d\n%q", shortened, got, tc.shortened, tc.want)
			}
		})
	}
}
