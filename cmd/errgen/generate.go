package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

const generateSynopsis = `errgen [generate] [CATALOG] [--out DIR] [--go-out FILE] [--go-package NAME]
                         [--openapi-out FILE] [--markdown-out FILE] [--templates DIR]
                         [--grpc-out FILE] [--connect-out FILE] [--go-import PATH] [--check]

Writes the Go package, the OpenAPI components document and the Markdown page
for CATALOG (default catalog.yaml), the specs its openapi.augment names, and
the gRPC and Connect packages when grpc.out and grpc.connect_out or their
flags name a file, only the files whose bytes change, all or none. Paths come
from the catalog's go.out, openapi.out and docs.out (relative to its folder); a
flag (relative to the working directory) replaces the one key it names, --out
moves the outputs neither sets. A path of none turns that output off. A
catalog with languages has a page per language beside the Markdown page, the
language before its extension (errors.de.md beside errors.md).`

// off is the path that turns an output off.
const off = "none"

// runGenerate implements "errgen generate"; prog is how errgen was invoked,
// for the command --check tells the user to run.
func runGenerate(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "generate", generateSynopsis, stdout, stderr)
	catalogPath := fs.catalogFlag()
	out := fs.String("out", "generated", "directory of the outputs the catalog places nowhere")
	goOut := fs.String("go-out", "", "path of the Go file (default the catalog's go.out, else OUT/PACKAGE/errors.go; none: no Go)")
	goPackage := fs.String("go-package", "", "Go package name (default the catalog's go.package)")
	openapiOut := fs.String("openapi-out", "", "path of the OpenAPI document (default the catalog's openapi.out, else OUT/openapi.yaml; none: no OpenAPI, openapi.augment's specs included)")
	markdownOut := fs.String("markdown-out", "", "path of the Markdown page (default the catalog's docs.out, else OUT/errors.md; none: no Markdown)")
	templates := fs.String("templates", "", "directory of Markdown templates overriding the bundled ones, in place of the catalog's docs.templates")
	grpcOut := fs.String("grpc-out", "", "path of the gRPC package's file (default: the catalog's grpc.out; none: no gRPC)")
	connectOut := fs.String("connect-out", "", "path of the Connect package's file (default: the catalog's grpc.connect_out; none: no Connect)")
	goImport := fs.String("go-import", "", "import path of the Go package (default: the catalog's go.import, else from the nearest go.mod)")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff when an output is stale")
	if code, stop := fs.parse(args); stop {
		return code
	}
	fl := outputFlags{*out, *goOut, *openapiOut, *markdownOut, *grpcOut, *connectOut}
	opts, code, ok := generateOptions(fs, *goPackage, *templates, fl)
	if !ok {
		return code
	}
	c, ok := loadSized(prog, *catalogPath, errgen.CheckFor(opts), stderr)
	if !ok {
		return exitFailure
	}
	paths := outputPaths(c, *catalogPath, fl)
	if err := rpcOptions(&opts, c, paths, *goImport, goFileOf(paths[errgen.OutputGo], *out, cmp.Or(*goPackage, c.Go.Package))); err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	// Each output is computed as it is written (or compared, with --check):
	// no run holds them all, and a big catalog's are computed one after
	// another, so that none holds two outputs' working data either.
	together := len(c.Errors)+len(c.Retired) <= maxTogether
	targets, err := planTargets(c, opts, paths, *out)
	if err != nil {
		reportFailure(prog, err, stderr)
		return exitFailure
	}
	augmented, ok := runAugments(c, *catalogPath, prog, *openapiOut, stderr)
	if !ok {
		return exitFailure
	}
	if targets = append(targets, augmented...); len(targets) == 0 {
		code, _ := fs.usageError("every output is turned off; there is nothing to generate")
		return code
	}
	orphans, err := orphanPages(targets)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	if *check {
		again := slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--check" || a == "--check=true" })
		return checkTargets(prog, targets, orphans, together, commandLine(prog, again), stdout, stderr)
	}
	return writeTargets(prog, targets, orphans, together, stdout, stderr)
}

// runAugments is the targets of the specs the catalog's openapi.augment
// names, none for a run whose --openapi-out (openapiOut) is none: a run
// without OpenAPI, whose specs are the service's, which a client module
// generating the Go package from the service's catalog must neither write
// nor check. The key openapi.out: none still augments: a spec augmented in
// place needs no components document.
func runAugments(c *catalog.Catalog, catalogPath, prog, openapiOut string, stderr io.Writer) (augmented []target, ok bool) {
	if openapiOut == catalog.OutputOff {
		return nil, true
	}
	withoutMemoryLimit(func() { augmented, ok = augmentTargets(c, catalogPath, prog, false, stderr) })
	return augmented, ok
}

// planTargets plans the outputs paths does not turn off and binds each
// planned file to its path.
func planTargets(c *catalog.Catalog, opts errgen.Options, paths map[errgen.Output]string, out string) ([]target, error) {
	var planned []errgen.Planned
	opts.PageName = pageName(paths)
	if opts.Outputs = wanted(paths); len(opts.Outputs) > 0 {
		var err error
		if planned, err = errgen.Plan(c, opts); err != nil {
			return nil, err
		}
	}
	targets := generatedTargets(planned, paths, out)
	if problems := foreignPackages(targets); len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\nerrgen: ")) // a line each, as reportFailure prints one
	}
	return targets, nil
}

// maxTogether is the most errors whose outputs generate computes side by
// side (forEach): below, their working data fit easily in the memory limit
// (memory.go); above, one after another, they keep it low.
const maxTogether = 20_000

// generateOptions checks --go-package, --templates and the file names of
// the path flags, and makes the options of Generate; ok is false, with the
// exit code, on a usage error.
func generateOptions(fs *flags, goPackage, templates string, fl outputFlags) (opts errgen.Options, code int, ok bool) {
	for _, f := range []struct{ name, kind, path string }{
		{"--go-out", "go", fl.goOut}, {"--grpc-out", "grpc", fl.grpcOut}, {"--connect-out", "connect", fl.connectOut}, {"--openapi-out", "openapi", fl.openapiOut},
	} {
		if msg := catalog.OutputNameProblem(f.kind, f.path); f.path != "" && msg != "" {
			code, _ := fs.usageError("%s %s", f.name, msg)
			return opts, code, false
		}
	}
	if goPackage != "" {
		if msg := catalog.GoPackageProblem(goPackage); msg != "" {
			code, _ := fs.usageError("--go-package %s", msg)
			return opts, code, false
		}
	}
	opts.GoPackage = goPackage
	if templates != "" {
		if st, err := os.Stat(templates); err != nil || !st.IsDir() {
			code, _ := fs.usageError("--templates %s: not a directory", templates)
			return opts, code, false
		}
		opts.Templates = newTemplateDir(templates)
	}
	return opts, 0, true
}

// rpcOptions turns the gRPC and Connect outputs on as paths say, and sets
// the Go package's import path, which they import: goImport, else the
// catalog's go.import, else derived from goFile's nearest go.mod.
func rpcOptions(opts *errgen.Options, c *catalog.Catalog, paths map[errgen.Output]string, goImport, goFile string) error {
	on := func(p string) bool { return p != "" && p != off }
	opts.GRPC, opts.Connect = on(paths[errgen.OutputGRPC]), on(paths[errgen.OutputConnect])
	// A flag's none turns off what the catalog's key turned on: Generate
	// reads the keys too.
	if !opts.GRPC {
		c.GRPC.Out = off
	}
	if !opts.Connect {
		c.GRPC.ConnectOut = off
	}
	if err := packageFolders(paths, goFile); err != nil {
		return err
	}
	opts.GoImport = goImport
	explicit := cmp.Or(goImport, c.Go.Import)
	if !opts.GRPC && !opts.Connect {
		return nil
	}
	if paths[errgen.OutputGo] == off {
		if explicit != "" {
			return nil
		}
		return rpcWithoutGo(c, paths)
	}
	derived, err := goImportPath(goFile)
	switch {
	case explicit == "" && err != nil:
		return fmt.Errorf("gRPC and Connect packages: %w", err)
	case explicit == "":
		opts.GoImport = derived
	case err == nil && derived != explicit:
		return importMismatch(goImport != "", explicit, derived, goFile)
	}
	return nil
}

// importMismatch is the error of an import path given (go.import, or
// --go-import when fromFlag) for a Go package errgen writes where the
// nearest go.mod gives it another path: the gRPC and Connect packages would
// import a package that is not there, and the service's build fail on it,
// most often after go.out moved and go.import stayed.
func importMismatch(fromFlag bool, given, derived, goFile string) error {
	what, fix := "go.import "+given+" in the catalog", "remove go.import, which errgen then derives, or set it to that path"
	if fromFlag {
		what, fix = "--go-import "+given, "leave out --go-import, or give that path"
	}
	return fmt.Errorf("%s is not the import path of the Go package errgen writes at %s, which the nearest go.mod makes %s: the gRPC and Connect packages would import a package that is not there; %s",
		what, goFile, derived, fix)
}

// packageFolders is the error of a run that writes two of the Go, gRPC and
// Connect packages, named apart, into one folder: Go builds one package a
// folder, so the service's build would fail there. The catalog reports its
// own keys so; this is for the flags. goFile is the Go package's file,
// unless paths turn it off; one file named twice is plan's to report.
func packageFolders(paths map[errgen.Output]string, goFile string) error {
	type pkg struct{ name, file string }
	var pkgs []pkg
	if paths[errgen.OutputGo] != off {
		pkgs = append(pkgs, pkg{"Go", goFile})
	}
	for _, o := range []pkg{{"gRPC", paths[errgen.OutputGRPC]}, {"Connect", paths[errgen.OutputConnect]}} {
		if o.file != off {
			pkgs = append(pkgs, o)
		}
	}
	for i, a := range pkgs {
		for _, b := range pkgs[i+1:] {
			same := filepath.Clean(a.file) == filepath.Clean(b.file)
			if !same && filepath.Dir(filepath.Clean(a.file)) == filepath.Dir(filepath.Clean(b.file)) {
				return fmt.Errorf("the %s package (%s) and the %s package (%s) are in one folder: Go builds one package a folder; give each a folder of its own",
					a.name, a.file, b.name, b.file)
			}
		}
	}
	return nil
}

// rpcWithoutGo is the error of a run that turns the gRPC or Connect
// package on and the Go package they import off, with no import path for
// the Go package the service has: the path derived for it would name a
// package nothing writes, and the service's build would fail on it.
func rpcWithoutGo(c *catalog.Catalog, paths map[errgen.Output]string) error {
	var pkgs, files []string
	for _, o := range []struct {
		out  errgen.Output
		name string
	}{{errgen.OutputGRPC, "gRPC"}, {errgen.OutputConnect, "Connect"}} {
		if p := paths[o.out]; p != off {
			pkgs, files = append(pkgs, o.name), append(files, p)
		}
	}
	what, verb := "the "+pkgs[0]+" package", "imports"
	if len(pkgs) == 2 {
		what, verb = "the gRPC and Connect packages", "import"
	}
	goOff := "--go-out none"
	if c.Go.Out == catalog.OutputOff {
		goOff = "the catalog's go.out none"
	}
	return fmt.Errorf("%s (%s) %s the Go package, which %s does not write: set --go-out or go.out, or --go-import or go.import to the import path of the Go package the service has",
		what, strings.Join(files, ", "), verb, goOff)
}

// goFileOf is the Go output's file: the flag's, else the default under out.
func goFileOf(flag, out, pkg string) string {
	if flag == "" || flag == off {
		return filepath.Join(out, pkg, "errors.go")
	}
	return flag
}

// staleSummary counts the outputs of a --check that found stale ones:
// "2 outputs out of date, 1 missing, 0 up to date" (the missing ones are
// named apart, and are not up to date).
func staleSummary(stale, missing, total int) string {
	s := plural(stale, "output") + " out of date"
	if missing > 0 {
		s += fmt.Sprintf(", %d missing", missing)
	}
	return s + fmt.Sprintf(", %d up to date", total-stale-missing)
}

// checkTargets diffs every output against the disk, in memory, computing
// them side by side when together says so (forEach); regenerate is the
// command line that would bring them up to date. A file the run would
// refuse to replace is refused here too, in its words: regenerating would
// not help. prog is how errgen was invoked, for the commands what fails
// names.
func checkTargets(prog string, targets []target, orphans []string, together bool, regenerate string, stdout, stderr io.Writer) int {
	type comparison struct {
		old, data []byte
		state     freshness
	}
	if _, err := plan(targets); err != nil {
		reportFailure(prog, err, stderr)
		return exitFailure
	}
	results := make([]comparison, len(targets))
	err := forEach(len(targets), together, func(i int) error {
		r := &results[i]
		var err error
		r.old, r.data, r.state, err = compare(targets[i])
		return err
	})
	if err != nil {
		reportFailure(prog, err, stderr)
		return exitFailure
	}
	staleCount := 0
	var missingPaths []string
	for i, t := range targets {
		switch r := results[i]; r.state {
		case missing: // named in one line, not a diff of the whole file
			missingPaths = append(missingPaths, t.path)
		case stale:
			staleCount++
			diff, shortened := staleDiff(t.path, r.old, r.data)
			fmt.Fprint(stdout, diff)
			if shortened > 0 {
				fmt.Fprintln(stderr, shortenedNotice(t.path, shortened))
			}
			results[i] = comparison{}
		}
	}
	if len(missingPaths) > 0 {
		fmt.Fprintln(stderr, missingLine(missingPaths, regenerate))
	}
	for _, path := range orphans {
		fmt.Fprintf(stderr, "errgen: %s is the page of a language the catalog no longer speaks; to remove it, run: %s\n", path, regenerate)
	}
	if staleCount > 0 {
		fmt.Fprintf(stderr, "errgen: %s; to regenerate, run: %s\n", staleSummary(staleCount, len(missingPaths), len(targets)), regenerate)
		return exitFailure
	}
	if len(missingPaths) > 0 || len(orphans) > 0 {
		return exitFailure
	}
	fmt.Fprintf(stdout, "errgen: %s up to date\n", plural(len(targets), "output"))
	return exitOK
}

// freshness is how an output's file compares with its bytes.
type freshness int

const (
	fresh   freshness = iota // the file has them
	stale                    // it has others
	missing                  // there is no file
)

// compare tells how t's file compares with its bytes, computing them if
// need be; old and data are the file's and the output's, for a diff, when
// it is stale.
func compare(t target) (old, data []byte, state freshness, err error) {
	data = t.data
	if t.gen != nil {
		var changed bool
		if data, changed, err = generated(t.gen, t.path); err != nil || !changed {
			return nil, nil, fresh, err
		}
		if data == nil {
			return nil, nil, missing, nil
		}
	}
	old, err = readInput(t.path, outputLimit)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, missing, nil
	case err != nil:
		return nil, nil, fresh, err
	case bytes.Equal(old, data):
		return nil, nil, fresh, nil
	}
	return old, data, stale, nil
}

// writeTargets writes the outputs whose bytes changed, all or none, then
// removes the orphaned pages, and says what it did; prog is how errgen was
// invoked, for the commands what fails names.
func writeTargets(prog string, targets []target, orphans []string, together bool, stdout, stderr io.Writer) int {
	written, err := writeAll(targets, together)
	for _, path := range written {
		fmt.Fprintf(stdout, "wrote %s\n", path)
	}
	if err == nil {
		err = removeOrphans(orphans, stdout)
	}
	if err != nil {
		reportFailure(prog, err, stderr)
		return exitFailure
	}
	fmt.Fprintln(stdout, summary(len(written), len(targets)-len(written)))
	return exitOK
}

// summary is the line every successful write ends with.
func summary(written, fresh int) string {
	switch {
	case written == 0:
		return fmt.Sprintf("errgen: %s up to date", plural(fresh, "output"))
	case fresh == 0:
		return fmt.Sprintf("errgen: wrote %s", plural(written, "output"))
	}
	return fmt.Sprintf("errgen: wrote %d, %d up to date", written, fresh)
}
