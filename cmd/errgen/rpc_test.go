package main

import (
	"bytes"
	"os"
	"path/filepath"
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
