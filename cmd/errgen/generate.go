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

	"github.com/aymanbagabas/go-udiff"

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
	fs := newFlags("generate", generateSynopsis, stdout, stderr)
	catalogPath := fs.catalogFlag()
	out := fs.String("out", "generated", "directory of the outputs the catalog places nowhere")
	goOut := fs.String("go-out", "", "path of the Go file (default the catalog's go.out, else OUT/PACKAGE/errors.go; none: no Go)")
	goPackage := fs.String("go-package", "", "Go package name (default the catalog's go.package)")
	openapiOut := fs.String("openapi-out", "", "path of the OpenAPI document (default the catalog's openapi.out, else OUT/openapi.yaml; none: no OpenAPI)")
	markdownOut := fs.String("markdown-out", "", "path of the Markdown page (default the catalog's docs.out, else OUT/errors.md; none: no Markdown)")
	templates := fs.String("templates", "", "directory of Markdown templates overriding the bundled ones")
	grpcOut := fs.String("grpc-out", "", "path of the gRPC package's file (default: the catalog's grpc.out; none: no gRPC)")
	connectOut := fs.String("connect-out", "", "path of the Connect package's file (default: the catalog's grpc.connect_out; none: no Connect)")
	goImport := fs.String("go-import", "", "import path of the Go package (default: the catalog's go.import, else from the nearest go.mod)")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff when an output is stale")
	if code, stop := fs.parse(args); stop {
		return code
	}
	opts, code, ok := generateOptions(fs, *goPackage, *templates)
	if !ok {
		return code
	}
	c, ok := loadCatalog(*catalogPath, stderr)
	if !ok {
		return exitFailure
	}
	paths := outputPaths(c, *catalogPath, outputFlags{*out, *goOut, *openapiOut, *markdownOut, *grpcOut, *connectOut})
	if err := rpcOptions(&opts, c, paths, *goImport, goFileOf(paths[errgen.OutputGo], *out, cmp.Or(*goPackage, c.Go.Package))); err != nil {
		fmt.Fprintf(stderr, "errgen: gRPC and Connect packages: %v\n", err)
		return exitFailure
	}
	var files []errgen.File
	opts.PageName = pageName(paths)
	if opts.Outputs = wanted(paths); len(opts.Outputs) > 0 {
		var err error
		if files, err = errgen.Generate(c, opts); err != nil {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return exitFailure
		}
	}
	targets := generatedTargets(files, paths, *out)
	augmented, ok := augmentTargets(c, *catalogPath, stderr)
	if !ok {
		return exitFailure
	}
	if targets = append(targets, augmented...); len(targets) == 0 {
		code, _ := fs.usageError("every output is turned off; there is nothing to generate")
		return code
	}
	if *check {
		again := slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--check" || a == "--check=true" })
		return checkTargets(targets, commandLine(prog, again), stdout, stderr)
	}
	return writeTargets(targets, stdout, stderr)
}

// generateOptions checks --go-package and --templates and makes the
// options of Generate; ok is false, with the exit code, on a usage error.
func generateOptions(fs *flags, goPackage, templates string) (opts errgen.Options, code int, ok bool) {
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
	opts.GoImport = goImport
	if !opts.GRPC && !opts.Connect || goImport != "" || c.Go.Import != "" {
		return nil
	}
	var err error
	opts.GoImport, err = goImportPath(goFile)
	return err
}

// goFileOf is the Go output's file: the flag's, else the default under out.
func goFileOf(flag, out, pkg string) string {
	if flag == "" || flag == off {
		return filepath.Join(out, pkg, "errors.go")
	}
	return flag
}

// checkTargets diffs every output against the disk, in memory; regenerate
// is the command line that would bring them up to date.
func checkTargets(targets []target, regenerate string, stdout, stderr io.Writer) int {
	stale := 0
	var missing []string
	for _, t := range targets {
		old, err := readInput(t.path, maxOutputSize)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return exitFailure
		}
		if bytes.Equal(old, t.data) {
			continue
		}
		if err != nil { // missing: named in one line, not a diff of the whole file
			missing = append(missing, t.path)
			continue
		}
		stale++
		fmt.Fprint(stdout, udiff.Unified(t.path, t.path+" (generated)", string(old), string(t.data)))
	}
	if len(missing) > 0 {
		fmt.Fprintln(stderr, missingLine(missing, regenerate))
	}
	if stale > 0 {
		fmt.Fprintf(stderr, "errgen: %s out of date, %d up to date; to regenerate, run: %s\n", plural(stale, "output"), len(targets)-stale, regenerate)
		return exitFailure
	}
	if len(missing) > 0 {
		return exitFailure
	}
	fmt.Fprintf(stdout, "errgen: %s up to date\n", plural(len(targets), "output"))
	return exitOK
}

// writeTargets writes the outputs whose bytes changed, all or none, and
// says what it did.
func writeTargets(targets []target, stdout, stderr io.Writer) int {
	written, err := writeAll(targets)
	for _, path := range written {
		fmt.Fprintf(stdout, "wrote %s\n", path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
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
