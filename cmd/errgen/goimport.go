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
	modDir, data, err := nearestGoMod(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("no go.mod above %s: set go.import in the catalog, or --go-import", file)
	case err != nil:
		return "", err
	}
	mod, ok := modulePath(data)
	if !ok {
		return "", fmt.Errorf("%s has no module line", filepath.Join(modDir, "go.mod"))
	}
	rel, err := filepath.Rel(modDir, dir)
	if err != nil {
		return "", err
	}
	return path.Join(mod, filepath.ToSlash(rel)), nil
}

// maxGoModSize bounds the go.mod errgen reads, as the go command bounds
// the go.mod files it downloads (modfetch's MaxGoMod).
const maxGoModSize = 16 << 20

var goModLimit = inputLimit{maxGoModSize, "the go command's own limit for a go.mod: this is none it reads"}

// nearestGoMod finds the go.mod of dir or of the nearest folder above it:
// that folder and the file's bytes. An error that is os.ErrNotExist says
// there is none; another, that one could not be read. It is read as an
// input (readInput): every run reads the working directory's, and a FIFO
// there blocked errgen, a link to /dev/zero filled its memory.
func nearestGoMod(dir string) (modDir string, data []byte, err error) {
	for {
		data, err := readInput(filepath.Join(dir, "go.mod"), goModLimit)
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			return dir, data, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, err
		}
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
