package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

const generateSynopsis = `errgen [generate] [--catalog FILE] [--out DIR] [--go-out FILE] [--go-package NAME]
                  [--openapi-out FILE] [--markdown-out FILE] [--templates DIR] [--check]`

func runGenerate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("generate", generateSynopsis, stderr)
	catalogPath := fs.String("catalog", "catalog.yaml", "the error catalog")
	out := fs.String("out", "generated", "directory of the outputs")
	goOut := fs.String("go-out", "", "path of the Go file (default OUT/PACKAGE/errors.go)")
	goPackage := fs.String("go-package", "", "Go package name (default the catalog's go.package)")
	openapiOut := fs.String("openapi-out", "", "path of the OpenAPI document (default OUT/openapi.yaml)")
	markdownOut := fs.String("markdown-out", "", "path of the Markdown page (default OUT/errors.md)")
	templates := fs.String("templates", "", "directory of Markdown templates overriding the bundled ones")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff when an output is stale")
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	if *goPackage != "" {
		if msg := catalog.GoPackageProblem(*goPackage); msg != "" {
			fmt.Fprintf(stderr, "errgen: --go-package %s\n", msg)
			return exitUsage
		}
	}
	c, ok := loadCatalog(*catalogPath, stderr)
	if !ok {
		return exitFailure
	}
	opts := errgen.Options{GoPackage: *goPackage}
	if *templates != "" {
		if st, err := os.Stat(*templates); err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "errgen: --templates %s: not a directory\n", *templates)
			return exitUsage
		}
		opts.Templates = os.DirFS(*templates)
	}
	files, err := errgen.Generate(c, opts)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	overrides := map[errgen.Kind]string{errgen.KindGo: *goOut, errgen.KindOpenAPI: *openapiOut, errgen.KindMarkdown: *markdownOut}
	targets := make([]target, len(files))
	for i, f := range files {
		path := overrides[f.Kind]
		if path == "" {
			path = filepath.Join(*out, filepath.FromSlash(f.Path))
		}
		targets[i] = target{path: path, data: f.Data}
	}
	if *check {
		return checkTargets(targets, stdout, stderr)
	}
	return writeTargets(targets, stdout, stderr)
}

// checkTargets diffs every output against the disk, in memory.
func checkTargets(targets []target, stdout, stderr io.Writer) int {
	stale := 0
	for _, t := range targets {
		old, err := os.ReadFile(t.path)
		if err != nil && !os.IsNotExist(err) {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
			return exitFailure
		}
		if bytes.Equal(old, t.data) {
			continue
		}
		stale++
		fmt.Fprint(stdout, udiff.Unified(t.path, t.path+" (generated)", string(old), string(t.data)))
	}
	if stale > 0 {
		fmt.Fprintf(stderr, "errgen: %d output(s) out of date; run errgen to regenerate\n", stale)
		return exitFailure
	}
	return exitOK
}

// writeTargets writes the outputs whose bytes changed, all or none.
func writeTargets(targets []target, stdout, stderr io.Writer) int {
	written, err := writeAll(targets)
	for _, path := range written {
		fmt.Fprintf(stdout, "wrote %s\n", path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	return exitOK
}
