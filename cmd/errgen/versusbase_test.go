//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
	"github.com/errgen/errgen/internal/catalogtest"
)

// BenchmarkGenerateVersusBase measures generation as issue 26 asks: whole
// errgen processes, this one (now) and errgen as of catalogtest.BaseRev
// (base), in turn (benchpair.Ways: now/base of wall and CPU time, the
// processes' own), on the scale catalogs of 1,000 and 10,000 errors, with
// all three outputs and with Go alone. Each writes into a folder of its own
// where its outputs already are, so both compute every output and compare
// it with the file, and neither writes: what a go generate run that changes
// nothing costs. It reports each one's peak resident set, as the kernel
// counts it. n=N+de is the catalog in English and German
// (catalogtest.ScaleTranslated) for this errgen, against base on the
// catalog in English (errgen then had no languages): issue 26's figures
// must hold for two languages, a second page of docs included. Under -short
// (CI, so that it does not rot) it runs this errgen alone on 100 errors.
func BenchmarkGenerateVersusBase(b *testing.B) {
	if raceEnabled {
		b.Skip("the race detector changes time and memory")
	}
	dir := b.TempDir()
	bins := map[string]string{"now": buildErrgen(b, dir)}
	sizes := []int{100}
	if !testing.Short() {
		bins["base"] = catalogtest.BaseErrgen(b, filepath.Join("..", ".."))
		sizes = []int{1000, 10000}
	}
	for _, n := range sizes {
		for _, lang := range []string{"", "de"} {
			cats := scaleCatalogs(b, dir, n, lang)
			generateVersusBase(b, bins, cats, filepath.Dir(cats["now"])) // n=N or n=N+LANG
		}
	}
}

// buildErrgen builds this errgen into dir and returns the binary's path.
func buildErrgen(b *testing.B, dir string) string {
	bin := filepath.Join(dir, "errgen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// scaleCatalogs writes the scale catalog of n errors, translated into lang
// (none for ""), into a folder of its own under dir and returns its path
// for each errgen: base reads it in English alone.
func scaleCatalogs(b *testing.B, dir string, n int, lang string) map[string]string {
	name := fmt.Sprint("n=", n)
	files := map[string][]byte{"catalog.yaml": catalogtest.Scale(n)}
	if lang != "" {
		name += "+" + lang
		files["catalog.yaml"], files["translations/"+lang+".yaml"] = catalogtest.ScaleTranslated(n, lang)
		files["english.yaml"] = catalogtest.Scale(n)
	}
	cats := map[string]string{"now": filepath.Join(dir, name, "catalog.yaml"), "base": filepath.Join(dir, name, "catalog.yaml")}
	if lang != "" {
		cats["base"] = filepath.Join(dir, name, "english.yaml")
	}
	for file, data := range files {
		path := filepath.Join(dir, name, file)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return cats
}

// generateVersusBase runs the sub-benchmarks of one scale catalog, cats by
// errgen, in its folder dir, which names them; the outputs go below it.
func generateVersusBase(b *testing.B, bins, cats map[string]string, dir string) {
	for _, outputs := range []struct {
		name string
		args []string
	}{
		{"all", nil},
		{"go", []string{"--openapi-out", "none", "--markdown-out", "none"}},
	} {
		b.Run(filepath.Base(dir)+"/"+outputs.name, func(b *testing.B) {
			var ways []benchpair.Way
			peak := map[string]int64{}
			for _, name := range []string{"now", "base"} {
				if bins[name] == "" {
					continue
				}
				args := append([]string{"--catalog", cats[name], "--out", filepath.Join(dir, name, outputs.name)}, outputs.args...)
				generateProcess(b, bins[name], args) // writes the outputs the measured runs compare with
				ways = append(ways, benchpair.Way{Name: name, Run: func() {
					peak[name] = max(peak[name], generateProcess(b, bins[name], args))
				}})
			}
			benchpair.Ways(b, ways, nil)
			for _, w := range ways {
				b.ReportMetric(float64(peak[w.Name])/1e6, w.Name+"-peak-MB")
			}
		})
	}
}

// generateProcess runs errgen with args at its own settings (no GOGC or
// GOMEMLIMIT of the test's), but for env, and returns its peak resident
// set in bytes.
func generateProcess(b *testing.B, bin string, args []string, env ...string) int64 {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(ownSettingsEnv(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s %q: %v\n%s", bin, args, err, out)
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // Linux counts KiB
}
