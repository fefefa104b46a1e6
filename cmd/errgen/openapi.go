package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/errgen/errgen"
)

const openapiSynopsis = `errgen openapi [CATALOG] --spec IN --out OUT [--force] [--replace NAME,…] [--check] [--allow-invalid-spec]

Adds the catalog's error components to the OpenAPI 3.0 or 3.1 document IN
(YAML or JSON) and attaches error responses to every operation: for each
status, exactly the codes of the operation's own x-errors list and of the
catalog's openapi.attach (an operation drops the latter with
x-errors-attach: false, and the attached 401s with security: []). Only the
components the operations use are added. OUT is written in IN's format, and
only if the result passes validation. What IN already says is kept unless
--force is given: a response it defines is reported on stderr, a component of
the same name that differs is an error (--replace NAME replaces that one
component with errgen's, as the catalog's openapi.augment replace list does;
NAME as the error names it, components.responses.TooManyRequests). IN's text
is kept byte for byte: errgen only inserts, in IN's style. An IN that is not
valid before errgen changes anything is refused, unless --allow-invalid-spec
is given.

errgen marks what it inserts (x-errgen members, with a hash of each part),
so running it again on its own output refreshes its parts from the catalog
and removes the ones nothing uses any more, without --force; a part edited
by hand since is an error unless --force. --check writes nothing and exits 1
with a diff when OUT is not what a run would write.`

// runOpenAPI implements "errgen openapi"; prog is how errgen was invoked,
// for the command --check says to run.
func runOpenAPI(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "openapi", openapiSynopsis, stdout, stderr)
	specPath := fs.String("spec", "", "the OpenAPI document to augment (required)")
	outPath := fs.String("out", "", "where to write the augmented document; may be the same as --spec (required)")
	catalogPath := fs.catalogFlag()
	force := fs.Bool("force", false, "replace responses and components the spec already defines")
	replace := fs.StringSlice("replace", nil, "replace this component of the spec's with errgen's, named as the error names it (components.responses.NAME); repeat it or separate names with commas")
	allowInvalid := fs.Bool("allow-invalid-spec", false, "augment a spec that is not valid as it is, as long as errgen's additions add no problem")
	check := fs.Bool("check", false, "write nothing; exit 1 with a diff when OUT is not what a run would write")
	if code, stop := fs.parse(args); stop {
		return code
	}
	var missing []string
	for _, f := range []struct{ name, value string }{{"--spec", *specPath}, {"--out", *outPath}} {
		if f.value == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		code, _ := fs.usageError("openapi needs %s", strings.Join(missing, " and "))
		return code
	}
	// none turns an output off everywhere else (an openapi.augment item's
	// out too): a file of that name is surely not what was meant
	if *outPath == off {
		code, _ := fs.usageError("openapi --out none: none turns an output off, and this command writes no other; name the file to write (./none for a file called none)")
		return code
	}
	c, ok := loadCatalog(prog, *catalogPath, stderr)
	if !ok {
		return exitFailure
	}
	spec, err := readInput(*specPath, specLimit)
	if err != nil {
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitFailure
	}
	res, ok := augmentSpec(c, spec, *specPath, *outPath, errgen.AugmentOptions{Force: *force, AllowInvalidSpec: *allowInvalid, Replace: *replace}, nil, stderr)
	if !ok {
		return exitFailure
	}
	// The spec itself is the one file errgen may replace without its header:
	// augmenting in place.
	targets := []target{{path: *outPath, data: res.Spec, mayReplace: *specPath, augmented: true}}
	if *check {
		again := slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--check" || a == "--check=true" })
		return checkTargets(prog, targets, nil, false, commandLine(prog+" openapi", again), stdout, stderr)
	}
	return writeTargets(prog, targets, nil, false, stdout, stderr)
}
