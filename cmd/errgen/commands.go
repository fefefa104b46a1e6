package main

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// command is one sub-command: adding a command is adding an entry to
// commands.
type command struct {
	name    string                                            // as typed after errgen
	args    string                                            // its arguments, for the overview
	summary string                                            // one line: what it does
	run     func(args []string, stdout, stderr io.Writer) int // the command, given the arguments after its name
}

// commands lists the sub-commands in the order the overview shows them; the
// first is the default. prog is how errgen was invoked, for messages that
// say what to run.
func commands(prog string) []command {
	cmds := []command{
		{"generate", "[CATALOG] [flags]", "write the Go, OpenAPI and Markdown outputs (the default command)",
			func(args []string, stdout, stderr io.Writer) int { return runGenerate(prog, args, stdout, stderr) }},
		{"validate", "[CATALOG] [--strict]", "check the catalog and report every problem",
			func(args []string, stdout, stderr io.Writer) int { return runValidate(prog, args, stdout, stderr) }},
		{"init", "[--format PRESET] [--split] [DIR]", "write a starter catalog.yaml",
			func(args []string, stdout, stderr io.Writer) int { return runInit(prog, args, stdout, stderr) }},
		{"schema", "[--translation]", "print the catalog's (or a translation file's) JSON Schema, for editors",
			func(args []string, stdout, stderr io.Writer) int { return runSchema(prog, args, stdout, stderr) }},
		{"openapi", "[CATALOG] --spec IN --out OUT", "add the error responses to an existing OpenAPI spec",
			func(args []string, stdout, stderr io.Writer) int { return runOpenAPI(prog, args, stdout, stderr) }},
		{"diff", "OLD NEW | --base GIT_REF [CATALOG]", "list the changes between two catalogs; exit 1 if one is breaking",
			func(args []string, stdout, stderr io.Writer) int { return runDiff(prog, args, stdout, stderr) }},
		{"translate", "LANG [CATALOG] [--check]", "add what a language's translation file lacks, mark what is stale",
			func(args []string, stdout, stderr io.Writer) int { return runTranslate(prog, args, stdout, stderr) }},
		{"version", "", "print errgen's version",
			func(args []string, stdout, stderr io.Writer) int { return runVersion(prog, args, stdout, stderr) }},
		{"help", "[COMMAND]", "print this overview, or a command's flags", nil},
	}
	// help lists the table it is in.
	cmds[len(cmds)-1].run = func(args []string, stdout, stderr io.Writer) int { return runHelp(prog, cmds, args, stdout, stderr) }
	return cmds
}

// lookup returns the named command, or nil.
func lookup(cmds []command, name string) *command {
	for i := range cmds {
		if cmds[i].name == name {
			return &cmds[i]
		}
	}
	return nil
}

// runHelp implements "errgen help [COMMAND]": a command's help is what
// "errgen COMMAND --help" prints. prog is how errgen was invoked.
func runHelp(prog string, cmds []command, args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		printOverview(prog, cmds, stdout)
		return exitOK
	case len(args) > 1:
		fmt.Fprintf(stderr, "errgen: help takes one command, not %d arguments\n%s", len(args), commandsHint(prog))
		return exitUsage
	case args[0] == "help" || args[0] == "--help" || args[0] == "-h":
		printOverview(prog, cmds, stdout)
		return exitOK
	}
	c := lookup(cmds, args[0])
	if c == nil {
		fmt.Fprintf(stderr, "errgen: unknown command %q\n%s", args[0], commandsHint(prog))
		return exitUsage
	}
	return c.run([]string{"--help"}, stdout, stderr)
}

// commandsHint is the line that points a usage error to the overview of
// the commands, as errgen was invoked (prog).
func commandsHint(prog string) string {
	return "Run '" + prog + " --help' for the commands.\n"
}

// printOverview prints what errgen does and every command, its last
// lines naming the help commands as errgen was invoked (prog).
func printOverview(prog string, cmds []command, w io.Writer) {
	fmt.Fprint(w, "errgen turns an error catalog (catalog.yaml) into Go, OpenAPI and Markdown.\n\nUsage:\n")
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, c := range cmds {
		fmt.Fprintf(tw, "  errgen %s %s\t%s\n", c.name, c.args, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, `
CATALOG defaults to catalog.yaml; --catalog FILE works too.
"errgen CATALOG [flags]" is "errgen generate CATALOG [flags]".
`)
	fmt.Fprintf(w, "Run \"%s\" or \"%s\" for a command's flags.\n", commandLine(prog, []string{"help", "COMMAND"}), commandLine(prog, []string{"COMMAND", "--help"}))
	fmt.Fprint(w, `Flags: --help, -h: this overview; --version, -v: errgen's version.
Exit codes: 0 fine; 1 invalid catalog, stale outputs, failed write or breaking change;
2 usage.
`)
}
