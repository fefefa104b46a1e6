package rpctest

import (
	"os"
	"os/exec"
	"regexp"
	"testing"
)

// TestRPCMinimumGo compiles the gRPC and Connect packages of the bundled
// catalog and of every example at the Go language version docs/go.md says
// the generated packages need, with the compiler's -lang: a change to their
// fixed halves that needs a newer language fails here. The standard
// library's API by version is go vet's check, which the root's
// TestGeneratedMinimumGo makes of the Go packages in a module of that go
// line; these packages need their frameworks' modules, whose go lines are
// newer.
func TestRPCMinimumGo(t *testing.T) {
	if testing.Short() {
		t.Skip("a build of every RPC package skipped in -short mode")
	}
	doc, err := os.ReadFile("../../../docs/go.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`needs Go (1\.[0-9]+) or later`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/go.md states no Go version the generated package needs")
	}
	lang := "-lang=go" + string(m[1])
	cmd := exec.Command("go", "build",
		"-gcflags=github.com/errgen/errgen/generated/...="+lang,
		"-gcflags=github.com/errgen/errgen/examples/...="+lang,
		"-gcflags=github.com/errgen/errgen/internal/rpcgen/rpctest/examples/...="+lang,
		"github.com/errgen/errgen/generated/apierrorsgrpc", "github.com/errgen/errgen/generated/apierrorsconnect", "./examples/...")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the RPC packages at %s: %v\n%s", lang, err, out)
	}
}
