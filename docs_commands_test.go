package errgen

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocsCommands checks every command of the shell blocks of the docs
// and CONTRIBUTING.md (the README's are run by TestREADMEQuickStart) is
// one that works as written: an errgen command line names a command and
// flags errgen has, a go test line names tests, benchmarks and fuzz targets
// that exist in the package it names.
func TestDocsCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds errgen")
	}
	files := append(docFiles(t), "CONTRIBUTING.md")
	bin := filepath.Join(t.TempDir(), "errgen")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/errgen").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	help := map[string]string{}
	helpOf := func(cmd string) string {
		if _, ok := help[cmd]; !ok {
			out, err := exec.Command(bin, cmd, "--help").Output()
			if err != nil {
				t.Fatalf("errgen %s --help: %v", cmd, err)
			}
			help[cmd] = string(out)
		}
		return help[cmd]
	}
	flag := regexp.MustCompile(`(?:^|\s)(--[a-z-]+)`)
	checked := 0
	for _, file := range files {
		for _, b := range fencedBlocks(t, file) {
			if b.lang != "sh" {
				continue
			}
			for _, line := range commands(b.text) {
				dir := "." // where the line's go test runs: a (cd DIR && ...) moves it
				for _, cmd := range strings.Split(line, "&&") {
					cmd = strings.Trim(strings.TrimSpace(cmd), "()")
					fields := strings.Fields(cmd)
					switch {
					case len(fields) == 0:
						continue
					case fields[0] == "cd" && len(fields) == 2:
						dir = filepath.Join(dir, fields[1])
					case fields[0] == "errgen" || strings.HasPrefix(cmd, "go run ./cmd/errgen"):
						args := fields[1:]
						if fields[0] == "go" {
							args = fields[3:]
						}
						sub := "generate"
						if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !strings.Contains(args[0], ".") {
							sub = args[0]
						}
						h := helpOf(sub)
						for _, m := range flag.FindAllStringSubmatch(cmd, -1) {
							if !strings.Contains(h, m[1]) {
								t.Errorf("%s: %q: errgen %s has no %s", file, cmd, sub, m[1])
							}
						}
						checked++
					case len(fields) > 2 && fields[0] == "go" && fields[1] == "test":
						checkGoTest(t, file, dir, fields[2:])
						checked++
					}
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d commands checked", checked)
	}
}

// checkGoTest checks the -run, -bench and -fuzz patterns of a go test
// command line, run in dir, name functions of the packages it tests (a
// pattern ending in /... tests every package below it, each nested module's
// too, as a cd into it does).
func checkGoTest(t *testing.T, file, dir string, args []string) {
	t.Helper()
	pkg := "."
	patterns := map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-run" || a == "-bench" || a == "-fuzz":
			if i+1 < len(args) {
				patterns[a] = strings.Trim(args[i+1], `'"`)
				i++
			}
		case strings.HasPrefix(a, "./") || a == ".":
			pkg = a
		case strings.HasPrefix(a, "-"):
			if !strings.Contains(a, "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && !strings.HasPrefix(args[i+1], ".") {
				i++ // a flag's value
			}
		}
	}
	srcs := testFilesOf(t, filepath.Join(dir, pkg))
	var src strings.Builder
	for _, s := range srcs {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(data)
	}
	pkg = filepath.Join(dir, pkg)
	prefix := map[string]string{"-run": "Test", "-bench": "Benchmark", "-fuzz": "Fuzz"}
	for flag, pattern := range patterns {
		if pattern == "^$" || pattern == "." {
			continue
		}
		re := regexp.MustCompile(`func (` + prefix[flag] + `\w*)\(`)
		var all []string
		for _, alt := range strings.Split(pattern, "|") {
			found := false
			for _, m := range re.FindAllStringSubmatch(src.String(), -1) {
				if ok, _ := regexp.MatchString(alt, m[1]); ok {
					found = true
					all = append(all, m[1])
				}
			}
			if !found {
				t.Errorf("%s: go test %s %s %s: no %s function matches %q", file, pkg, flag, pattern, prefix[flag], alt)
			}
		}
		if flag == "-fuzz" && len(all) > 1 {
			// go test fuzzes one target, and refuses a pattern matching more
			t.Errorf("%s: go test %s -fuzz %s matches %d fuzz targets, %v: go test fuzzes one; anchor it (-fuzz '^%s$')", file, pkg, pattern, len(all), all, pattern)
		}
	}
}

// testFilesOf lists the test files of the package pattern pkg: a folder's
// own, or for a pattern ending in /... every one below that folder.
func testFilesOf(t *testing.T, pkg string) []string {
	t.Helper()
	root, ok := strings.CutSuffix(pkg, "/...")
	if !ok {
		srcs, _ := filepath.Glob(filepath.Join(pkg, "*_test.go"))
		return srcs
	}
	var srcs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir // the go command builds no package there
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(path, "_test.go") {
			srcs = append(srcs, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}
