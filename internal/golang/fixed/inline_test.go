package fixed

import (
	"os/exec"
	"regexp"
	"testing"
)

// Write's check of a writer that is Handler's, made on every Write, is
// inlined: a static Write does not pay a call for it. The rest of that
// check (a response started, hijacked) is a call, on a path already slow.
func TestWriteInlinesHandlerCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "build", "-gcflags=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`(?m)^\./error\.go:\d+:\d+: inlining call to tracking$`).Match(out) {
		t.Errorf("write's call to tracking is not inlined")
	}
}
