package errgen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// block is one fenced code block of a Markdown file.
type block struct {
	lang, text string
}

// fencedBlocks returns the fenced code blocks of a Markdown file, in order.
func fencedBlocks(t *testing.T, path string) []block {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []block
	var cur *block
	var fence string
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			fence = line[:len(line)-len(strings.TrimLeft(line, "`"))]
			cur = &block{lang: strings.TrimSpace(line[len(fence):])}
		case cur != nil && strings.TrimSpace(line) == fence:
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	return blocks
}

// byLang returns the blocks of one language.
func byLang(blocks []block, lang string) []block {
	var out []block
	for _, b := range blocks {
		if b.lang == lang {
			out = append(out, b)
		}
	}
	return out
}

// TestREADMEQuickStart adopts errgen in a fresh service module with the
// README's commands alone, at the Go version the README states: its shell
// blocks run as written (but the set-up block, which is errgen's own and
// .ci/run runs), its YAML goes into the catalog, its Go into files; then
// go generate, --check, go vet and diff pass with the outputs configured
// in the catalog only, diff in a repository laid out as a CI checkout.
func TestREADMEQuickStart(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a service module")
	}
	for _, tool := range []string{"go", "git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	blocks := fencedBlocks(t, "README.md")
	sh, yamls, gos := byLang(blocks, "sh"), byLang(blocks, "yaml"), byLang(blocks, "go")
	if len(sh) != 5 || len(yamls) != 4 || len(gos) != 3 {
		t.Fatalf("README has %d sh, %d yaml and %d go blocks; this test runs 5, 4 and 3", len(sh), len(yamls), len(gos))
	}
	// The set-up block is errgen's own: .ci/run runs both commands.
	ci, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range commands(sh[0].text) {
		if !bytes.Contains(ci, []byte(cmd)) {
			t.Errorf("README set-up command %q is not run by .ci/run", cmd)
		}
	}
	if !strings.Contains(readFile(t, "README.md"), "Go 1.25") || !strings.Contains(readFile(t, "go.mod"), "\ngo 1.25.0\n") {
		t.Error("the README's Go version is not go.mod's")
	}

	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	if err := os.Symlink(root, filepath.Join(work, "errgen")); err != nil {
		t.Fatal(err)
	}
	svc := filepath.Join(work, "svc")
	if err := os.Mkdir(svc, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(script string) string {
		t.Helper()
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = svc
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", script, err, out)
		}
		return string(out)
	}
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(svc, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("go mod init example.com/svc && go mod edit -go=1.25.0")
	run(sh[1].text) // replace, tool, tidy, init
	if gomod := readFile(t, filepath.Join(svc, "go.mod")); !strings.Contains(gomod, "\ngo 1.25.0\n") {
		t.Errorf("adopting errgen changed the service's go line:\n%s", gomod)
	}
	// The output keys init writes commented, uncommented, are the README's.
	catalogPath := filepath.Join(svc, "catalog.yaml")
	catalog := readFile(t, catalogPath)
	for _, line := range strings.Split(strings.TrimSpace(yamls[0].text), "\n") {
		if strings.HasSuffix(line, ":") || strings.Contains(line, "package:") {
			continue
		}
		commented := regexp.MustCompile(`(?m)^(\s*)# *` + regexp.QuoteMeta(strings.TrimSpace(line)) + `\b.*$`)
		if commented.FindStringIndex(catalog) == nil {
			t.Fatalf("errgen init wrote no commented %q", strings.TrimSpace(line))
		}
		catalog = commented.ReplaceAllString(catalog, line)
	}
	catalog = strings.NewReplacer("\n# openapi:\n", "\nopenapi:\n", "\n# docs:\n", "\ndocs:\n").Replace(catalog)
	write("catalog.yaml", catalog)
	write("generate.go", gos[0].text)
	run(sh[2].text) // go generate
	for _, out := range []string{"internal/apierrors/errors.go", "api/errors.yaml", "docs/errors.md"} {
		if _, err := os.Stat(filepath.Join(svc, out)); err != nil {
			t.Errorf("go generate did not write %s: %v", out, err)
		}
	}
	write("handler.go", gos[1].text)
	write("client.go", gos[2].text)
	run("go vet ./...")
	// Augmenting a spec of the service's own: the README's, made whole.
	// Without its x-errors (which the README once left out), the
	// operation would get the fallback's 500 alone.
	const xErrors = "      x-errors: [NOT_FOUND]"
	if !strings.Contains(yamls[2].text, xErrors) {
		t.Fatalf("the README's spec lists no x-errors for GET /orders/{id}:\n%s", yamls[2].text)
	}
	var spec strings.Builder
	spec.WriteString("openapi: 3.1.0\ninfo: {title: Svc, version: '1'}\n")
	for _, line := range strings.SplitAfter(yamls[2].text, "\n") {
		spec.WriteString(line)
		if strings.HasPrefix(line, xErrors) {
			spec.WriteString("      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses:\n        '200': {description: The order.}\n")
		}
	}
	write("api/openapi.yaml", spec.String())
	augment := strings.TrimPrefix(yamls[1].text, "openapi:\n")
	write("catalog.yaml", strings.Replace(readFile(t, catalogPath), "\nopenapi:\n", "\nopenapi:\n"+augment, 1))
	run(sh[2].text)
	if spec := readFile(t, filepath.Join(svc, "api/openapi.gen.yaml")); !strings.Contains(spec, "'404'") && !strings.Contains(spec, "\"404\"") {
		t.Errorf("the augmented spec has no error response:\n%s", spec)
	}
	// The repository as a CI checkout (actions/checkout) has it: the
	// commit detached, the remote's branches fetched as origin/*, and no
	// local main, which is why the README's --base is origin/main.
	checkHeaderClaim(t, svc, "api/openapi.gen.yaml", "internal/apierrors/errors.go", "api/errors.yaml", "docs/errors.md")
	run("git init -q -b main && git add -A && git -c user.name=t -c user.email=t@example.com commit -q -m svc" +
		" && git clone -q --bare . ../origin.git && git remote add origin ../origin.git && git fetch -q origin" +
		" && git checkout -q --detach && git branch -q -D main")
	out := run(sh[3].text) // CI: --check, diff --base origin/main
	if !strings.Contains(out, "outputs up to date") || !strings.Contains(out, "no changes") {
		t.Errorf("CI commands:\n%s", out)
	}
	// Another language: declared, translated (empty), generated.
	write("catalog.yaml", readFile(t, catalogPath)+"\n"+yamls[3].text)
	run(sh[4].text) // translate de, go generate
	for _, out := range []string{"translations/de.yaml", "docs/errors.de.md"} {
		if _, err := os.Stat(filepath.Join(svc, out)); err != nil {
			t.Errorf("the languages commands did not write %s: %v", out, err)
		}
	}
	if out := run("go tool errgen validate 2>&1"); !strings.Contains(out, "warning: not fully translated into de") {
		t.Errorf("validate of an empty translation does not warn:\n%s", out)
	}
	run("go vet ./... && go tool errgen --check")
}

// checkHeaderClaim checks the README's paragraph on errgen's header
// against the outputs the quick start wrote: each generated one starts with
// the header; the augmented spec keeps its author's first line, so the
// paragraph must name it as the exception, or it promises a header the
// file does not have.
func checkHeaderClaim(t *testing.T, svc, augmented string, generated ...string) {
	t.Helper()
	var claim string
	for _, para := range strings.Split(readFile(t, "README.md"), "\n\n") {
		if para = strings.Join(strings.Fields(para), " "); strings.Contains(para, "DO NOT EDIT.") {
			claim = para
		}
	}
	if claim == "" {
		t.Fatal("the README no longer says what errgen's header is")
	}
	const header = "Code generated by errgen. DO NOT EDIT."
	firstLine := func(out string) string {
		first, _, _ := strings.Cut(readFile(t, filepath.Join(svc, out)), "\n")
		return first
	}
	for _, out := range generated {
		if first := firstLine(out); !strings.Contains(first, header) {
			t.Errorf("%s starts with %q, not errgen's header", out, first)
		}
	}
	// An augmented copy (out another file than the spec) in YAML starts
	// with errgen's header, then the spec it comes from, then its author's
	// text; the README says the augmented spec is the exception to the
	// rule, and that a copy's header says to edit the spec.
	lines := strings.SplitN(readFile(t, filepath.Join(svc, augmented)), "\n", 4)
	if len(lines) < 4 || !strings.Contains(lines[0], header) || !strings.HasPrefix(lines[1], "# errgen writes this file whole from ") || lines[2] != "openapi: 3.1.0" {
		t.Errorf("the augmented copy %s does not start with errgen's header, the spec to edit, then the author's text: %q", augmented, lines[:min(len(lines), 3)])
	}
	if !strings.Contains(claim, "An augmented spec is the exception") || !strings.Contains(claim, "as a YAML copy's header says") {
		t.Errorf("the README does not say the augmented spec is the exception, or what a copy's header says:\n%s", claim)
	}
}

// commands are the command lines of a shell block, comments dropped.
func commands(script string) []string {
	var cmds []string
	for _, line := range strings.Split(script, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			cmds = append(cmds, line)
		}
	}
	return cmds
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
