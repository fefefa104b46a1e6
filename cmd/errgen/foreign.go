package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/diag"
)

// printGenerateWarnings prints the warnings of the catalog at path that
// generate loaded, unless the catalog is another Go module's than the one
// errgen runs in: a client module generating its copy of the package from
// a service's catalog (docs/go.md) cannot mend the service's missing or
// stale translations, which the service's own runs report. One line says
// they were left out and which command lists them.
func printGenerateWarnings(prog, path string, warnings *diag.List, stderr io.Writer) {
	if warnings.Count() == 0 {
		return
	}
	module, foreign := foreignCatalog(path)
	if !foreign {
		printDiagnostics(prog, path, stderr, warnings)
		return
	}
	fmt.Fprintf(stderr, "errgen: %s is not in this Go module (%s): its warnings (%d) are its own module's to mend, left out here; %s lists them\n",
		path, module, warnings.Count(), commandLine(prog, []string{"validate", operandPath(path)}))
}

// foreignCatalog reports whether the catalog at path is outside the Go
// module errgen runs in: the go.mod nearest above the working directory is
// not the nearest above the catalog (another module's, or none). A run in
// no module has no module to be outside of. module names the working
// directory's module.
func foreignCatalog(path string) (module string, foreign bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	here, data, err := nearestGoMod(wd)
	if err != nil {
		return "", false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	// a catalog whose go.mod cannot be read is in no module we know of
	there, _, err := nearestGoMod(filepath.Dir(abs))
	if err == nil && there != "" && sameDir(here, there) {
		return "", false
	}
	if module, ok := modulePath(data); ok {
		return module, true
	}
	return here, true
}

// sameDir reports whether a and b are one folder, however reached (a
// symbolic link in the working directory's path, say).
func sameDir(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return os.SameFile(sa, sb)
}
