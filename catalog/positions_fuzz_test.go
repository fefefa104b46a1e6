package catalog_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/openapi"
)

// outside says why pos is not a place in files, one of the catalog's files
// by name: "" when it is one. A line is one of the file's lines as an
// editor counts them, ended by a line feed, a carriage return or both (a
// last line left empty counts, for the end of a file that ends its last
// line), not by NEL, LS or PS, which yaml.v3 counts; a column, 1-based in
// characters, is at most one past the line's last character (where a
// missing value goes). Line 0 is the whole file, column 0 the whole line.
func outside(pos diag.Pos, files map[string][]byte) string {
	data, ok := files[pos.File]
	switch {
	case !ok:
		return "no such file"
	case pos.Line == 0 && pos.Col == 0:
		return ""
	case pos.Line < 1 || pos.Col < 0:
		return "a line or column below 1"
	}
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), "\n")
	if pos.Line > len(lines) {
		return "past the file's last line"
	}
	if pos.Col > utf8.RuneCountInString(lines[pos.Line-1])+1 {
		return "past the line's end"
	}
	return ""
}

// FuzzProblemPositions loads any root catalog with any file it may
// include, with the Go and OpenAPI outputs' rules as errgen does, and holds
// every problem and warning to a position inside the file it names (see
// outside): an editor or CI annotation must find it.
func FuzzProblemPositions(f *testing.F) {
	paths, _ := filepath.Glob("testdata/bad/*.txtar")
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			continue
		}
		var root, other []byte
		name := "errors/more.yaml"
		for _, file := range ar.Files {
			switch file.Name {
			case "catalog.yaml":
				root = file.Data
			case "want":
			default:
				name, other = file.Name, file.Data
			}
		}
		f.Add(root, name, other)
	}
	if data, err := os.ReadFile("../catalog.yaml"); err == nil {
		f.Add(data, "errors/more.yaml", []byte(nil))
	}
	f.Fuzz(func(t *testing.T, root []byte, name string, other []byte) {
		files := catalog.MemFiles{"catalog.yaml": root}
		if name != "catalog.yaml" && name != "" {
			files[name] = other
		}
		c, err := catalog.LoadFiles(files, "catalog.yaml", golang.Rules, openapi.Rules)
		var list diag.List
		var probs *diag.List
		switch {
		case err == nil:
			list = c.Warnings
		case errors.As(err, &probs):
			list = *probs
		default:
			return // a file that cannot be read: no position
		}
		for _, d := range list.Items {
			if why := outside(d.Pos, files); why != "" {
				t.Fatalf("%s: %s\n%s: %s", why, d.Pos, d.Pos.File, files[d.Pos.File])
			}
		}
	})
}
