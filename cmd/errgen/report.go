package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen/diag"
)

// printDiagnostics is how errgen prints what it has to say about an input,
// for every command: one diagnostic a line on stderr, sorted by position,
// as file:line:col: message (a warning or notice says so before its
// message), the first diag.MaxPrinted of them, then how many more. Lines
// start with the position, not "errgen: ", so that editors and CI annotate
// them. A command a diagnostic names reads as run by prog, as errgen was
// invoked, on the catalog at catalogPath ("" when the diagnostics are not
// a catalog's). It returns the number of errors among them.
func printDiagnostics(prog, catalogPath string, stderr io.Writer, l *diag.List) int {
	if l == nil || len(l.Items) == 0 {
		return 0
	}
	l.Sort()
	fmt.Fprintln(stderr, invokedOn(l, prog, catalogPath).Error())
	return l.Errors()
}

// invokedOn is l as it reads to a user who invoked errgen as prog on the
// catalog at catalogPath: each command its diagnostics name run by prog,
// and each errgen translate LANG given the catalog too, unless that is the
// one the command reads by default: run as named from another folder (a
// monorepo's root, with platform/catalog.yaml), it would find no catalog.
func invokedOn(l *diag.List, prog, catalogPath string) *diag.List {
	if catalogPath == "" || filepath.Clean(catalogPath) == defaultCatalog {
		return l.InvokedAs(prog)
	}
	out := *l
	out.Items = make([]diag.Diagnostic, len(l.Items))
	for i, d := range l.Items {
		if strings.HasPrefix(string(d.Command), "translate ") {
			out.Items[i] = d.NamedAs(d.Command+diag.Command(" "+shellQuote(operandPath(catalogPath))), prog)
		} else {
			out.Items[i] = d.InvokedAs(prog)
		}
	}
	return &out
}

// reportCatalogError prints why the catalog name could not be read: every
// problem, then their count. prog is how errgen was invoked, for the init
// command that starts a missing catalog.
func reportCatalogError(prog, name string, err error, stderr io.Writer) {
	reportLoadError(prog, name, name, err, "nothing was written", stderr)
}

// reportLoadError is reportCatalogError for a command whose outcome, after
// the count of problems, is not that nothing was written; catalogPath is
// the catalog's path as the commands its problems name take it ("" for
// none: a base revision's).
func reportLoadError(prog, name, catalogPath string, err error, outcome string, stderr io.Writer) {
	var probs *diag.List
	switch {
	case errors.As(err, &probs):
		printDiagnostics(prog, catalogPath, stderr, probs)
		fmt.Fprintf(stderr, "errgen: %s: %s; %s\n", name, problemCount(probs), outcome)
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stderr, "errgen: no catalog at %s: give its path as the argument, or run %s to start one\n", name, commandLine(prog, []string{"init"}))
	default:
		fmt.Fprintf(stderr, "errgen: %v\n", err)
	}
}

// problemCount says how many problems l holds, and how many warnings
// besides (a failed load's list keeps its translations' warnings too,
// printed with the problems): "1 problem, 2 warnings", those beyond
// diag.MaxKept, counted only, included.
func problemCount(l *diag.List) string {
	warnings := l.DroppedWarnings
	for _, d := range l.Items {
		if d.Severity == diag.Warning {
			warnings++
		}
	}
	s := plural(l.Errors()+l.Dropped, "problem")
	if warnings > 0 {
		s += ", " + plural(warnings, "warning")
	}
	return s
}

// reportFailure prints why a run that loaded its catalog failed: the
// diagnostics err holds (a --templates file's problem) then the count of
// them and the outcome, as a catalog's problems end; any other error on
// one line. prog is how errgen was invoked.
func reportFailure(prog string, err error, stderr io.Writer) {
	var probs *diag.List
	if !errors.As(err, &probs) {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return
	}
	// err reads "CONTEXT: " then the list (markdown output: errors.md: …):
	// the context names what failed, the list's lines where.
	context, ok := strings.CutSuffix(err.Error(), probs.Error())
	if !ok {
		context = ""
	}
	printDiagnostics(prog, "", stderr, probs)
	fmt.Fprintf(stderr, "errgen: %s%s; nothing was written\n", context, problemCount(probs))
}
