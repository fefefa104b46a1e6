//go:build unix

package augment

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/catalogtest"
)

// rssChildEnv, set, makes TestRSSChild do one job in a process of its own:
// "augment FILE" (what errgen openapi does: read, augment, write) or "kin
// FILE" (kin-openapi loads and validates the file, nothing else).
const rssChildEnv = "ERRGEN_RSS_CHILD"

// TestRSSChild is BenchmarkAugmentRSS's child process; without
// ERRGEN_RSS_CHILD it does nothing.
func TestRSSChild(t *testing.T) {
	job, file := os.Getenv(rssChildEnv), os.Getenv(rssChildEnv+"_FILE")
	if job == "" {
		t.Skip("the child of BenchmarkAugmentRSS")
	}
	spec, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	switch job {
	case "kin":
		doc, err := openapi3.NewLoader().LoadFromData(spec)
		if err != nil {
			t.Fatal(err)
		}
		if err := doc.Validate(context.Background()); err != nil && !invalidAsPublished[filepath.Base(file)] {
			t.Fatal(err)
		}
	case "augment":
		c, err := catalog.Load(catalogtest.Path("catalog.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		out, _, err := Augment(c, spec, filepath.Base(file), Options{AllowInvalidSpec: invalidAsPublished[filepath.Base(file)]})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(t.TempDir(), "out"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// peakRSS runs TestRSSChild for job on file in a new process of this test
// binary and returns the process's peak resident set, in bytes.
func peakRSS(b *testing.B, job, file string) int64 {
	cmd := exec.Command(os.Args[0], "-test.run=^TestRSSChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), rssChildEnv+"="+job, rssChildEnv+"_FILE="+file)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s %s: %v\n%s", job, file, err, out)
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024 // Linux counts KiB
}

// BenchmarkAugmentRSS measures, side by side, the peak resident set of a
// process augmenting a large real spec (what errgen openapi does) and of
// one that only loads and validates it with kin-openapi, each a fresh
// process of this test binary, and reports their ratio (x-rss; the goal is
// at most 1.5), on the two large specs testdata/real holds: Stripe's and
// Kubernetes' core group.
func BenchmarkAugmentRSS(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes memory use")
	}
	for _, name := range []string{"stripe.json", "kubernetes-core-v1.json"} {
		b.Run(name, func(b *testing.B) {
			file, err := filepath.Abs(filepath.Join(specs, "real", name))
			if err != nil {
				b.Fatal(err)
			}
			var ours, kin int64
			for b.Loop() {
				ours = max(ours, peakRSS(b, "augment", file))
				kin = max(kin, peakRSS(b, "kin", file))
			}
			ratio := float64(ours) / float64(kin)
			b.ReportMetric(float64(ours)/(1<<20), "errgen-rss-MB")
			b.ReportMetric(float64(kin)/(1<<20), "kin-rss-MB")
			b.ReportMetric(ratio, "x-rss")
			if ratio > 1.5 {
				b.Errorf("errgen's peak RSS is %.2f× kin-openapi's (%d MB against %d MB): the goal is at most 1.5×", ratio, ours>>20, kin>>20)
			}
		})
	}
}
