package main

import (
	"errors"
	"fmt"
	"go/build"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/errgen/errgen"
)

// goOutputKeys names the key that names each Go package, for the hint.
var goOutputKeys = map[errgen.Output]string{
	errgen.OutputGo:      "go.package",
	errgen.OutputGRPC:    "grpc.package",
	errgen.OutputConnect: "grpc.connect_package",
}

// foreignPackages lists, a line each, the Go packages a run would write
// into a folder whose other Go files are another package: a gRPC package pointed
// at the folder of the service's own server code, a go.package renamed
// beside the old output. Go builds one package a folder, so the service's
// build would fail there ("found packages rpc and apierrorsgrpc"), and
// errgen writes nothing instead. The folder is read as go build reads it
// (go/build: the files its build constraints leave in, tests' packages
// checked too), leaving out the file errgen writes, whatever it holds now.
func foreignPackages(targets []target) []string {
	var problems []string
	for _, t := range targets {
		planned, ok := t.gen.(errgen.Planned)
		key, isGo := goOutputKeys[planned.Output]
		if !ok || !isGo {
			continue
		}
		// Plan names a Go output's default path after its package.
		name := path.Base(path.Dir(planned.Path))
		if other, file := folderPackage(t.path, name); other != "" {
			flag := ""
			if planned.Output == errgen.OutputGo { // the one package a flag names too
				flag = " (or --go-package " + other + ")"
			}
			problems = append(problems, fmt.Sprintf("%s would be package %s in a folder of package %s (%s): Go builds one package a folder; give it a folder of its own, or set %s: %s%s to join that package",
				t.path, name, other, filepath.Join(filepath.Dir(t.path), file), key, other, flag))
		}
	}
	return problems
}

// folderPackage is a package other than name that the Go files beside
// file, but file, are as go build sees them, and the first file that says
// so; "" when there is none, or go build could not read them (the build
// reports that itself).
func folderPackage(file, name string) (other, otherFile string) {
	ctx := build.Default
	ctx.ReadDir = func(dir string) ([]fs.FileInfo, error) {
		entries, err := os.ReadDir(dir)
		infos := make([]fs.FileInfo, 0, len(entries))
		for _, e := range entries {
			if e.Name() == filepath.Base(file) {
				continue
			}
			// only regular files, links followed, as for every input: go/build
			// opening a FIFO (pipe.go) blocked the run for good
			if info, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && info.Mode().IsRegular() {
				infos = append(infos, info)
			}
		}
		return infos, err
	}
	ctx.OpenFile = openGoSource
	p, err := ctx.ImportDir(filepath.Dir(file), 0)
	var multiple *build.MultiplePackageError
	switch {
	case errors.As(err, &multiple):
		for i, pkg := range multiple.Packages {
			if pkg != name {
				return pkg, multiple.Files[i]
			}
		}
		return "", ""
	case err != nil || p.Name == name:
		return "", ""
	}
	if sources := slices.Concat(p.GoFiles, p.CgoFiles, p.TestGoFiles); len(sources) > 0 {
		return p.Name, sources[0]
	}
	return "", ""
}

// maxGoSourceSize bounds what is read of each Go file beside an output:
// go/build reads a file's header, but the whole of one importing embed
// (for its //go:embed lines). A file cut short fails to parse, and the
// check leaves the folder to go build, as for any file it cannot read.
const maxGoSourceSize = 16 << 20

// openGoSource opens a Go file for go/build, reading at most
// maxGoSourceSize bytes of it.
func openGoSource(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(f, maxGoSourceSize), f}, nil
}
