package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// outputFlags are generate's path flags as given; "" for a flag not given.
type outputFlags struct {
	out                            string // --out, the folder of the outputs the catalog and the other flags leave unset
	goOut, openapiOut, markdownOut string
	grpcOut, connectOut            string
}

// outputPaths decides where each generated file goes. A flag (relative to
// the working directory) wins over the catalog's key (relative to the
// catalog's folder), which wins over --out's default place; "none" turns an
// output off.
func outputPaths(c *catalog.Catalog, catalogPath string, fl outputFlags) map[errgen.Output]string {
	dir := filepath.Dir(catalogPath)
	pick := func(flag, key string) string {
		switch {
		case flag != "":
			return flag
		case key == catalog.OutputOff:
			return off
		case key != "":
			return filepath.Join(dir, filepath.FromSlash(key))
		}
		return "" // --out's default place
	}
	return map[errgen.Output]string{
		errgen.OutputGo:       pick(fl.goOut, c.Go.Out),
		errgen.OutputOpenAPI:  pick(fl.openapiOut, c.OpenAPI.Out),
		errgen.OutputMarkdown: pick(fl.markdownOut, c.Docs.Out),
		// the gRPC and Connect packages are off unless a flag or key names a file
		errgen.OutputGRPC:    cmp.Or(pick(fl.grpcOut, c.GRPC.Out), off),
		errgen.OutputConnect: cmp.Or(pick(fl.connectOut, c.GRPC.ConnectOut), off),
	}
}

// wanted is the outputs paths does not turn off, the ones Generate is to
// compute, in Generate's order.
func wanted(paths map[errgen.Output]string) []errgen.Output {
	var outs []errgen.Output
	for _, o := range []errgen.Output{errgen.OutputGo, errgen.OutputOpenAPI, errgen.OutputMarkdown, errgen.OutputGRPC, errgen.OutputConnect} {
		if paths[o] != off {
			outs = append(outs, o)
		}
	}
	return outs
}

// generatedTargets binds each planned file to its path, leaving out the
// outputs turned off. A Markdown page in another language goes beside the
// default language's page, named by errgen.PagePath.
func generatedTargets(files []errgen.Planned, paths map[errgen.Output]string, out string) []target {
	var targets []target
	var page string // the default language's page, which places the others
	for _, f := range files {
		path := paths[f.Output]
		switch {
		case path == off:
			continue
		case path == "":
			path = filepath.Join(out, filepath.FromSlash(f.Path))
		case f.Language != "":
			path = filepath.Join(filepath.Dir(path), errgen.PagePath(filepath.Base(path), f.Language))
		}
		if f.Output == errgen.OutputMarkdown && f.Language == "" {
			page = path
		}
		targets = append(targets, target{path: path, gen: f, language: f.Language})
	}
	for i := range targets {
		if targets[i].language != "" {
			targets[i].pageOf = page
		}
	}
	return targets
}

// pageName is the file name of the Markdown page in the default language,
// which the other languages' pages are named after and link: the last
// element of its path, "" for Generate's default.
func pageName(paths map[errgen.Output]string) string {
	if p := paths[errgen.OutputMarkdown]; p != "" && p != off {
		return filepath.Base(p)
	}
	return ""
}

// augmentTargets augments every spec the catalog's openapi.augment names,
// as "errgen openapi" would without --force; notices go to stderr. An item
// whose out is none is skipped. prog is the command line that runs errgen,
// for the command a problem whose remedy is a flag of errgen openapi names;
// validating says the run writes nothing whatever happens (errgen
// validate), which its last line need not say. Every item is tried, so
// that one run reports the problems of them all.
func augmentTargets(c *catalog.Catalog, catalogPath, prog string, validating bool, stderr io.Writer) ([]target, bool) {
	var targets []target
	failed := false
	for _, a := range c.OpenAPI.Augment {
		if a.Out == catalog.OutputOff {
			continue
		}
		t, ok := augmentTarget(c, a, catalogPath, prog, validating, stderr)
		if !ok {
			failed = true
			continue
		}
		targets = append(targets, t)
	}
	if failed {
		return nil, false
	}
	return targets, true
}

// augmentTarget augments the spec of one openapi.augment item.
func augmentTarget(c *catalog.Catalog, a catalog.AugmentTarget, catalogPath, prog string, validating bool, stderr io.Writer) (target, bool) {
	dir := filepath.Dir(catalogPath)
	spec := filepath.Join(dir, filepath.FromSlash(a.Spec))
	out := filepath.Join(dir, filepath.FromSlash(a.Out))
	data, err := readInput(spec, specLimit)
	if errors.Is(err, fs.ErrNotExist) {
		// the item errgen init writes, uncommented with the keys around it
		at, where := a.SpecPos, ""
		at.File = catalogPath
		if spec != filepath.FromSlash(a.Spec) {
			where = " (" + spec + ")"
		}
		tail := "; nothing was written"
		if validating { // validate never writes: there is nothing to say
			tail = ""
		}
		fmt.Fprintf(stderr, "%s: openapi.augment spec %s does not exist%s: put the OpenAPI spec to augment there, correct the path (relative to the catalog's folder), or remove the item%s\n", at, a.Spec, where, tail)
		return target{}, false
	}
	if err != nil {
		fmt.Fprintf(stderr, "errgen: openapi.augment: %v\n", err)
		return target{}, false
	}
	item := &augmentItem{spec: spec, out: out, specKey: a.Spec, catalog: catalogPath, validating: validating,
		again:   commandLine(prog, []string{"openapi", operandPath(catalogPath), "--spec", spec, "--out", out}),
		inPlace: commandLine(prog, []string{"openapi", operandPath(catalogPath), "--spec", spec, "--out", spec})}
	res, ok := augmentSpec(c, data, spec, out, errgen.AugmentOptions{Replace: a.Replace}, item, stderr)
	if !ok {
		return target{}, false
	}
	return target{path: out, data: res.Spec, mayReplace: spec, augmented: true}, true
}

// missingLine is --check's one line for outputs that do not exist yet: no
// diff of whole files, the command that creates them.
func missingLine(paths []string, regenerate string) string {
	if len(paths) == 1 {
		return fmt.Sprintf("errgen: %s does not exist; to create it, run: %s", paths[0], regenerate)
	}
	return fmt.Sprintf("errgen: %s do not exist; to create them, run: %s", strings.Join(paths, ", "), regenerate)
}

// augmentSpec augments one spec and prints, one a line, its problems
// (then that out, or for openapi.augment nothing, was not written) or its
// notices: the one way errgen openapi and the catalog's openapi.augment
// report augmentation.
// For openapi.augment, viaCatalog is its item (see flagHints); it is nil
// for errgen openapi itself.
func augmentSpec(c *catalog.Catalog, spec []byte, specName, out string, opts errgen.AugmentOptions, viaCatalog *augmentItem, stderr io.Writer) (*errgen.Augmented, bool) {
	err := copyFormatProblem(spec, specName, out)
	var res *errgen.Augmented
	if err == nil {
		withSpecLimit(len(spec), len(c.Errors), func() { res, err = errgen.Augment(c, spec, specName, opts) })
	}
	if err != nil {
		printAugmentError(err, stderr)
		if viaCatalog != nil {
			for _, hint := range flagHints(err, viaCatalog) {
				fmt.Fprintf(stderr, "errgen: %s\n", hint)
			}
		}
		switch {
		case viaCatalog != nil && viaCatalog.validating:
			fmt.Fprintf(stderr, "errgen: %s could not be augmented\n", specName)
		case viaCatalog != nil:
			// the catalog's outputs are written all or none: the Go
			// package and the pages are not written either
			fmt.Fprintf(stderr, "errgen: %s could not be augmented; nothing was written\n", specName)
		default:
			fmt.Fprintf(stderr, "errgen: %s was not written\n", out)
		}
		return nil, false
	}
	for _, n := range res.Notices {
		fmt.Fprintln(stderr, n) // file:line:col: notice: ..., as a catalog's warnings
	}
	res.Spec = withCopyHeader(res.Spec, specName, out)
	return res, true
}

// printAugmentError prints why a spec could not be augmented: its problems
// as printDiagnostics prints a catalog's, each line starting with its
// position (file:line:col:) so that editors and CI annotate the spec's
// lines; any other error after "errgen: ".
func printAugmentError(err error, stderr io.Writer) {
	var problems *diag.List
	if errors.As(err, &problems) {
		fmt.Fprintln(stderr, problems.Error())
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "errgen: %s\n", line)
	}
}
