package runtime

// The emitter copies runtime.go, after its import block, into every generated
// package. This test holds runtime.go and the committed goldens to the same
// bytes, so that a change to one without regenerating the other fails here.

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// goldenGlobs find the committed generated packages, relative to this directory.
var goldenGlobs = []string{
	"../../../testdata/presets/*/*/errors.go",
	"../../../examples/*/*/errors.go",
	"../../../generated/*/errors.go",
}

// runtimeStart is the first line of the runtime half of a generated file.
const runtimeStart = "// Definition describes one catalog error: its registry entry.\n"

// metaLine is the one line the emitter adds to the runtime, for catalogs whose
// envelopes reference $meta.
var metaLine = regexp.MustCompile(`(?m)^\tmeta            \[\]string       // meta values referenced by envelopes: .*\n`)

// splitImports returns a file's import block and what follows it, as the
// emitter splits runtime.go: after the block's closing ")\n\n".
func splitImports(t *testing.T, name string, src []byte) (imports, rest []byte) {
	t.Helper()
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		t.Fatalf("%s: no import block", name)
	}
	end := bytes.Index(src[start:], []byte("\n)\n\n"))
	if end < 0 {
		t.Fatalf("%s: import block not closed by )\\n\\n", name)
	}
	end += start + len("\n)\n\n")
	return src[start+1 : end], src[end:]
}

func TestRuntimeMatchesGoldens(t *testing.T) {
	src, err := os.ReadFile("runtime.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(src, []byte("package runtime\n\nimport (\n")) {
		t.Fatal("runtime.go must hold the package clause, then the import block, and nothing before them")
	}
	imports, runtime := splitImports(t, "runtime.go", src)
	if !bytes.HasPrefix(runtime, []byte(runtimeStart)) {
		t.Fatalf("runtime.go: the runtime must follow the import block, starting %q", runtimeStart)
	}
	var goldens []string
	for _, pattern := range goldenGlobs {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		goldens = append(goldens, m...)
	}
	if len(goldens) == 0 {
		t.Fatalf("no goldens found with %q", goldenGlobs)
	}
	t.Logf("%d goldens", len(goldens))
	for _, name := range goldens {
		t.Run(strings.TrimPrefix(filepath.ToSlash(name), "../../../"), func(t *testing.T) {
			golden, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			gotImports, _ := splitImports(t, name, golden)
			if !bytes.Equal(gotImports, imports) {
				t.Errorf("import block differs from runtime.go's:\n%s", gotImports)
			}
			i := bytes.Index(golden, []byte("\n"+runtimeStart))
			if i < 0 {
				t.Fatalf("no line %q", runtimeStart)
			}
			half := metaLine.ReplaceAll(golden[i+1:], nil)
			if !bytes.Equal(half, runtime) {
				t.Errorf("runtime half differs from runtime.go at %s", firstDiff(half, runtime))
			}
		})
	}
}

// firstDiff describes where a and b first differ, by line.
func firstDiff(a, b []byte) string {
	al, bl := bytes.SplitAfter(a, []byte("\n")), bytes.SplitAfter(b, []byte("\n"))
	for i := 0; i < len(al) && i < len(bl); i++ {
		if !bytes.Equal(al[i], bl[i]) {
			return "runtime line " + strconv.Itoa(i+1) + ":\ngolden:     " + string(al[i]) + "runtime.go: " + string(bl[i])
		}
	}
	return "the end: golden has " + strconv.Itoa(len(al)) + " lines, runtime.go " + strconv.Itoa(len(bl))
}
