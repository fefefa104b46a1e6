package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// goImportPath derives the import path of the Go package written at file
// from the nearest go.mod above it: its module path and the folders
// between. The gRPC and Connect packages import the Go package by it.
func goImportPath(file string) (string, error) {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return "", err
	}
	var rel []string
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			mod, ok := modulePath(data)
			if !ok {
				return "", fmt.Errorf("%s has no module line", filepath.Join(dir, "go.mod"))
			}
			for i, j := 0, len(rel)-1; i < j; i, j = i+1, j-1 {
				rel[i], rel[j] = rel[j], rel[i]
			}
			return path.Join(append([]string{mod}, rel...)...), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s: set go.import in the catalog, or --go-import", file)
		}
		rel = append(rel, filepath.Base(dir))
		dir = parent
	}
}

// modulePath reads the module line of a go.mod file.
func modulePath(data []byte) (string, bool) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || rest == "" || rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		rest = strings.TrimSpace(rest)
		if p, err := strconv.Unquote(rest); err == nil {
			return p, true
		}
		return rest, rest != ""
	}
	return "", false
}
