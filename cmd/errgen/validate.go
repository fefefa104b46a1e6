package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// loadCatalog loads a catalog, printing every problem on failure, and its
// warnings (stale or untranslated texts) when it loads.
func loadCatalog(prog, path string, stderr io.Writer) (*catalog.Catalog, bool) {
	return loadChecked(prog, path, errgen.Check, stderr)
}

// loadChecked is loadCatalog with check for errgen's rules.
func loadChecked(prog, path string, check catalog.Check, stderr io.Writer) (*catalog.Catalog, bool) {
	c, err := catalog.Load(path, check)
	if err != nil {
		reportCatalogError(prog, path, err, stderr)
		return nil, false
	}
	printDiagnostics(prog, path, stderr, &c.Warnings)
	return c, true
}

// runValidate implements "errgen validate"; prog is how errgen was
// invoked, for the command a problem of an openapi.augment spec names.
func runValidate(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "validate", "errgen validate [CATALOG] [--strict]\n\nChecks the catalog (default catalog.yaml), its translation files and the\nspecs its openapi.augment names (as errgen would augment them), renders the\npages of a catalog naming docs.templates (in memory), and reports\nevery problem as file:line:col: message, and every warning (a stale or\nuntranslated text) as file:line:col: warning: message. Writes nothing.", stdout, stderr)
	catalogPath := fs.catalogFlag()
	strict := fs.Bool("strict", false, "fail on warnings too: every translation fresh and complete")
	if code, stop := fs.parse(args); stop {
		return code
	}
	c, err := catalog.Load(*catalogPath, errgen.Check)
	if err != nil {
		reportLoadError(prog, *catalogPath, *catalogPath, err, "the catalog is not valid", stderr) // validate writes nothing, ever
		return exitFailure
	}
	printDiagnostics(prog, *catalogPath, stderr, &c.Warnings)
	// A spec that errgen would refuse to augment (an x-errors code the
	// catalog lacks, a component of the spec's that clashes) fails every
	// run that writes the outputs: validate says so before they do, with
	// what the pages' templates fail on, every problem at once.
	_, augmented := augmentTargets(c, *catalogPath, prog, true, stderr)
	if rendered := pagesRender(prog, c, stderr); !augmented || !rendered {
		return exitFailure
	}
	if n := c.Warnings.Count(); *strict && n > 0 {
		fmt.Fprintf(stderr, "errgen: %s: %s, which --strict makes errors\n", *catalogPath, plural(n, "warning"))
		return exitFailure
	}
	summary := plural(len(c.Errors), "error")
	if len(c.Retired) > 0 {
		summary += fmt.Sprintf(" and %d retired", len(c.Retired)) // reserved codes are part of the catalog too
	}
	if len(c.Files) > 1 {
		summary += " in " + plural(len(c.Files), "file") // the root and the files it includes
	}
	fmt.Fprintf(stdout, "errgen: %s is valid: %s\n", *catalogPath, summary)
	return exitOK
}

// pagesRender renders the Markdown pages of a catalog whose docs.templates
// replace bundled ones, in memory, and reports what fails: a template that
// parses may still fail on the catalog (a field it lacks, {{.Kode}}), or
// repeat a heading, which only rendering shows. Without docs.templates the
// bundled templates render every catalog that loads (the golden tests),
// and validate spends nothing on them; nor on a page turned off (docs.out:
// none), which the run that generates does not render either.
func pagesRender(prog string, c *catalog.Catalog, stderr io.Writer) bool {
	if c.Docs.Templates == "" || c.Docs.Out == catalog.OutputOff {
		return true
	}
	_, err := errgen.Generate(c, errgen.Options{Outputs: []errgen.Output{errgen.OutputMarkdown}})
	if err == nil {
		return true
	}
	var probs *diag.List
	if !errors.As(err, &probs) {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return false
	}
	context, _ := strings.CutSuffix(err.Error(), probs.Error())
	printDiagnostics(prog, "", stderr, probs)
	fmt.Fprintf(stderr, "errgen: %s%s\n", context, problemCount(probs))
	return false
}

// runVersion implements "errgen version" and "errgen --version"; prog is how
// errgen was invoked.
func runVersion(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "version", "errgen version\n\nPrints errgen's version: the module version it was built from, or (devel)\nwith the VCS revision of a local build or a replace.", stdout, stderr)
	if code, stop := fs.parse(args); stop {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintf(stdout, "errgen %s\n", versionString(info))
	return exitOK
}

// plural is "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
