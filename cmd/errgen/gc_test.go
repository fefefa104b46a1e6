package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
)

// generateWithGC runs errgen on cat into out with GOGC at percent, and
// restores the setting.
func generateWithGC(tb testing.TB, percent int, cat, out string) {
	tb.Helper()
	defer debug.SetGCPercent(debug.SetGCPercent(percent))
	var stderr bytes.Buffer
	if code := run([]string{"--catalog", cat, "--out", out}, io.Discard, &stderr); code != exitOK {
		tb.Fatalf("errgen exited %d: %s", code, stderr.String())
	}
}

// TestGCPercentAgrees: the outputs are byte for byte the same with tuneGC's
// setting and with Go's default.
func TestGCPercentAgrees(t *testing.T) {
	dir := t.TempDir()
	cat := filepath.Join(dir, "catalog.yaml")
	if err := os.WriteFile(cat, catalogtest.Synthetic(60), 0o644); err != nil {
		t.Fatal(err)
	}
	tuned, plain := filepath.Join(dir, "tuned"), filepath.Join(dir, "plain")
	generateWithGC(t, gcPercent, cat, tuned)
	generateWithGC(t, 100, cat, plain)
	if n := sameTrees(t, tuned, plain); n < 3 {
		t.Fatalf("%d outputs compared", n)
	}
}
