package golang

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEveryFixedFileIsCopied: a file added to the fixed half is one the
// emitter copies, or the generated package would lack it.
func TestEveryFixedFileIsCopied(t *testing.T) {
	paths, err := filepath.Glob("fixed/*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range paths {
		name := filepath.Base(p)
		if !strings.HasSuffix(name, "_test.go") && name != "doc.go" && !strings.HasPrefix(name, "table") {
			files = append(files, name)
		}
	}
	slices.Sort(files)
	copied := slices.Sorted(slices.Values(fixedFiles))
	if !slices.Equal(files, copied) {
		t.Errorf("fixed/ holds %v; the emitter copies %v", files, copied)
	}
}

// TestBuildVariants runs the fixed package's tests in each of its other
// builds: under each of fixedFeatures' tags, the files in the place of the
// feature's, against the stand-in without it (table_<feature>.go), as the
// package of a catalog without the feature holds them. go test ./... builds
// the default only.
func TestBuildVariants(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the fixed package's tests once per feature")
	}
	for _, f := range fixedFeatures {
		out, err := exec.Command("go", "test", "-count=1", "-tags", f.tag, "./fixed").CombinedOutput()
		if err != nil {
			t.Errorf("go test -tags %s ./fixed: %v\n%s", f.tag, err, out)
		}
	}
}

// TestFeatureFiles: each of fixedFeatures' files, and those in their place,
// is copied into exactly the variants that should hold it, and builds under
// the constraint that says so.
func TestFeatureFiles(t *testing.T) {
	for i, f := range fixedFeatures {
		for _, files := range []struct {
			names      []string
			with       bool
			constraint string
		}{{f.files, true, "//go:build !" + f.tag + "\n"}, {f.without, false, "//go:build " + f.tag + "\n"}} {
			for _, name := range files.names {
				var v fixedVariant
				v.features[i] = files.with
				if !v.holds(name) {
					t.Errorf("%s: not held with feature %d %v", name, i, files.with)
				}
				v.features[i] = !files.with
				if v.holds(name) {
					t.Errorf("%s: held with feature %d %v", name, i, !files.with)
				}
				src, err := fixedFS.ReadFile("fixed/" + name)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(string(src), files.constraint) {
					t.Errorf("%s does not start with %q", name, files.constraint)
				}
			}
		}
	}
}
