package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The bundled catalog's grpc.out and grpc.connect_out turn the gRPC and
// Connect packages on, relative to the catalog's folder; they import the Go
// package by the path derived from the nearest go.mod (the catalog's
// go.import dropped here), and --grpc-out none turns one off again.
func TestRPCOutputs(t *testing.T) {
	dir := t.TempDir()
	data := bytes.ReplaceAll(mustRead(t, bundledCatalog), []byte("  import: github.com/errgen/errgen/generated/apierrors\n"), nil)
	if err := os.MkdirAll(filepath.Join(dir, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"go.mod": []byte("module example.com/shop\n\ngo 1.24\n"), "api/catalog.yaml": data} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyTranslations(t, filepath.Join(dir, "api"))
	code, stdout, stderr := runIn(t, dir, "api/catalog.yaml", "--out", "internal")
	// Go, OpenAPI, a page per language (3), gRPC, Connect
	if code != exitOK || !strings.HasSuffix(stdout, "errgen: wrote 7 outputs\n") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, f := range []string{"api/generated/apierrorsgrpc/grpc.go", "api/generated/apierrorsconnect/connect.go"} {
		if src := mustRead(t, filepath.Join(dir, f)); !bytes.Contains(src, []byte("\t\"example.com/shop/internal/apierrors\"\n")) {
			t.Errorf("%s does not import example.com/shop/internal/apierrors", f)
		}
	}
	code, stdout, _ = runIn(t, dir, "api/catalog.yaml", "--out", "internal", "--grpc-out", "none")
	if code != exitOK || stdout != "errgen: 6 outputs up to date\n" {
		t.Errorf("--grpc-out none: exit %d, stdout %q", code, stdout)
	}
	// Both off, no import path is needed: no go.mod above any file.
	if err := os.Remove(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runIn(t, dir, "api/catalog.yaml", "--go-out", "none", "--grpc-out", "none", "--connect-out", "none")
	if code != exitOK || !strings.HasSuffix(stdout, "errgen: wrote 4 outputs\n") {
		t.Errorf("both off: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// The gRPC and Connect packages import the Go package: with it turned off
// (go.out or --go-out none) they need go.import or --go-import, the Go
// package the service has, else errgen refuses up front and writes
// nothing, rather than derive an import path nothing writes. With one,
// generating the RPC packages alone works.
func TestRPCWithoutGo(t *testing.T) {
	const rpcCatalog = "version: 1\napi: Shop API\ngo:\n  out: %s\n%sgrpc:\n  domain: shop.example.com\n  out: %s\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	hint := ": set --go-out or go.out, or --go-import or go.import to the import path of the Go package the service has\n"
	tests := []struct {
		name                     string
		goOut, goImport, grpcOut string // the catalog's go.out, go.import and grpc.out
		args                     []string
		code                     int
		stderr                   string // its suffix
	}{
		{"go.out none", "none", "", "rpc/grpc.go", nil, exitFailure,
			"catalog.yaml:7:8: grpc.out rpc/grpc.go imports the Go package, which go.out none (line 4) does not write: set go.out, or go.import to the import path of the Go package the service has\nerrgen: catalog.yaml: 1 problem; nothing was written\n"},
		{"--go-out none", "gen/errors.go", "", "rpc/grpc.go", []string{"--go-out", "none"}, exitFailure,
			"errgen: the gRPC package (rpc/grpc.go) imports the Go package, which --go-out none does not write" + hint},
		{"--connect-out too", "gen/errors.go", "", "rpc/grpc.go", []string{"--go-out", "none", "--connect-out", "c/c.go"}, exitFailure,
			"errgen: the gRPC and Connect packages (rpc/grpc.go, c/c.go) import the Go package, which --go-out none does not write" + hint},
		{"go.out none, --grpc-out", "none", "", "none", []string{"--grpc-out", "rpc/grpc.go"}, exitFailure,
			"errgen: the gRPC package (rpc/grpc.go) imports the Go package, which the catalog's go.out none does not write" + hint},
		{"go.import", "none", "example.com/shop/api", "rpc/grpc.go", nil, exitOK, ""},
		{"--go-import", "gen/errors.go", "", "rpc/grpc.go", []string{"--go-out", "none", "--go-import", "example.com/shop/api"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			imp := ""
			if tt.goImport != "" {
				imp = "  import: " + tt.goImport + "\n"
			}
			cat := fmt.Sprintf(rpcCatalog, tt.goOut, imp, tt.grpcOut)
			for name, content := range map[string]string{"go.mod": "module example.com/shop\n\ngo 1.24\n", "catalog.yaml": cat} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runIn(t, dir, tt.args...)
			if code != tt.code || !strings.HasSuffix(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			entries, _ := os.ReadDir(dir)
			if code != exitOK {
				if len(entries) != 2 {
					t.Errorf("%d files in the folder, want go.mod and catalog.yaml alone", len(entries))
				}
				return
			}
			if src := mustRead(t, filepath.Join(dir, "rpc/grpc.go")); !bytes.Contains(src, []byte(`"example.com/shop/api"`)) {
				t.Errorf("rpc/grpc.go does not import example.com/shop/api")
			}
		})
	}
}

// The Go, gRPC and Connect packages are named apart and Go builds one
// package a folder: errgen refuses to write two of them into one folder,
// where the service's build would fail ("found packages apierrors and
// apierrorsgrpc"), whether the catalog's keys (at their line) or the flags
// put them there, and writes nothing.
func TestRPCPackageFolders(t *testing.T) {
	const rpcCatalog = "version: 1\napi: Shop API\ngo:\n  out: %s\ngrpc:\n  domain: shop.example.com\n  out: %s\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	hint := ": Go builds one package a folder; give each a folder of its own\n"
	tests := []struct {
		name           string
		goOut, grpcOut string // the catalog's go.out and grpc.out
		args           []string
		stderr         string // its suffix
	}{
		{"catalog", "gen/errors.go", "gen/grpc.go", nil,
			"catalog.yaml:7:8: grpc.out gen/grpc.go is in go.out's folder (line 4): Go builds one package a folder; give the gRPC package a folder of its own\nerrgen: catalog.yaml: 1 problem; nothing was written\n"},
		{"--grpc-out", "gen/errors.go", "rpc/grpc.go", []string{"--grpc-out", "gen/grpc.go"},
			"errgen: the Go package (gen/errors.go) and the gRPC package (gen/grpc.go) are in one folder" + hint},
		{"--go-out", "gen/errors.go", "rpc/grpc.go", []string{"--go-out", "rpc/errors.go"},
			"errgen: the Go package (rpc/errors.go) and the gRPC package (rpc/grpc.go) are in one folder" + hint},
		{"--connect-out", "gen/errors.go", "none", []string{"--grpc-out", "rpc/grpc.go", "--connect-out", "rpc/connect.go"},
			"errgen: the gRPC package (rpc/grpc.go) and the Connect package (rpc/connect.go) are in one folder" + hint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cat := fmt.Sprintf(rpcCatalog, tt.goOut, tt.grpcOut)
			for name, content := range map[string]string{"go.mod": "module example.com/shop\n\ngo 1.24\n", "catalog.yaml": cat} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runIn(t, dir, tt.args...)
			if code != exitFailure || !strings.HasSuffix(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitFailure, tt.stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("%d files in the folder, want go.mod and catalog.yaml alone", len(entries))
			}
		})
	}
}

// An import path given for a Go package errgen writes (go.import,
// --go-import) must be the one its nearest go.mod gives it: the gRPC
// package imports the Go package by it, and another path (go.out moved,
// go.import left behind) made a package the service could not build.
// Without a go.mod above the Go file the given path is all there is.
func TestRPCImportMismatch(t *testing.T) {
	const rpcCatalog = "version: 1\napi: Shop API\ngo:\n  out: gen/errors.go\n%sgrpc:\n  domain: shop.example.com\n  out: rpc/grpc.go\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	tests := []struct {
		name      string
		goMod     bool
		goImport  string // the catalog's go.import
		args      []string
		code      int
		stderr    string // its suffix
		importing string // the path rpc/grpc.go imports, when written
	}{
		{"go.import moved away", true, "example.com/shop/apierrors", nil, exitFailure,
			"errgen: go.import example.com/shop/apierrors in the catalog is not the import path of the Go package errgen writes at gen/errors.go, which the nearest go.mod makes example.com/shop/gen: the gRPC and Connect packages would import a package that is not there; remove go.import, which errgen then derives, or set it to that path\n", ""},
		{"--go-import wrong", true, "", []string{"--go-import", "example.com/other/gen"}, exitFailure,
			"errgen: --go-import example.com/other/gen is not the import path of the Go package errgen writes at gen/errors.go, which the nearest go.mod makes example.com/shop/gen: the gRPC and Connect packages would import a package that is not there; leave out --go-import, or give that path\n", ""},
		{"--go-import over a wrong go.import", true, "example.com/shop/apierrors", []string{"--go-import", "example.com/shop/gen"}, exitOK, "", "example.com/shop/gen"},
		{"go.import as go.mod says", true, "example.com/shop/gen", nil, exitOK, "", "example.com/shop/gen"},
		{"go.import without go.mod", false, "example.com/shop/apierrors", nil, exitOK, "", "example.com/shop/apierrors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			imp := ""
			if tt.goImport != "" {
				imp = "  import: " + tt.goImport + "\n"
			}
			files := map[string]string{"catalog.yaml": fmt.Sprintf(rpcCatalog, imp)}
			if tt.goMod {
				files["go.mod"] = "module example.com/shop\n\ngo 1.24\n"
			}
			for name, content := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runIn(t, dir, tt.args...)
			if code != tt.code || !strings.HasSuffix(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			if code != exitOK {
				if entries, _ := os.ReadDir(dir); len(entries) != len(files) {
					t.Errorf("%d files in the folder, want the %d it had: nothing written", len(entries), len(files))
				}
				return
			}
			if src := mustRead(t, filepath.Join(dir, "rpc/grpc.go")); !bytes.Contains(src, []byte(strconv.Quote(tt.importing))) {
				t.Errorf("rpc/grpc.go does not import %s", tt.importing)
			}
		})
	}
}

// A Go package written into a folder whose Go files are another package
// (the service's server code, a go.package renamed beside an old file)
// would fail the service's build, Go building one package a folder:
// errgen refuses, writing nothing, and names the file and the key that
// would join it. Files go build leaves out (a generator behind
// //go:build ignore) and an external test package are no other package,
// and the file errgen replaces is not read.
func TestRPCForeignPackages(t *testing.T) {
	const rpcCatalog = "version: 1\napi: Shop API\ngo:\n  out: gen/errors.go\ngrpc:\n  domain: shop.example.com\n%s  out: rpc/grpc.go\nerrors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	tests := []struct {
		name    string
		grpcPkg string            // the catalog's grpc.package
		files   map[string]string // beside the catalog and go.mod
		stderr  string            // its suffix; "" for a run that writes
	}{
		{"server code", "", map[string]string{"rpc/server.go": "package rpc\n"},
			"errgen: rpc/grpc.go would be package apierrorsgrpc in a folder of package rpc (rpc/server.go): Go builds one package a folder; give it a folder of its own, or set grpc.package: rpc to join that package\n"},
		{"joined", "rpc", map[string]string{"rpc/server.go": "package rpc\n"}, ""},
		{"old go file", "", map[string]string{"gen/old.go": "// Code generated by errgen. DO NOT EDIT.\n\npackage shoperrors\n", "rpc/server.go": "package rpc\n"},
			"errgen: gen/errors.go would be package apierrors in a folder of package shoperrors (gen/old.go): Go builds one package a folder; give it a folder of its own, or set go.package: shoperrors (or --go-package shoperrors) to join that package\n" +
				"errgen: rpc/grpc.go would be package apierrorsgrpc in a folder of package rpc (rpc/server.go): Go builds one package a folder; give it a folder of its own, or set grpc.package: rpc to join that package\n"},
		{"left out by go build", "", map[string]string{"rpc/gen.go": "//go:build ignore\n\npackage main\n", "rpc/grpc_test.go": "package apierrorsgrpc_test\n"}, ""},
		{"replaced file", "", map[string]string{"rpc/grpc.go": "// Code generated by errgen. DO NOT EDIT.\n\npackage shopgrpc\n"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			pkg := ""
			if tt.grpcPkg != "" {
				pkg = "  package: " + tt.grpcPkg + "\n"
			}
			files := map[string]string{"go.mod": "module example.com/shop\n\ngo 1.24\n", "catalog.yaml": fmt.Sprintf(rpcCatalog, pkg)}
			maps.Copy(files, tt.files)
			for name, content := range files {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runIn(t, dir)
			if tt.stderr == "" {
				if code != exitOK {
					t.Fatalf("exit %d, stderr %q", code, stderr)
				}
				return
			}
			if code != exitFailure || !strings.HasSuffix(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, exitFailure, tt.stderr)
			}
			for name, content := range files {
				if got := string(mustRead(t, filepath.Join(dir, name))); got != content {
					t.Errorf("%s changed", name)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "gen/errors.go")); err == nil && tt.files["gen/errors.go"] == "" {
				t.Errorf("gen/errors.go written")
			}
		})
	}
}
