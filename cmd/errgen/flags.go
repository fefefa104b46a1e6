package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"
)

// flags is one command's flag set, with where its texts go: help asked for
// goes to stdout, usage errors to stderr.
type flags struct {
	*pflag.FlagSet
	prog     string    // how errgen was invoked, for the help a usage error points to
	synopsis string    // the usage line(s) and what the command does
	stdout   io.Writer // help
	stderr   io.Writer // usage errors
	catalog  *string   // the --catalog flag; nil for commands that read no catalog
	operands int       // positional arguments the command takes besides the catalog
}

// newFlags returns a flag set that reports errors instead of exiting and
// prints nothing itself: parse decides which stream gets what. prog is how
// errgen was invoked.
func newFlags(prog, name, synopsis string, stdout, stderr io.Writer) *flags {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return &flags{FlagSet: fs, prog: prog, synopsis: synopsis, stdout: stdout, stderr: stderr}
}

// defaultCatalog is the catalog a command reads when given none.
const defaultCatalog = "catalog.yaml"

// catalogFlag adds --catalog; the catalog may then also be given as the one
// positional argument.
func (f *flags) catalogFlag() *string {
	f.catalog = f.String("catalog", defaultCatalog, "the error catalog (or give it as the argument)")
	return f.catalog
}

// printHelp writes the command's usage and flags.
func (f *flags) printHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: %s\n", f.synopsis)
	if usages := f.FlagUsages(); usages != "" {
		fmt.Fprintf(w, "\nFlags:\n%s", usages)
	}
}

// parse parses args; it returns an exit code when the command must stop:
// help asked for (0, on stdout), bad flags or stray arguments (2, on stderr).
func (f *flags) parse(args []string) (int, bool) {
	if err := f.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			f.printHelp(f.stdout)
			return exitOK, true
		}
		return f.usageError("%v", err)
	}
	rest := f.Args()
	if f.catalog != nil && len(rest) > 0 {
		if f.Changed("catalog") && *f.catalog != rest[0] {
			return f.usageError("the catalog is given twice: --catalog %s and %s", *f.catalog, rest[0])
		}
		*f.catalog, rest = rest[0], rest[1:]
	}
	if len(rest) > f.operands {
		return f.usageError("unexpected argument %q", rest[f.operands])
	}
	return exitOK, false
}

// usageError reports a usage error with a hint to the command's help.
func (f *flags) usageError(format string, args ...any) (int, bool) {
	fmt.Fprintf(f.stderr, "errgen: %s\n", fmt.Sprintf(format, args...))
	fmt.Fprintf(f.stderr, "Run '%s --help' for usage.\n", commandLine(f.prog, []string{f.Name()}))
	return exitUsage, true
}
