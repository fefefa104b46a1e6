package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

// outputFlags are generate's path flags as given; "" for a flag not given.
type outputFlags struct {
	out                            string // --out, the folder of the outputs the catalog and the other flags leave unset
	goOut, openapiOut, markdownOut string
}

// outputPaths decides where each generated file goes. A flag (relative to
// the working directory) wins over the catalog's key (relative to the
// catalog's folder), which wins over --out's default place; "none" turns an
// output off.
func outputPaths(c *catalog.Catalog, catalogPath string, fl outputFlags) map[errgen.Kind]string {
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
	return map[errgen.Kind]string{
		errgen.KindGo:       pick(fl.goOut, c.Go.Out),
		errgen.KindOpenAPI:  pick(fl.openapiOut, c.OpenAPI.Out),
		errgen.KindMarkdown: pick(fl.markdownOut, c.Docs.Out),
	}
}

// generatedTargets binds each generated file to its path, leaving out the
// outputs turned off.
func generatedTargets(files []errgen.File, paths map[errgen.Kind]string, out string) []target {
	var targets []target
	for _, f := range files {
		path := paths[f.Kind]
		switch path {
		case off:
			continue
		case "":
			path = filepath.Join(out, filepath.FromSlash(f.Path))
		}
		targets = append(targets, target{path: path, data: f.Data})
	}
	return targets
}

// augmentTargets augments every spec the catalog's openapi.augment names,
// as "errgen openapi" would without --force; notices go to stderr. An item
// whose out is none is skipped.
func augmentTargets(c *catalog.Catalog, catalogPath string, stderr io.Writer) ([]target, bool) {
	dir := filepath.Dir(catalogPath)
	var targets []target
	for _, a := range c.OpenAPI.Augment {
		if a.Out == catalog.OutputOff {
			continue
		}
		spec := filepath.Join(dir, filepath.FromSlash(a.Spec))
		out := filepath.Join(dir, filepath.FromSlash(a.Out))
		data, err := readInput(spec, maxSpecSize)
		if err != nil {
			fmt.Fprintf(stderr, "errgen: openapi.augment: %v\n", err)
			return nil, false
		}
		res, err := errgen.AugmentWith(c, data, spec, errgen.AugmentOptions{})
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintf(stderr, "errgen: %s\n", line)
			}
			fmt.Fprintf(stderr, "errgen: %s was not written\n", out)
			return nil, false
		}
		for _, notice := range res.Notices {
			fmt.Fprintf(stderr, "errgen: %s\n", notice)
		}
		targets = append(targets, target{path: out, data: res.Spec, mayReplace: spec})
	}
	return targets, true
}

// missingLine is --check's one line for outputs that do not exist yet: no
// diff of whole files, the command that creates them.
func missingLine(paths []string, regenerate string) string {
	if len(paths) == 1 {
		return fmt.Sprintf("errgen: %s does not exist; to create it, run: %s", paths[0], regenerate)
	}
	return fmt.Sprintf("errgen: %s do not exist; to create them, run: %s", strings.Join(paths, ", "), regenerate)
}
