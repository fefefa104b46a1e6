package main

import (
	"io"

	"github.com/errgen/errgen"
)

// runSchema implements "errgen schema".
func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "errgen schema\n\nPrints the catalog's JSON Schema (draft 2020-12), also at\n"+errgen.SchemaURL+".\nEditors complete and check a catalog whose first line is\n# yaml-language-server: $schema="+errgen.SchemaURL, stdout, stderr)
	if code, stop := fs.parse(args); stop {
		return code
	}
	stdout.Write(errgen.Schema())
	return exitOK
}
