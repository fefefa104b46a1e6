// Command errgen generates Go, OpenAPI and Markdown from an error catalog.
//
//	errgen [generate] [--catalog catalog.yaml] [--out generated] [--check] …
//	errgen validate [--catalog catalog.yaml]
//	errgen openapi --spec IN --out OUT [--catalog catalog.yaml] [--force]
//	errgen diff OLD NEW | errgen diff --base GIT_REF [CATALOG] [--format F] [--allow CODE:KIND]
//	errgen version
//
// Exit codes: 0 fine, 1 invalid catalog, stale outputs or a breaking change, 2 usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // invalid catalog, stale outputs, failed write
	exitUsage   = 2 // bad flags or arguments
)

func main() {
	// A short-lived batch process: fewer collections for more memory save a
	// fifth of a 10,000-error run. A GOGC the user sets still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `errgen turns an error catalog into Go, OpenAPI and Markdown.

Usage:
  errgen [generate] [flags]   generate every output (the default command)
  errgen validate [flags]     check the catalog and report every problem
  errgen openapi [flags]      add the error responses to an existing OpenAPI spec
  errgen diff OLD NEW         list changes between two catalogs; exit 1 if one is breaking
  errgen version              print errgen's version

Run "errgen COMMAND --help" for a command's flags.
`

// run is main without the process: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	cmd := "generate"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "generate":
		return runGenerate(args, stdout, stderr)
	case "validate":
		return runValidate(args, stdout, stderr)
	case "openapi":
		return runOpenAPI(args, stdout, stderr)
	case "diff":
		return runDiff(args, stdout, stderr)
	case "version":
		return runVersion(args, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "errgen: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nFlags:\n%s", synopsis, fs.FlagUsages())
	}
	return fs
}

// parseFlags parses args; it returns an exit code when the command must stop
// (help asked: 0; bad flags or stray arguments: 2).
func parseFlags(fs *pflag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, true
		}
		fmt.Fprintf(stderr, "errgen: %v\n", err)
		return exitUsage, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "errgen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage, true
	}
	return 0, false
}

// loadCatalog loads a catalog, printing every problem on failure.
func loadCatalog(path string, stderr io.Writer) (*catalog.Catalog, bool) {
	c, err := catalog.Load(path, errgen.Check)
	if err != nil {
		var probs *catalog.Problems
		if errors.As(err, &probs) {
			fmt.Fprintln(stderr, probs.Error())
			fmt.Fprintf(stderr, "errgen: %s: %d problem(s); nothing was written\n", path, probs.Count())
		} else {
			fmt.Fprintf(stderr, "errgen: %v\n", err)
		}
		return nil, false
	}
	return c, true
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("validate", "errgen validate [--catalog FILE]", stderr)
	catalogPath := fs.String("catalog", "catalog.yaml", "the error catalog")
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	c, ok := loadCatalog(*catalogPath, stderr)
	if !ok {
		return exitFailure
	}
	fmt.Fprintf(stdout, "%s: %d errors, valid\n", *catalogPath, len(c.Errors))
	return exitOK
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "errgen version", stderr)
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	version := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		version = info.Main.Version
	}
	fmt.Fprintf(stdout, "errgen %s\n", version)
	return exitOK
}
