package catalog

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/diag"
)

// MaxSize is the largest catalog Load reads. A 10,000-error catalog with
// full docs is about 5 MiB; anything far larger is a mistake, not a catalog.
const MaxSize = 16 << 20

// Check is a rule only one output needs, e.g. the Go output's identifiers.
// Parse runs each after its own checks, over the normalized catalog, even
// when the catalog has other problems, and reports their problems with its
// own, sorted, so one run shows every problem. A Check must tolerate a
// catalog with problems: empty names, missing details.
type Check func(c *Catalog) []diag.Diagnostic

// Load reads, normalizes and validates the catalog at path, with the files
// its include list names, then runs the checks over it as Parse does. Any
// problem in the catalog is returned as a *diag.List listing all of them.
func Load(path string, checks ...Check) (*Catalog, error) {
	// Stat first: opening a FIFO would block until someone writes to it.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory: give the catalog file in it, such as %s", path, filepath.Join(path, "catalog.yaml"))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (a pipe or a device, say), which errgen does not read: give the path of the catalog's file", path)
	}
	files, root, err := DiskFiles(path)
	if err != nil {
		return nil, err
	}
	return LoadFiles(files, root, checks...)
}

// Parse reads, normalizes and validates a catalog held in memory, then runs
// the checks over it; file names it in messages. A problem a check reports
// is listed with the catalog's own by position, before those of the catalog
// at the same position. Checks do not run when data is no catalog at all:
// too large, empty, not UTF-8, not YAML, or with aliases. A catalog held in
// memory includes no file: Load reads those.
func Parse(file string, data []byte, checks ...Check) (*Catalog, error) {
	return LoadFiles(memFiles{name: file, data: data}, file, checks...)
}

// memFiles is Parse's one file.
type memFiles struct {
	name string
	data []byte
}

func (m memFiles) Read(name string, limit int64) ([]byte, string, error) {
	if name != m.name {
		return nil, "", cannotInclude{}
	}
	return m.data, name, nil
}

// cannotInclude is memFiles' error for any other file: it says what to do
// itself, so the include's hint about paths would mislead. It is
// fs.ErrNotExist to errors.Is, as a language's missing translation file
// must be.
type cannotInclude struct{}

func (cannotInclude) Error() string {
	return "a catalog given as bytes cannot include files: load it from its folder"
}
func (cannotInclude) Is(target error) bool { return target == fs.ErrNotExist }

func (m memFiles) Glob(string) ([]string, error) {
	return nil, fmt.Errorf("a catalog given as bytes cannot include files: load it from its folder")
}

func (m memFiles) Display(name string) string { return name }

// invalidUTF8Pos finds the first invalid byte.
func invalidUTF8Pos(data []byte) Pos {
	return firstPos(data, func(r rune, size int) bool { return r == utf8.RuneError && size <= 1 })
}

// unprintablePos finds the first character YAML does not allow in a file:
// a control character other than tab and line breaks, DEL, a C1 control
// other than NEL, U+FFFE or U+FFFF. yaml.v3 says one is there, not where.
func unprintablePos(data []byte) Pos {
	return firstPos(data, func(r rune, _ int) bool {
		return r < ' ' && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f && r != 0x85 || r == 0xfffe || r == 0xffff
	})
}

// firstPos is the position of data's first character that stop holds at,
// else the end's. A carriage return not before a line feed ends a line,
// as it does for yaml.v3, which places every other problem, and editors.
func firstPos(data []byte, stop func(r rune, size int) bool) Pos {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if stop(r, size) {
			break
		}
		data = data[size:]
		if r == '\n' || r == '\r' && (len(data) == 0 || data[0] != '\n') {
			line, col = line+1, 1
		} else if r != '\r' {
			col++
		}
	}
	return Pos{Line: line, Col: col}
}

// yamlErrorPos locates a yaml.v3 syntax error. The parser names a line,
// with no column, and for two common mistakes not the line at fault: a tab
// in an indentation is reported on the line before it, and a mis-indented
// line inside a block on the line that opens the block. Those are looked
// for from the named line on.
func yamlErrorPos(err error, data []byte) Pos {
	msg := err.Error()
	if strings.Contains(msg, "control characters are not allowed") {
		return unprintablePos(data)
	}
	line := yamlErrorLine(msg, data)
	lines := strings.Split(string(data), "\n")
	if pos, ok := yamlCulprit(msg, lines, line); ok {
		return pos
	}
	switch {
	case line < 1 || line > len(lines):
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token"):
		for n := line; n <= len(lines) && n <= line+1; n++ {
			l := lines[n-1]
			if i := strings.IndexByte(l, '\t'); i >= 0 && strings.TrimLeft(l[:i], " ") == "" {
				return Pos{Line: n, Col: i + 1}
			}
		}
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-' indicator"):
		if pos, ok := misindented(lines, line); ok {
			return pos
		}
		if pos, ok := strayClose(lines, line); ok {
			return pos
		}
	case strings.Contains(msg, "did not find expected <document start>"):
		if pos, ok := afterDocument(lines, line); ok {
			return pos
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		// The ": " inside a plain value: the second on its line, the first
		// ending the key.
		l := lines[line-1]
		if i := strings.Index(l, ": "); i >= 0 {
			if j := strings.Index(l[i+2:], ": "); j >= 0 {
				return Pos{Line: line, Col: utf8.RuneCountInString(l[:i+2+j]) + 1}
			}
		}
	}
	return Pos{Line: line, Col: 1}
}

// yamlErrorMessage strips the parser's "yaml: line N:" prefix, which the
// caller turns into a position.
func yamlErrorMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if _, rest, ok := strings.Cut(msg, ": "); ok {
			msg = rest
		}
	}
	if hint := yamlHint(msg); hint != "" {
		msg += ": " + hint
	}
	return "invalid YAML: " + msg
}
