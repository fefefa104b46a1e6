package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/diff"
)

const (
	oldCatalog = `version: 1
api: Shop API
errors:
  - {code: NOT_FOUND, status: 404}
  - {code: GONE, status: 410}
  - {code: EXPIRED, status: 410}
  - {code: INTERNAL, status: 500, fallback: true}
`
	// newCatalog changes a status (breaking) and deprecates a code; 410
	// keeps a code, so its OpenAPI response stays.
	newCatalog = `version: 1
api: Shop API
errors:
  - {code: NOT_FOUND, status: 404}
  - {code: GONE, status: 400, title: Gone, deprecated: Use NOT_FOUND., replaced_by: NOT_FOUND}
  - {code: EXPIRED, status: 410}
  - {code: INTERNAL, status: 500, fallback: true}
`
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiffFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old.yaml"), oldCatalog)
	writeFile(t, filepath.Join(dir, "new.yaml"), newCatalog)
	wantText := "new.yaml:5:18: GONE: status-changed: breaking (wire): status changed from 410 to 400\n" +
		"new.yaml:5:44: GONE: deprecated: compatible: deprecated, replaced by NOT_FOUND\n" +
		"2 changes, 1 breaking\n"
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		// The run that fails names the --allow entries that accept it.
		{"breaking", []string{"diff", "old.yaml", "new.yaml"}, exitFailure, wantText, "errgen: 1 breaking change; once reviewed, accept it with --allow GONE:status-changed\n"},
		{"allowed", []string{"diff", "--allow", "GONE:status-changed", "old.yaml", "new.yaml"}, exitOK,
			strings.NewReplacer("breaking (wire):", "breaking (wire), allowed:", "1 breaking", "1 breaking (1 allowed)").Replace(wantText), ""},
		{"allow matching nothing", []string{"diff", "--allow", "NOT_FOUND:status-changed", "old.yaml", "new.yaml"}, exitFailure,
			wantText, "errgen: --allow NOT_FOUND:status-changed matches no breaking change\nerrgen: 1 breaking change; once reviewed, accept it with --allow GONE:status-changed\n"},
		{"allow a compatible kind", []string{"diff", "--allow", "GONE:deprecated", "--allow", "catalog:translation-changed", "old.yaml", "new.yaml"}, exitFailure,
			wantText, "errgen: --allow GONE:deprecated: deprecated is a compatible change, which needs no --allow: drop it\n" +
				"errgen: --allow catalog:translation-changed: translation-changed is a compatible change, which needs no --allow: drop it\n"},
		{"same", []string{"diff", "old.yaml", "old.yaml"}, exitOK, "no changes\n", ""},
		{"one argument", []string{"diff", "old.yaml"}, exitUsage, "", "errgen: diff takes OLD NEW"},
		{"bad format", []string{"diff", "--format", "xml", "old.yaml", "new.yaml"}, exitUsage, "", "errgen: --format must be one of text, json, markdown, not \"xml\"\n"},
		{"base and two catalogs", []string{"diff", "--base", "main", "old.yaml", "new.yaml"}, exitUsage, "", "errgen: diff takes OLD NEW, or --base GIT_REF and at most one catalog\n"},
		{"bad allow", []string{"diff", "--allow", "GONE", "old.yaml", "new.yaml"}, exitUsage, "", "errgen: --allow \"GONE\": want CODE:KIND"},
		{"unknown kind", []string{"diff", "--allow", "GONE:status-chnaged", "old.yaml", "new.yaml"}, exitUsage, "",
			"errgen: --allow \"GONE:status-chnaged\": unknown kind \"status-chnaged\" (did you mean \"status-changed\"?): errgen diff --help lists them\n"},
		{"any kind", []string{"diff", "--allow", "*:*", "old.yaml", "new.yaml"}, exitUsage, "",
			"errgen: --allow \"*:*\": unknown kind \"*\": errgen diff --help lists them\n"},
		{"missing file", []string{"diff", "old.yaml", "nope.yaml"}, exitFailure, "", "errgen: no catalog at nope.yaml: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, dir, tc.args...)
			if code != tc.code || stdout != tc.stdout || !strings.HasPrefix(stderr, tc.stderr) || (tc.stderr == "" && stderr != "") {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit %d, stdout:\n%s\nstderr starting %q", code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
			}
			// A usage error ends with the hint to --help, as every command's does.
			if hint := "\nRun 'errgen diff --help' for usage.\n"; code == exitUsage && !strings.HasSuffix(stderr, hint) {
				t.Errorf("usage error without the hint %q:\n%s", hint, stderr)
			}
		})
	}
}

// TestDiffHelpListsKinds checks that --help names every kind, one a line,
// with whom it breaks.
func TestDiffHelpListsKinds(t *testing.T) {
	code, stdout, _ := runIn(t, t.TempDir(), "diff", "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"\n  code-added                  compatible\n",
		"\n  code-removed                breaking (wire, go)\n",
		"\n  openapi-prefix-changed      breaking (openapi)\n",
		"\n  replacement-changed         compatible\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("diff --help lacks %q:\n%s", want, stdout)
		}
	}
	if n := len(regexp.MustCompile(`(?m)^  [a-z-]+ +(compatible|breaking \([a-z, ]+\))$`).FindAllString(stdout, -1)); n != len(diff.Rules) {
		t.Errorf("diff --help lists %d kinds, want %d", n, len(diff.Rules))
	}
}

func TestDiffJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old.yaml"), oldCatalog)
	writeFile(t, filepath.Join(dir, "new.yaml"), newCatalog)
	code, stdout, stderr := runIn(t, dir, "diff", "--format", "json", "old.yaml", "new.yaml")
	if code != exitFailure {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []struct {
		Code     string `json:"code"`
		Kind     string `json:"kind"`
		Breaking bool   `json:"breaking"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(got) != 2 || got[0].Code != "GONE" || got[0].Kind != "status-changed" || !got[0].Breaking || got[1].Kind != "deprecated" || got[1].Breaking {
		t.Errorf("got %+v", got)
	}
}

// errgen diff OLD NEW prints the new catalog's warnings, not the old
// one's, which are history (as with --base, which reads the old catalog
// from git): a language without a translation file is warned about once.
func TestDiffWarnsOfTheNewCatalog(t *testing.T) {
	dir := t.TempDir()
	cat := "version: 1\napi: Shop API\nlanguage: en\nlanguages: [de]\nerrors:\n  - {code: NOT_FOUND, status: 404, title: Not found}\n  - {code: INTERNAL, status: 500, fallback: true, title: Internal}\n"
	writeFile(t, filepath.Join(dir, "old/catalog.yaml"), cat)
	writeFile(t, filepath.Join(dir, "new/catalog.yaml"), cat)
	code, stdout, stderr := runIn(t, dir, "diff", "old/catalog.yaml", "new/catalog.yaml")
	want := "new/catalog.yaml:4:13: warning: languages: \"de\" has no translation file new/translations/de.yaml: every text reads in en (errgen translate de new/catalog.yaml writes it)\n"
	if code != exitOK || stdout != "no changes\n" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr\n%s\nwant\n%s", code, stdout, stderr, want)
	}
}

// TestDiffBase commits a catalog in a temporary repository, in a
// subdirectory, changes it, and compares with --base HEAD from the
// repository's root and from the subdirectory.
func TestDiffBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	path := filepath.Join(repo, "api", "catalog.yaml")
	writeFile(t, path, oldCatalog)
	git("add", ".")
	git("commit", "-q", "-m", "catalog")
	writeFile(t, path, newCatalog)

	for _, tc := range []struct {
		dir  string
		args []string
		want string // where the status change is: the catalog as named
	}{
		{repo, []string{"diff", "--base", "HEAD", "api/catalog.yaml"}, statusChangedIn("api/catalog.yaml")},
		{filepath.Join(repo, "api"), []string{"diff", "--base", "HEAD"}, statusChangedIn("catalog.yaml")},
	} {
		code, stdout, stderr := runIn(t, tc.dir, tc.args...)
		if code != exitFailure || !strings.HasPrefix(stdout, tc.want) {
			t.Errorf("%v in %s: exit %d\nstdout:\n%s\nstderr:\n%s", tc.args, tc.dir, code, stdout, stderr)
		}
	}
	code, _, stderr := runIn(t, repo, "diff", "--base", "no-such-ref", "api/catalog.yaml")
	if code != exitFailure || !strings.HasPrefix(stderr, "errgen: --base no-such-ref: no revision no-such-ref; the current branch is ") {
		t.Errorf("unknown revision: exit %d, stderr %q", code, stderr)
	}
	// A catalog the base does not have yet: nothing it could break.
	writeFile(t, filepath.Join(repo, "other", "catalog.yaml"), newCatalog)
	// An empty report, valid in the format asked for.
	for _, tc := range []struct{ format, stdout string }{
		{"text", "no changes\n"},
		{"json", "[]\n"},
		{"markdown", "## Error catalog changes\n\nno changes.\n"},
	} {
		code, stdout, stderr := runIn(t, repo, "diff", "--base", "HEAD", "--format", tc.format, "other/catalog.yaml")
		if code != exitOK || stdout != tc.stdout || stderr != "errgen: other/catalog.yaml is new since HEAD: nothing to compare it with\n" {
			t.Errorf("new catalog, %s: exit %d, stdout %q, stderr %q", tc.format, code, stdout, stderr)
		}
	}
	// A catalog that does not exist is an error, whether or not the base has it.
	for _, path := range []string{"api/nope.yaml", "other/nope.yaml"} {
		code, stdout, stderr := runIn(t, repo, "diff", "--base", "HEAD", path)
		if code != exitFailure || stdout != "" || !strings.HasPrefix(stderr, "errgen: no catalog at "+path+": ") {
			t.Errorf("missing catalog %s: exit %d, stdout %q, stderr %q", path, code, stdout, stderr)
		}
	}
	git("commit", "-q", "-am", "deprecate GONE")
	code, stdout, stderr := runIn(t, repo, "diff", "--base", "HEAD", "api/catalog.yaml")
	if code != exitOK || stdout != "no changes\n" {
		t.Errorf("against itself: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// A code retired without being deprecated first takes its OpenAPI
// components with it: they are the code's changes, so the hint names what
// accepts them, for that code alone, and no catalog-wide allow is needed
// (trial19: only --allow catalog:openapi-component-removed passed).
func TestDiffAllowRetirement(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old.yaml"), oldCatalog)
	writeFile(t, filepath.Join(dir, "new.yaml"), strings.Replace(oldCatalog, "{code: GONE, status: 410}", "{code: GONE, status: 410, retired: true}", 1))
	args := []string{"diff", "--allow", "GONE:code-retired-undeprecated", "old.yaml", "new.yaml"}
	code, _, stderr := runIn(t, dir, args...)
	if want := "errgen: 1 breaking change; once reviewed, accept it with --allow GONE:openapi-component-removed\n"; code != exitFailure || stderr != want {
		t.Errorf("exit %d, stderr %q, want exit %d, stderr %q", code, stderr, exitFailure, want)
	}
	code, stdout, stderr := runIn(t, dir, append(args, "--allow", "GONE:openapi-component-removed")...)
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "GONE: openapi-component-removed: breaking (openapi), allowed:") {
		t.Errorf("both allowed: exit %d, stdout:\n%s\nstderr %q", code, stdout, stderr)
	}
}
