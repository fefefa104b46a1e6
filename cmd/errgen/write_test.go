package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen"
)

// A README that quotes errgen's header in its first paragraph is still the
// user's: only a first line that is the header makes a file errgen's.
func TestHeaderQuotedIsNotOurs(t *testing.T) {
	dir := workdir(t)
	readme := filepath.Join(dir, "README.md")
	mine := []byte("# Our service\n\nGenerated files start with \"" + errgen.Header + "\", as tools expect.\n")
	if err := os.WriteFile(readme, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir, "--markdown-out", "README.md")
	if code != exitFailure || !strings.Contains(stderr, "README.md exists and its first line is not errgen's header") {
		t.Fatalf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if !bytes.Equal(mustRead(t, readme), mine) {
		t.Error("README.md was overwritten")
	}
	for _, out := range defaultOutputs[:2] {
		if _, err := os.Stat(filepath.Join(dir, out)); !os.IsNotExist(err) {
			t.Errorf("%s was written although the run was refused", out)
		}
	}
}

// errgen openapi replaces no hand-written file but the spec it augments.
func TestAugmentOutIsChecked(t *testing.T) {
	spec := copySpec(t, "tasks-3.1.yaml")
	precious := filepath.Join(filepath.Dir(spec), "precious.go")
	mine := []byte("package precious\n")
	if err := os.WriteFile(precious, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runOA(t, "--catalog", bundledCatalog, "--spec", spec, "--out", precious)
	if code != exitFailure || !strings.Contains(stderr, "precious.go exists and is neither the spec nor a copy errgen augmented") {
		t.Fatalf("exit %d, stderr %q; want a refusal", code, stderr)
	}
	if !bytes.Equal(mustRead(t, precious), mine) {
		t.Error("precious.go was overwritten")
	}
	if code, _, stderr := runOA(t, "--catalog", bundledCatalog, "--spec", spec, "--out", spec); code != exitOK {
		t.Errorf("in place: exit %d, %s", code, stderr)
	}
}

// A symlinked output stays a link, its target gets the bytes; modes are
// kept; two outputs on one path are refused before anything is written.
func TestWriteKeepsLinksAndModes(t *testing.T) {
	dir := workdir(t)
	if code, _, stderr := runIn(t, dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	real := filepath.Join(dir, "docs-real.md")
	md := filepath.Join(dir, "generated", "errors.md")
	if err := os.Rename(md, real); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../docs-real.md", md); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.WriteFile(real, []byte("<!-- "+errgen.Header+" -->\nSTALE-MARKER\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(real, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runIn(t, dir); code != exitOK || !strings.Contains(stdout, "wrote generated/errors.md") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if st, err := os.Lstat(md); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symlink", md)
	}
	st, err := os.Stat(real)
	if err != nil || bytes.Contains(mustRead(t, real), []byte("STALE-MARKER")) {
		t.Fatalf("the link's target was not regenerated: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600", st.Mode().Perm())
	}

	code, _, stderr := runIn(t, dir, "--go-out", "x.go", "--openapi-out", "./x.go")
	if code != exitFailure || !strings.Contains(stderr, "are the same file") {
		t.Errorf("exit %d, stderr %q; want a refusal of one path for two outputs", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.go")); !os.IsNotExist(err) {
		t.Error("x.go was written")
	}
	// Named alike, the two are one path named once: "x and x are the same
	// file" read as a riddle.
	code, _, stderr = runIn(t, dir, "--go-out", "x.go", "--openapi-out", "x.go")
	if code != exitFailure || !strings.Contains(stderr, "errgen: x.go is the path of two outputs; give each output its own path") {
		t.Errorf("exit %d, stderr %q; want x.go named as the path of two outputs", code, stderr)
	}
}

// The spec augmented in place keeps its mode.
func TestAugmentKeepsMode(t *testing.T) {
	spec := copySpec(t, "tasks-3.1.yaml")
	if err := os.Chmod(spec, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runOA(t, "--catalog", bundledCatalog, "--spec", spec, "--out", spec); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, err := os.Stat(spec); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
}

// An output that cannot be written fails the run before any other output
// is replaced, and leaves no temporary file behind.
func TestAllOrNothing(t *testing.T) {
	dir := workdir(t)
	if code, _, stderr := runIn(t, dir, "--out", "out"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	oaPath := filepath.Join(dir, "out", "openapi.yaml")
	before := mustRead(t, oaPath)
	catalogPath := filepath.Join(dir, "catalog.yaml")
	data := bytes.Replace(mustRead(t, catalogPath), []byte("api: One Stack API"), []byte("api: One Stack API v2"), 1)
	if err := os.WriteFile(catalogPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(dir, "blocker")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir, "--out", "out", "--markdown-out", "blocker/sub/errors.md")
	if code != exitFailure {
		t.Fatalf("exit %d, stderr %q; want a failure", code, stderr)
	}
	if !bytes.Equal(mustRead(t, oaPath), before) {
		t.Error("openapi.yaml was replaced although the run failed")
	}
	for _, d := range []string{dir, filepath.Join(dir, "out"), filepath.Join(dir, "out", "apierrors")} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp") {
				t.Errorf("temporary file %s left in %s", e.Name(), d)
			}
		}
	}
}

// An error about the temporary file written for an output names the output,
// which the user asked for, not the temporary file, which they never see;
// any other error stays as it is.
func TestTargetError(t *testing.T) {
	p := &planned{target: target{path: "docs/errors.md"}, real: filepath.Join("site", "docs", "errors.md")}
	temp := filepath.Join("site", "docs", ".errors.md.tmp3kz9")
	other := &fs.PathError{Op: "open", Path: filepath.Join("site", "docs", "notes.md"), Err: fs.ErrPermission}
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: temp, Err: fs.ErrPermission}, "write docs/errors.md: permission denied"},
		{fmt.Errorf("closing: %w", &fs.PathError{Op: "close", Path: temp, Err: errors.New("no space left on device")}), "write docs/errors.md: no space left on device"},
		{other, other.Error()},
		{errors.New("interrupted"), "interrupted"},
	}
	for _, tt := range tests {
		if got := targetError(tt.err, p); got.Error() != tt.want {
			t.Errorf("targetError(%v) = %v, want %s", tt.err, got, tt.want)
		}
	}
	if targetError(nil, p) != nil {
		t.Error("targetError(nil) is not nil")
	}
}

// --check refuses what the run refuses, in the same words, and exits 1: a
// file errgen would not replace, or a folder, is not stale, and the command
// that "regenerates" it would fail.
func TestCheckRefusesAsGenerate(t *testing.T) {
	refusal := "exists and its first line is not errgen's header; refusing to overwrite it: move it away, or write this output elsewhere (or turn it off with none)"
	notACopy := "exists and is neither the spec nor a copy errgen augmented (it has no x-errgen marker); refusing to overwrite it: move it away, or write this output elsewhere (or turn it off with none)"
	folder := func(path string) string {
		return filepath.FromSlash(path) + " exists and is a folder; refusing to replace it: point this output's key or flag at a file's path (one in that folder, say), or move the folder away\n"
	}
	languagePage := func(lang, it string) string {
		return "it is the " + lang + " page, named after the Markdown page " + filepath.FromSlash("generated/errors.md") + ": move " + it + " away, or give the Markdown page another path (docs.out or --markdown-out), which the language pages follow\n"
	}
	tests := []struct {
		name string
		args []string // the run; --check is added
		file string   // the file in the way, relative to the working directory; a folder when it ends in /
		want string   // what both print on stderr
	}{
		{"page", nil, "generated/errors.md", "errgen: " + filepath.FromSlash("generated/errors.md") + " " + refusal + "\n"},
		{"Go", nil, "generated/apierrors/errors.go", "errgen: " + filepath.FromSlash("generated/apierrors/errors.go") + " " + refusal + "\n"},
		// a copy's file is errgen's when it has a marker: a JSON copy never has the header
		{"augmented spec", []string{"openapi", "--spec", "tasks.yaml", "--out", "api.yaml"}, "api.yaml", "errgen: api.yaml " + notACopy + "\n"},
		{"augmented JSON spec", []string{"openapi", "--spec", "notes.json", "--out", "api.json"}, "api.json", "errgen: api.json " + notACopy + "\n"},
		{"folder", []string{"--openapi-out", "api/errors.yaml"}, "api/errors.yaml/", "errgen: " + folder("api/errors.yaml")},
		{"default place a folder", nil, "generated/errors.md/", "errgen: " + folder("generated/errors.md")},
		{"augmented spec's out a folder", []string{"openapi", "--spec", "tasks.yaml", "--out", "api"}, "api/", "errgen: " + folder("api")},
		// A language's page has no key or flag of its own: it follows the Markdown page.
		{"language page", nil, "generated/errors.de.md", "errgen: " + filepath.FromSlash("generated/errors.de.md") + " exists and its first line is not errgen's header; refusing to overwrite it: " + languagePage("de", "the file")},
		{"language page a folder", nil, "generated/errors.fr.md/", "errgen: " + filepath.FromSlash("generated/errors.fr.md") + " exists and is a folder; refusing to replace it: " + languagePage("fr", "the folder")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := workdir(t)
			if err := os.WriteFile(filepath.Join(dir, "tasks.yaml"), readOA(t, filepath.Join(openapiTestdata, "tasks-3.1.yaml")), 0o644); err != nil {
				t.Fatal(err)
			}
			notes := `{"openapi": "3.1.0", "info": {"title": "Notes", "version": "1"}, "paths": {"/notes": {"get": {"responses": {"200": {"description": "OK"}}}}}}`
			if err := os.WriteFile(filepath.Join(dir, "notes.json"), []byte(notes), 0o644); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tt.file)
			if strings.HasSuffix(tt.file, "/") {
				path = filepath.Join(path, "kept")
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("hand-written\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, args := range [][]string{tt.args, append(slices.Clone(tt.args), "--check")} {
				code, stdout, stderr := runIn(t, dir, args...)
				if code != exitFailure || !strings.HasSuffix(stderr, tt.want) || stdout != "" {
					t.Errorf("%v: exit %d, %d bytes on stdout, stderr %q; want 1, no diff, and %q", args, code, len(stdout), stderr, tt.want)
				}
				said = append(said, stderr)
			}
			if said[0] != said[1] {
				t.Errorf("the run says %q, --check %q", said[0], said[1])
			}
			if got := mustRead(t, path); string(got) != "hand-written\n" {
				t.Errorf("%s was replaced", path)
			}
		})
	}
}

// TestHeaderBelowLicence: a Go output whose header sits under a licence
// comment is still refused (errgen writes its header first), but the
// refusal says where the header is and what to remove, where it said
// "move it away" as for a file errgen never wrote.
func TestHeaderBelowLicence(t *testing.T) {
	dir := workdir(t)
	if code, stdout, stderr := runIn(t, dir); code != exitOK {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	goFile := filepath.Join(dir, "generated", "apierrors", "errors.go")
	licensed := append([]byte("// Copyright 2026 Example Inc.\n// SPDX-License-Identifier: Apache-2.0\n\n"), mustRead(t, goFile)...)
	if err := os.WriteFile(goFile, licensed, 0o644); err != nil {
		t.Fatal(err)
	}
	want := "errors.go exists and its first line is not errgen's header, which is on line 4; refusing to overwrite it: remove the lines above the header"
	for _, args := range [][]string{nil, {"--check"}} {
		code, _, stderr := runIn(t, dir, args...)
		if code != exitFailure || !strings.Contains(stderr, want) {
			t.Errorf("errgen %v: exit %d, stderr %q; want 1 and %q", args, code, stderr, want)
		}
	}
	if !bytes.Equal(mustRead(t, goFile), licensed) {
		t.Error("the file was changed")
	}
}
