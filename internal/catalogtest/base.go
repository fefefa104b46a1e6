package catalogtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// BaseRev is errgen as of issue 26, which its figures are measured against:
// the compile cost of the generated package and the time generation takes.
const BaseRev = "a3826fd"

// BaseErrgen returns a binary of errgen as of BaseRev: ERRGEN_BASE
// (docs/perf.sh builds one), else one built once per test binary from the
// history of the repository at root (a path from the test's folder: from a
// folder, git archive takes only that folder). It skips tb when git or the
// commit is missing.
func BaseErrgen(tb testing.TB, root string) string {
	tb.Helper()
	if p := os.Getenv("ERRGEN_BASE"); p != "" {
		return p
	}
	base.once.Do(func() {
		dir, err := os.MkdirTemp("", "errgen-base")
		if err != nil {
			tb.Fatal(err)
		}
		archive := exec.Command("sh", "-c", "git archive "+BaseRev+" | tar -x -C "+dir)
		archive.Dir = root
		if out, err := archive.CombinedOutput(); err != nil {
			tb.Logf("no errgen %s to measure against: %v\n%s", BaseRev, err, out)
			return
		}
		build := exec.Command("go", "build", "-o", "errgen", "./cmd/errgen")
		build.Dir = dir
		if out, err := build.CombinedOutput(); err != nil {
			tb.Fatalf("building errgen %s: %v\n%s", BaseRev, err, out)
		}
		base.path = filepath.Join(dir, "errgen")
	})
	if base.path == "" {
		tb.Skipf("no errgen %s to measure against (set ERRGEN_BASE)", BaseRev)
	}
	return base.path
}

var base struct {
	once sync.Once
	path string
}
