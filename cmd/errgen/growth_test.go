package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
)

// maxFourfold is the most allocations (count and bytes) four times the
// input may cost against the input once: linear work gives about 4 (less,
// as the run's fixed costs do not grow), n log n a little more, quadratic
// 16.
const maxFourfold = 6.0

// TestCommandsGrowLinearly runs every command that reads something
// growing in-process on inputs of one size and of four times it, and
// holds the allocations of the run (their count and bytes, which do not
// depend on the machine's load) to growing at most about linearly:
// generate, validate, translate (a new file, and the update of a full one
// after a tenth of the messages changed), diff of two catalogs differing
// in a twentieth of their errors, and openapi on a spec of operations.
func TestCommandsGrowLinearly(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("runs each command on catalogs of 1,000 and 4,000 errors")
	}
	for _, cmd := range growthCommands {
		t.Run(cmd.name, func(t *testing.T) {
			small, smallBytes := cmd.allocs(t, 1000)
			large, largeBytes := cmd.allocs(t, 4000)

			for _, r := range []struct {
				what         string
				small, large uint64
			}{{"allocations", small, large}, {"bytes allocated", smallBytes, largeBytes}} {
				ratio := float64(r.large) / float64(r.small)
				if ratio > maxFourfold {
					t.Errorf("4 times the input took %.1f times the %s (%d, %d): want at most %.0f", ratio, r.what, r.small, r.large, maxFourfold)
				} else {
					t.Logf("4 times the input: %.2f times the %s (%d, %d)", ratio, r.what, r.small, r.large)
				}
			}
		})
	}
}

// growthCommand is a command run on inputs of a size: setup writes them
// into dir, args runs it there.
type growthCommand struct {
	name  string
	setup func(t *testing.T, dir string, n int)
	args  []string
	says  string // what its standard output says, so that it did the work measured
	exit  int
}

var growthCommands = []growthCommand{
	{"generate", writeScale, []string{"generate", "catalog.yaml", "--out", "out"}, "wrote", exitOK},
	{"validate", writeScale, []string{"validate", "catalog.yaml"}, "valid", exitOK},
	{"translate new", writeScaleGerman, []string{"translate", "de", "catalog.yaml"}, "texts to translate in", exitOK},
	{"translate update", writeStaleGerman, []string{"translate", "de", "catalog.yaml"}, "marked stale", exitOK},
	{"diff", writeScaleChanged, []string{"diff", "old.yaml", "catalog.yaml"}, "status-changed", exitFailure},
	{"openapi", writeSpec, []string{"openapi", "catalog.yaml", "--spec", "spec.json", "--out", "out.json"}, "wrote", exitOK},
}

// allocs runs the command once on inputs of size n and returns the
// allocations and bytes it made.
func (c growthCommand) allocs(t *testing.T, n int) (count, bytes uint64) {
	dir := t.TempDir()
	c.setup(t, dir, n)
	t.Chdir(dir)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var stdout, stderr strings.Builder
	code := run(c.args, &stdout, &stderr)
	runtime.ReadMemStats(&after)
	if code != c.exit || !strings.Contains(stdout.String(), c.says) {
		t.Fatalf("errgen %s: exit %d, want %d, and %q on stdout\n%s%s", strings.Join(c.args, " "), code, c.exit, c.says, stdout.String(), stderr.String())
	}
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

func writeGrowthFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeScale(t *testing.T, dir string, n int) {
	writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), catalogtest.Scale(n))
}

func writeScaleGerman(t *testing.T, dir string, n int) {
	root, _ := catalogtest.ScaleTranslated(n, "de")
	writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), root)
}

// writeStaleGerman writes the scale catalog in English and German with a
// translation file errgen translate made and a translator filled in,
// after which a tenth of the catalog's messages changed.
func writeStaleGerman(t *testing.T, dir string, n int) {
	writeScaleGerman(t, dir, n)
	t.Chdir(dir)
	var stderr strings.Builder
	if code := run([]string{"translate", "de", "catalog.yaml"}, io.Discard, &stderr); code != exitOK {
		t.Fatalf("errgen translate: exit %d\n%s", code, stderr.String())
	}
	file := filepath.Join(dir, "translations", "de.yaml")
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	filled := strings.NewReplacer(`    title: ""`, `    title: "Titel"`, `    message: ""`, `    message: "Fehler bei {field}"`,
		`    description: ""`, `    description: "Beschreibung."`).Replace(string(text))
	writeGrowthFile(t, file, []byte(filled))
	root, _ := catalogtest.ScaleTranslated(n, "de")
	writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), changeEvery(root, 10, false))
}

// writeScaleChanged writes the scale catalog as old.yaml and, as
// catalog.yaml, the same with every twentieth error changed, its message
// or its status in turn.
func writeScaleChanged(t *testing.T, dir string, n int) {
	writeGrowthFile(t, filepath.Join(dir, "old.yaml"), catalogtest.Scale(n))
	writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), changeEvery(catalogtest.Scale(n), 20, true))
}

// changeEvery changes the message of every nth error of a scale catalog
// (every other one's status instead, with statuses).
func changeEvery(catalog []byte, n int, statuses bool) []byte {
	lines := strings.SplitAfter(string(catalog), "\n")
	index := -1
	for i, line := range lines {
		if strings.HasPrefix(line, "  - code: ") {
			index++
		}
		if index == 0 || index%n != 0 {
			continue
		}
		switch status := statuses && index/n%2 == 1; {
		case status && strings.HasPrefix(line, "    status: "):
			lines[i] = "    status: 418\n"
		case !status && strings.HasPrefix(line, "    message: "):
			lines[i] = strings.Replace(line, "Request failed", "Request was refused by", 1)
		}
	}
	return []byte(strings.Join(lines, ""))
}

// writeSpec writes the bundled catalog and a spec of n/4 operations, each
// with a response of its own and a schema of its own, which errgen openapi
// attaches the catalog's openapi.attach responses to. A quarter, since
// the test's own peak resident set, which kin-openapi's tree of 4,000
// operations took to 134 MB, is where the peak of every process it starts
// afterwards begins (Linux counts the parent's at the exec): the memory
// tests' children read it as theirs.
func writeSpec(t *testing.T, dir string, n int) {
	writeOperationsSpec(t, dir, n/4)
}

// writeOperationsSpec writes the bundled catalog and, as spec.json, a spec
// of n operations, each with a response and a schema of its own.
func writeOperationsSpec(t testing.TB, dir string, n int) {
	data, err := os.ReadFile(catalogtest.Path("catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeGrowthFile(t, filepath.Join(dir, "catalog.yaml"), data)
	var paths, schemas []string
	for i := range n {
		paths = append(paths, fmt.Sprintf(`"/things%d/{id}":{"get":{"operationId":"getThing%d","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],`+
			`"responses":{"200":{"description":"The thing","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing%d"}}}}}}}`, i, i, i))
		schemas = append(schemas, fmt.Sprintf(`"Thing%d":{"type":"object","properties":{"id":{"type":"string"},"size":{"type":"integer"}}}`, i))
	}
	spec := `{"openapi":"3.0.3","info":{"title":"Things","version":"1"},"paths":{` + strings.Join(paths, ",") +
		`},"components":{"schemas":{` + strings.Join(schemas, ",") + `}}}`
	writeGrowthFile(t, filepath.Join(dir, "spec.json"), []byte(spec))
}
