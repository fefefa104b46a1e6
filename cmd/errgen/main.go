// Command errgen generates Go, OpenAPI and Markdown from an error catalog.
// Run "errgen --help" for its commands; each takes --help.
//
// Exit codes: 0 fine; 1 invalid catalog, stale outputs, failed write or a
// breaking change; 2 usage.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/errgen/errgen/internal/hugeheap"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // invalid catalog, stale outputs, failed write
	exitUsage   = 2 // bad flags or arguments
)

func main() {
	tuneGC()
	info, _ := debug.ReadBuildInfo()
	wd, _ := os.Getwd()
	os.Exit(runAs(progName(os.Args[0], info, errgenIn(wd)), os.Args[1:], os.Stdout, os.Stderr))
}

// gcPercent is the GOGC of a run: errgen is a short-lived batch process,
// where fewer collections for more memory save CPU time, up to the point
// where the memory first touched costs more in page faults than the
// collections it spares. Measured in whole processes (BenchmarkGCPercent,
// gcpercent_test.go), 200 against 400 saves a sixth of a run of 1,000
// errors in two languages (its heap stays at a few MB live, and 400 let it
// grow to 45 MB, every page of it new) and changes a run of 10,000 within
// the noise, where the memory limit (memory.go) sets the pace anyway.
const gcPercent = 200

// tuneGC sets gcPercent unless the user set GOGC, which still decides, and
// turns generate's memory limit on (memory.go) and its huge pages
// (hugepages.go) unless the user set GOGC or GOMEMLIMIT. The plain path
// beside them is Go's default: GOGC=100, no limit and ordinary pages.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		setGC()
		memoryBudget = os.Getenv("GOMEMLIMIT") == ""
		hugePages = memoryBudget && hugeheap.On()
	}
}

// setGC sets gcPercent.
func setGC() {
	debug.SetGCPercent(gcPercent)
}

// run is main without the process, invoked as plain errgen: it returns the
// exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runAs("errgen", args, stdout, stderr)
}

// runAs is run for the command line prog (errgen, go tool errgen …), which
// messages telling the user what to run again name.
func runAs(prog string, args []string, stdout, stderr io.Writer) int {
	cmds := commands(prog)
	if len(args) == 0 {
		return cmds[0].run(args, stdout, stderr)
	}
	switch args[0] {
	case "--help", "-h":
		printOverview(prog, cmds, stdout)
		return exitOK
	case "--version", "-v":
		return runVersion(prog, args[1:], stdout, stderr)
	}
	if strings.HasPrefix(args[0], "-") || looksLikeFile(args[0]) {
		return cmds[0].run(args, stdout, stderr) // generate, the default
	}
	if c := lookup(cmds, args[0]); c != nil {
		return c.run(args[1:], stdout, stderr)
	}
	if st, err := os.Stat(args[0]); err == nil && st.Mode().IsRegular() {
		return cmds[0].run(args, stdout, stderr) // a catalog named without an extension
	}
	fmt.Fprintf(stderr, "errgen: unknown command %q\n%s", args[0], commandsHint(prog))
	return exitUsage
}

// looksLikeFile tells a catalog given to the default command (errgen
// api/errors.yaml) from a mistyped command name.
func looksLikeFile(arg string) bool {
	return strings.ContainsAny(arg, "./\\")
}
