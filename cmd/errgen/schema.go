package main

import (
	"io"

	"github.com/errgen/errgen"
)

// runSchema implements "errgen schema"; prog is how errgen was invoked.
func runSchema(prog string, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(prog, "schema", "errgen schema [--translation]\n\nPrints the catalog's JSON Schema (draft 2020-12), also at\n"+errgen.SchemaURL+".\nEditors complete and check a catalog whose first line is\n# yaml-language-server: $schema="+errgen.SchemaURL, stdout, stderr)
	translation := fs.Bool("translation", false, "print the translation files' schema instead, also at "+errgen.TranslationSchemaURL)
	if code, stop := fs.parse(args); stop {
		return code
	}
	if *translation {
		stdout.Write(errgen.TranslationSchema())
		return exitOK
	}
	stdout.Write(errgen.Schema())
	return exitOK
}
