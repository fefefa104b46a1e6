package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/diff"
)

const diffSynopsis = "errgen diff OLD NEW | errgen diff --base GIT_REF [CATALOG] [--format text|json|markdown] [--allow CODE:KIND]…"

// runDiff compares two catalogs and exits 1 when a change breaks clients
// or Go code, unless every such change is allowed.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diff", diffSynopsis+`

Lists every change between two catalogs, for clients of the API (wire), for
code compiling the generated package (go) and for consumers of the OpenAPI
output (openapi), and exits 1 when one is breaking. With --base, the old
catalog is CATALOG (default catalog.yaml) as it is at that git revision.

`+kindsHelp(), stdout, stderr)
	fs.operands = 2
	base := fs.String("base", "", "read the old catalog from this git revision (e.g. origin/main) at the new catalog's path")
	format := fs.String("format", "text", "output format: "+strings.Join(diff.Formats, ", "))
	allow := fs.StringArray("allow", nil, "accept one reviewed breaking change, CODE:KIND (CODE * for any code, catalog for a catalog-wide change); repeatable")
	if code, stop := fs.parse(args); stop {
		return code
	}
	if !slices.Contains(diff.Formats, *format) {
		fmt.Fprintf(stderr, "errgen: --format must be one of %s, not %q\n", strings.Join(diff.Formats, ", "), *format)
		return exitUsage
	}
	for _, a := range *allow {
		if msg := checkAllow(a); msg != "" {
			fmt.Fprintf(stderr, "errgen: --allow %q: %s\n", a, msg)
			return exitUsage
		}
	}
	before, after, code := diffInputs(fs.Args(), *base, stderr)
	if after == nil {
		return code
	}
	var changes []diff.Change // none when the catalog is new: an empty report, valid in every format
	if before != nil {
		changes = diff.Compare(before, after)
	}
	for _, a := range diff.Allow(changes, *allow) {
		fmt.Fprintf(stderr, "errgen: --allow %s matches no breaking change\n", a)
	}
	if err := diff.Write(stdout, *format, changes); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	if diff.Breaking(changes) > 0 {
		return exitFailure
	}
	return exitOK
}

// checkAllow says what is wrong with an --allow entry, or "".
func checkAllow(a string) string {
	code, kind, ok := strings.Cut(a, ":")
	if !ok || code == "" || kind == "" {
		return "want CODE:KIND, e.g. NOT_FOUND:status-changed"
	}
	kinds := make([]string, len(diff.Rules))
	for i, r := range diff.Rules {
		kinds[i] = string(r.Kind)
	}
	if !slices.Contains(kinds, kind) {
		return fmt.Sprintf("unknown kind %q%s: errgen diff --help lists them", kind, catalog.Suggest(kind, kinds))
	}
	return ""
}

// kindsHelp lists the kinds of change for --help, one a line, with whom
// each breaks.
func kindsHelp() string {
	var b strings.Builder
	b.WriteString("Kinds of change (the KIND of --allow; CODE is catalog for a catalog-wide one):\n")
	for _, r := range diff.Rules {
		who := "compatible"
		if r.Breaking() {
			aud := make([]string, len(r.Breaks))
			for i, a := range r.Breaks {
				aud[i] = string(a)
			}
			who = "breaking (" + strings.Join(aud, ", ") + ")"
		}
		fmt.Fprintf(&b, "  %-27s %s\n", r.Kind, who)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// diffInputs loads the two catalogs named by the arguments: OLD NEW, or
// with --base the new catalog (default catalog.yaml) and its version at
// that revision.
func diffInputs(args []string, base string, stderr io.Writer) (before, after *catalog.Catalog, code int) {
	if base == "" && len(args) != 2 || base != "" && len(args) > 1 {
		fmt.Fprintf(stderr, "errgen: diff takes OLD NEW, or --base GIT_REF and at most one catalog\nUsage: %s\n", diffSynopsis)
		return nil, nil, exitUsage
	}
	newPath := "catalog.yaml"
	if len(args) > 0 {
		newPath = args[len(args)-1]
	}
	// The new catalog first: a missing or invalid one is the user's error,
	// whatever the base has.
	if after, _ = loadCatalog(newPath, stderr); after == nil {
		return nil, nil, exitFailure
	}
	if base == "" {
		if before, _ = loadCatalog(args[0], stderr); before == nil {
			return nil, nil, exitFailure
		}
		return before, after, exitOK
	}
	data, err := gitShow(base, newPath)
	if errors.Is(err, errNotAtBase) {
		// A pull request that adds the catalog: nothing it could break.
		fmt.Fprintf(stderr, "errgen: %s is new since %s: nothing to compare it with\n", newPath, base)
		return nil, after, exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return nil, nil, exitFailure
	}
	if before = parseCatalog(base+":"+newPath, data, stderr); before == nil {
		return nil, nil, exitFailure
	}
	return before, after, exitOK
}

// errNotAtBase is gitShow's error for a file the revision does not have.
var errNotAtBase = errors.New("not at the base revision")

// gitShow reads a file as it is at a revision, with git run in the file's
// directory: "REV:./NAME" is the path relative to the repository's root,
// wherever the file is in it. It returns errNotAtBase when the revision
// exists but has no such file.
func gitShow(rev, path string) ([]byte, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--base %q: not a git revision", rev)
	}
	dir, object := filepath.Dir(path), rev+":./"+filepath.Base(path)
	if _, err := git(dir, "rev-parse", "--verify", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, noRevision(dir, rev, err)
	}
	if _, err := git(dir, "cat-file", "-e", object); err != nil {
		return nil, errNotAtBase
	}
	data, err := git(dir, "show", object)
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: %v", path, rev, err)
	}
	return data, nil
}

// git runs git in dir and returns its output; its error says what git said.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errOut.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.Bytes(), nil
}

// parseCatalog is loadCatalog for a catalog read from elsewhere than a file.
func parseCatalog(name string, data []byte, stderr io.Writer) *catalog.Catalog {
	c, err := catalog.Parse(name, data, errgen.Check)
	if err != nil {
		reportCatalogError(name, err, stderr)
		return nil
	}
	return c
}
