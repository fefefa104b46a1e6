package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen"
)

// splitNote replaces the starter's errors in the root of a split catalog.
const splitNote = `# The errors live in errors/*.yaml, one file per domain (each perhaps owned
# by its team, with its CODEOWNERS line). A file holds errors: and may set
# category:, the default of its errors (the page groups by it with
# docs.group_by: category). Files are read in the order of their paths, their
# errors one list, checked as one: as if they were written here.
include: [errors/*.yaml]
`

// splitFile is the head of one included file of the starter.
const splitFile = `# yaml-language-server: $schema=%s
#
# %s, included by ../catalog.yaml. Only errors and their
# default category live here; every other setting is the root catalog's.
category: %s
errors:
`

// starterSplit cuts the starter catalog into a root that includes
// errors/*.yaml, errors/client.yaml and errors/server.yaml: the same
// catalog, each file's category set once for its errors. It returns the
// files in the order written, by path relative to the folder.
func starterSplit(text []byte) ([][2]string, error) {
	s := string(text)
	errorsAt := strings.Index(s, "# One entry per error.")
	serverAt := strings.Index(s, "  - code: INTERNAL_ERROR")
	if errorsAt < 0 || serverAt < errorsAt {
		return nil, fmt.Errorf("the starter catalog has no errors to split")
	}
	entries := s[strings.Index(s[errorsAt:], "\nerrors:\n")+errorsAt+len("\nerrors:\n"):]
	serverAt -= len(s) - len(entries)
	file := func(what, category, entries string) string {
		entries = strings.ReplaceAll(entries, "    category: "+category+"\n", "")
		return fmt.Sprintf(splitFile, errgen.SchemaURL, what, category) + strings.TrimPrefix(entries, "\n")
	}
	return [][2]string{
		{"catalog.yaml", s[:errorsAt] + splitNote},
		{filepath.Join("errors", "client.yaml"), file("The client errors (4xx)", "Client errors", strings.TrimRight(entries[:serverAt], "\n")+"\n")},
		{filepath.Join("errors", "server.yaml"), file("The server errors (5xx)", "Server errors", entries[serverAt:])},
	}, nil
}

// splitClash refuses to split the starter into dir when dir/errors/*.yaml
// exist: the new root's include would read them as its errors beside the
// starter's (an errors: [] among them made it invalid at once), and
// errgen init writes no catalog over or among a user's files. A catalog.yaml
// already there is writeFiles' to refuse.
func splitClash(dir string) error {
	if _, err := os.Lstat(filepath.Join(dir, "catalog.yaml")); err == nil {
		return nil
	}
	found, err := filepath.Glob(filepath.Join(dir, "errors", "*.yaml"))
	if err != nil || len(found) == 0 {
		return err
	}
	verb, it := "exists", "it"
	if len(found) > 1 {
		verb, it = "exist", "them"
	}
	return fmt.Errorf("%s already %s, and the split catalog's include: [errors/*.yaml] would read %s as its own errors: move %s away, or give another directory",
		strings.Join(found, ", "), verb, it, it)
}
