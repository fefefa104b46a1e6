package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/diff"
)

const diffSynopsis = "errgen diff OLD NEW | errgen diff --base GIT_REF [CATALOG] [--format text|json|markdown] [--allow CODE:KIND]…"

// runDiff compares two catalogs and exits 1 when a change breaks clients
// or Go code, unless every such change is allowed; prog is how errgen was
// invoked, for the init command that starts a missing catalog.
func runDiff(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "diff", diffSynopsis+`

Lists every change between two catalogs, for clients of the API (wire), for
code compiling the generated package (go) and for consumers of the OpenAPI
output (openapi), and exits 1 when one is breaking. With --base, the old
catalog is CATALOG (default catalog.yaml) as it is at that git revision.

`+kindsHelp(), stdout, stderr)
	fs.operands = 2
	base := fs.String("base", "", "read the old catalog from this git revision (e.g. origin/main) at the new catalog's path; from its merge base with HEAD when HEAD lacks some of its commits")
	format := fs.String("format", "text", "output format: "+strings.Join(diff.Formats, ", "))
	allow := fs.StringArray("allow", nil, "accept one reviewed breaking change, CODE:KIND (CODE * for any code, catalog for a catalog-wide change); repeatable")
	if code, stop := fs.parse(args); stop {
		return code
	}
	if !slices.Contains(diff.Formats, *format) {
		code, _ := fs.usageError("--format must be one of %s, not %q", strings.Join(diff.Formats, ", "), *format)
		return code
	}
	for _, a := range *allow {
		if msg := checkAllow(prog, a); msg != "" {
			code, _ := fs.usageError("--allow %q: %s", a, msg)
			return code
		}
	}
	if n := len(fs.Args()); *base == "" && n != 2 || *base != "" && n > 1 {
		code, _ := fs.usageError("diff takes OLD NEW, or --base GIT_REF and at most one catalog")
		return code
	}
	before, after, code := diffInputs(prog, fs.Args(), *base, stderr)
	if after == nil {
		return code
	}
	var changes []diff.Change // none when the catalog is new: an empty report, valid in every format
	if before != nil {
		changes = diff.Compare(before, after)
	}
	for _, a := range diff.Allow(changes, *allow) {
		fmt.Fprintf(stderr, "errgen: --allow %s\n", unusedAllow(a))
	}
	if err := diff.Write(stdout, *format, changes); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	if n := diff.Breaking(changes); n > 0 {
		fmt.Fprintf(stderr, "errgen: %s\n", allowHint(n, changes))
		return exitFailure
	}
	return exitOK
}

// allowHint names the --allow entries that would accept the n breaking
// changes not allowed, each CODE:KIND once: what a reviewer passes once the
// changes are reviewed, each for its own code alone.
func allowHint(n int, changes []diff.Change) string {
	const shown = 10 // a pull request breaking more is better read than allowed wholesale
	var entries []string
	seen := map[string]bool{}
	for _, c := range changes {
		if !c.Breaking || c.Allowed {
			continue
		}
		if e := diff.AllowEntry(c); !seen[e] {
			seen[e] = true
			if len(entries) < shown {
				entries = append(entries, e)
			}
		}
	}
	what := "1 breaking change; once reviewed, accept it with"
	if n > 1 {
		what = fmt.Sprintf("%d breaking changes; once reviewed, accept them with", n)
	}
	more := ""
	if len(seen) > shown {
		more = fmt.Sprintf(" (and %d more)", len(seen)-shown)
	}
	return what + " --allow " + strings.Join(entries, " --allow ") + more
}

// checkAllow says what is wrong with an --allow entry, or "", naming
// the diff command as errgen was invoked (prog).
func checkAllow(prog, a string) string {
	code, kind, ok := strings.Cut(a, ":")
	if !ok || code == "" || kind == "" {
		return "want CODE:KIND, e.g. NOT_FOUND:status-changed"
	}
	kinds := make([]string, len(diff.Rules))
	for i, r := range diff.Rules {
		kinds[i] = string(r.Kind)
	}
	if !slices.Contains(kinds, kind) {
		return fmt.Sprintf("unknown kind %q%s: %s lists them", kind, catalog.Suggest(kind, kinds), commandLine(prog, []string{"diff", "--help"}))
	}
	return ""
}

// unusedAllow says why the --allow entry a, checked by checkAllow,
// matched no change: its kind is compatible, never to be allowed, or no
// breaking change of its code and kind was found.
func unusedAllow(a string) string {
	_, kind, _ := strings.Cut(a, ":")
	for _, r := range diff.Rules {
		if string(r.Kind) == kind && !r.Breaking() {
			return fmt.Sprintf("%s: %s is a compatible change, which needs no --allow: drop it", a, kind)
		}
	}
	return a + " matches no breaking change"
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
func diffInputs(prog string, args []string, base string, stderr io.Writer) (before, after *catalog.Catalog, code int) {
	newPath := "catalog.yaml"
	if len(args) > 0 {
		newPath = args[len(args)-1]
	}
	// The new catalog first: a missing or invalid one is the user's error,
	// whatever the base has. Both are held to the memory budget together.
	held := &heldCatalogs{}
	if after = loadCompared(prog, newPath, stderr, true, held); after == nil {
		return nil, nil, exitFailure
	}
	if base == "" {
		// the old catalog's warnings are history, as with --base
		if before = loadCompared(prog, args[0], stderr, false, held); before == nil {
			return nil, nil, exitFailure
		}
		return before, after, exitOK
	}
	files, root, err := gitBase(base, newPath)
	if errors.Is(err, errNotAtBase) {
		// A pull request that adds the catalog: nothing it could break.
		fmt.Fprintf(stderr, "errgen: %s is new since %s: nothing to compare it with\n", newPath, base)
		return nil, after, exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return nil, nil, exitFailure
	}
	defer files.close()
	if files.behind != "" {
		fmt.Fprintf(stderr, "errgen: %s has changed since HEAD left it: compared with their merge base %s (as git diff %s...HEAD), so that what %s changed since is not reported as undone here\n", base, files.rev, base, base)
	}
	if files.forkCut {
		fmt.Fprintf(stderr, "errgen: this clone is shallow: where HEAD left %s is not in it: compared with %s itself, so a change it made since then, if any, is reported as undone here; fetch the history (git fetch --unshallow; actions/checkout: fetch-depth: 0)\n", base, base)
	}
	if files.movedFrom != "" {
		fmt.Fprintf(stderr, "errgen: %s was %s at %s (git finds it moved): compared with that\n", newPath, files.movedFrom, files.rev)
	}
	// The base as it was: its root, what its include list named, globs
	// matched against its tree.
	if before, err = loadFilesHeld(files, root, errgen.Check, held); err != nil {
		reportLoadError(prog, files.Display(files.root), "", err, "the base revision's catalog is invalid: fix it there, or compare with another --base", stderr)
		return nil, nil, exitFailure
	}
	return before, after, exitOK
}

// loadCompared loads a catalog diff compares, as loadCatalog does, under
// the memory budget with the catalogs held, and prints its warnings if
// asked to; diff writes nothing, so an invalid one means there is no
// comparison.
func loadCompared(prog, path string, stderr io.Writer, warnings bool, held *heldCatalogs) *catalog.Catalog {
	c, err := loadHeld(path, errgen.Check, held)
	if err != nil {
		reportLoadError(prog, path, path, err, "nothing was compared", stderr)
		return nil
	}
	if warnings {
		printDiagnostics(prog, path, stderr, &c.Warnings)
	}
	return c
}
