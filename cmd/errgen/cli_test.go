package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// overview is what errgen --help prints.
func overview(t *testing.T) string {
	t.Helper()
	code, stdout, stderr := runIn(t, t.TempDir(), "--help")
	if code != exitOK || stderr != "" {
		t.Fatalf("--help: exit %d, stderr %q", code, stderr)
	}
	return stdout
}

// --help, -h, help and help help print one overview of every command, on
// stdout.
func TestOverview(t *testing.T) {
	want := overview(t)
	for _, c := range commands("errgen") {
		if !strings.Contains(want, "errgen "+c.name+" ") || !strings.Contains(want, c.summary) {
			t.Errorf("the overview does not list %s:\n%s", c.name, want)
		}
	}
	for _, args := range [][]string{{"-h"}, {"help"}, {"help", "help"}, {"help", "--help"}} {
		code, stdout, stderr := runIn(t, t.TempDir(), args...)
		if code != exitOK || stdout != want || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout:\n%s\nwant the overview on stdout", args, code, stderr, stdout)
		}
	}
}

// "errgen help CMD" and "errgen CMD --help" print the same help, the
// command's flags included, on stdout.
func TestCommandHelp(t *testing.T) {
	flags := map[string][]string{
		"generate": {"--catalog", "--out", "--go-out", "--openapi-out", "--markdown-out", "--check", "none"},
		"validate": {"--catalog"},
		"init":     {"--format", "DIR"},
		"schema":   {"JSON Schema"},
		"openapi":  {"--spec", "--out", "--catalog", "--force", "--check"},
		"version":  {"version"},
	}
	for _, c := range commands("errgen") {
		if c.name == "help" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			code, help, stderr := runIn(t, t.TempDir(), "help", c.name)
			if code != exitOK || stderr != "" {
				t.Fatalf("help %s: exit %d, stderr %q", c.name, code, stderr)
			}
			if !strings.HasPrefix(help, "Usage: errgen ") {
				t.Errorf("help %s does not start with its usage:\n%s", c.name, help)
			}
			for _, want := range flags[c.name] {
				if !strings.Contains(help, want) {
					t.Errorf("help %s does not mention %s:\n%s", c.name, want, help)
				}
			}
			for _, h := range []string{"--help", "-h"} {
				code, stdout, stderr := runIn(t, t.TempDir(), c.name, h)
				if code != exitOK || stdout != help || stderr != "" {
					t.Errorf("%s %s: exit %d, stderr %q, stdout:\n%s\nwant what help %s prints", c.name, h, code, stderr, stdout, c.name)
				}
			}
		})
	}
}

func TestVersionForms(t *testing.T) {
	var first string
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		code, stdout, stderr := runIn(t, t.TempDir(), args...)
		if code != exitOK || !strings.HasPrefix(stdout, "errgen ") || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
		if first == "" {
			first = stdout
		} else if stdout != first {
			t.Errorf("%v prints %q, version prints %q", args, stdout, first)
		}
	}
}

// Usage errors exit 2, print nothing on stdout, and say on stderr what is
// wrong and where help is.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args      []string
		msg, hint string
	}{
		{[]string{"--no-such-flag"}, "errgen: unknown flag: --no-such-flag", "errgen generate --help"},
		{[]string{"frobnicate"}, `errgen: unknown command "frobnicate"`, "errgen --help"},
		{[]string{"help", "frobnicate"}, `errgen: unknown command "frobnicate"`, "errgen --help"},
		{[]string{"help", "validate", "generate"}, "errgen: help takes one command", "errgen --help"},
		{[]string{"generate", "a.yaml", "extra"}, `errgen: unexpected argument "extra"`, "errgen generate --help"},
		{[]string{"validate", "--catalog", "a.yaml", "b.yaml"}, "errgen: the catalog is given twice: --catalog a.yaml and b.yaml", "errgen validate --help"},
		{[]string{"validate", "--out", "x"}, "errgen: unknown flag: --out", "errgen validate --help"},
		{[]string{"version", "extra"}, `errgen: unexpected argument "extra"`, "errgen version --help"},
		{[]string{"schema", "extra"}, `errgen: unexpected argument "extra"`, "errgen schema --help"},
		{[]string{"init", "a", "b"}, `errgen: unexpected argument "b"`, "errgen init --help"},
		{[]string{"init", "--format", "problems"}, `errgen: --format "problems" is not a preset`, "errgen init --help"},
		{[]string{"--templates", "no/such/dir"}, "errgen: --templates no/such/dir: not a directory", "errgen generate --help"},
		{[]string{"--go-out=none", "--openapi-out=none", "--markdown-out=none"}, "errgen: every output is turned off", "errgen generate --help"},
		{[]string{"--go-out", "gen/errors.txt"}, `errgen: --go-out "gen/errors.txt" does not end in .go`, "errgen generate --help"},
		{[]string{"--grpc-out", "rpc/grpc"}, `errgen: --grpc-out "rpc/grpc" does not end in .go`, "errgen generate --help"},
		{[]string{"--connect-out", "rpc/connect.yaml"}, `errgen: --connect-out "rpc/connect.yaml" does not end in .go`, "errgen generate --help"},
		{[]string{"--openapi-out", "api/errors.json"}, `errgen: --openapi-out "api/errors.json" ends in .json, but the components document is YAML`, "errgen generate --help"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runIn(t, workdir(t), tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.HasPrefix(stderr, tt.msg) || !strings.Contains(stderr, "Run '"+tt.hint) {
				t.Errorf("stderr %q, want %q and a hint to %s", stderr, tt.msg, tt.hint)
			}
		})
	}
}

// The catalog is an argument of every command that reads one, and of
// errgen itself; --catalog still works.
func TestCatalogArgument(t *testing.T) {
	dir := workdir(t)
	if err := os.Rename(filepath.Join(dir, "catalog.yaml"), filepath.Join(dir, "api.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", "api.yaml"}, {"validate", "--catalog", "api.yaml"}, {"validate", "--catalog", "api.yaml", "api.yaml"}} {
		code, stdout, stderr := runIn(t, dir, args...)
		if code != exitOK || !strings.HasPrefix(stdout, "errgen: api.yaml is valid: ") || !strings.HasSuffix(stdout, " errors and 1 retired\n") || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := runIn(t, dir, "validate"); code != exitFailure || stderr != "errgen: no catalog at catalog.yaml: give its path as the argument, or run errgen init to start one\n" {
		t.Errorf("validate without a catalog.yaml: exit %d, stderr %q", code, stderr)
	}
	// validate writes nothing, so its failure says the catalog is not valid, not that nothing was written.
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("version: 1\napi: X\nerrors: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runIn(t, dir, "validate", "bad.yaml"); code != exitFailure || !strings.HasSuffix(stderr, "; the catalog is not valid\n") {
		t.Errorf("validate of an invalid catalog: exit %d, stderr %q", code, stderr)
	}
	for i, args := range [][]string{{"./api.yaml", "--out", "a"}, {"generate", "api.yaml", "--out", "b"}, {"--catalog", "api.yaml", "--out", "c"}} {
		code, _, stderr := runIn(t, dir, args...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, string(rune('a'+i)), "errors.md")); err != nil {
			t.Errorf("%v wrote no page: %v", args, err)
		}
	}
	spec := copySpec(t, "tasks-3.1.yaml")
	code, stdout, stderr := runIn(t, dir, "openapi", "api.yaml", "--spec", spec, "--out", spec, "--force")
	if code != exitOK || !strings.Contains(stdout, "wrote "+spec) {
		t.Errorf("openapi api.yaml: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// Every successful run ends with one line saying what it did, on stdout.
func TestSummaryLine(t *testing.T) {
	dir := workdir(t)
	steps := []struct {
		args []string
		edit string // an output to change by hand before the run
		want string
	}{
		{nil, "", "errgen: wrote 5 outputs\n"}, // a page per language: errors.md, errors.de.md, errors.fr.md
		{nil, "", "errgen: 5 outputs up to date\n"},
		{[]string{"--check"}, "", "errgen: 5 outputs up to date\n"},
		{nil, "generated/errors.md", "errgen: wrote 1, 4 up to date\n"},
		{[]string{"--openapi-out=none"}, "", "errgen: 4 outputs up to date\n"},
	}
	for _, s := range steps {
		if s.edit != "" {
			path := filepath.Join(dir, s.edit)
			if err := os.WriteFile(path, append(mustRead(t, path), "edited\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, stdout, stderr := runIn(t, dir, s.args...)
		if code != exitOK || !strings.HasSuffix(stdout, s.want) || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want the summary %q", s.args, code, stdout, stderr, s.want)
		}
	}
}

// --go-out, --openapi-out and --markdown-out none turn that output off.
func TestOutputsOff(t *testing.T) {
	tests := []struct {
		flag  string
		wrote []string
	}{
		{"--openapi-out=none", []string{"generated/apierrors/errors.go", "generated/errors.md", "generated/errors.de.md", "generated/errors.fr.md"}},
		{"--markdown-out=none", []string{"generated/apierrors/errors.go", "generated/openapi.yaml"}},
		{"--go-out=none", []string{"generated/openapi.yaml", "generated/errors.md", "generated/errors.de.md", "generated/errors.fr.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.flag, func(t *testing.T) {
			dir := workdir(t)
			code, stdout, stderr := runIn(t, dir, tt.flag)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			for _, out := range defaultOutputs {
				_, err := os.Stat(filepath.Join(dir, out))
				if on := strings.Contains(strings.Join(tt.wrote, " "), out); on != (err == nil) {
					t.Errorf("%s written: %v, want %v", out, err == nil, on)
				}
			}
			if want := fmt.Sprintf("errgen: wrote %d outputs\n", len(tt.wrote)); !strings.HasSuffix(stdout, want) {
				t.Errorf("stdout %q", stdout)
			}
			// --check leaves the output turned off alone too.
			if code, _, stderr := runIn(t, dir, tt.flag, "--check"); code != exitOK {
				t.Errorf("--check %s: exit %d: %s", tt.flag, code, stderr)
			}
		})
	}
}

// --check names the command line that regenerates, as errgen was invoked:
// its program and its arguments but --check.
func TestCheckNamesCommand(t *testing.T) {
	dir := workdir(t)
	for _, prog := range []string{"errgen", "go tool errgen", "go run ./cmd/errgen"} {
		t.Run(prog, func(t *testing.T) {
			var stdout, stderr strings.Builder
			wd, _ := os.Getwd()
			if err := os.Chdir(dir); err != nil {
				t.Fatal(err)
			}
			defer os.Chdir(wd)
			code := runAs(prog, []string{"catalog.yaml", "--check", "--markdown-out", "docs/my errors.md"}, &stdout, &stderr)
			want := "errgen: generated/apierrors/errors.go, generated/openapi.yaml, docs/my errors.md, docs/my errors.de.md, docs/my errors.fr.md do not exist; to create them, run: " + prog + " catalog.yaml --markdown-out 'docs/my errors.md'\n"
			if code != exitFailure || stderr.String() != want {
				t.Errorf("exit %d, stderr %q, want 1 and %q", code, stderr.String(), want)
			}
		})
	}
}

// Without a catalog, every command that reads one says how to start one as
// errgen was invoked: go tool errgen init, where a bare errgen init is no
// command the shell knows.
func TestNoCatalogNamesInitAsInvoked(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	for _, prog := range []string{"errgen", "go tool errgen", "go run ./cmd/errgen"} {
		for _, args := range [][]string{
			nil,
			{"validate"},
			{"translate", "de"},
			{"openapi", "--spec", "spec.yaml", "--out", "out.yaml"},
			{"diff", "old.yaml", "catalog.yaml"},
		} {
			var stdout, stderr strings.Builder
			code := runAs(prog, args, &stdout, &stderr)
			want := "errgen: no catalog at catalog.yaml: give its path as the argument, or run " + prog + " init to start one\n"
			if code != exitFailure || stderr.String() != want {
				t.Errorf("%s %v: exit %d, stderr %q, want 1 and %q", prog, args, code, stderr.String(), want)
			}
		}
	}
}

// A usage error's hint names the help to run as errgen was invoked, as
// every other message that says what to run does.
func TestUsageHintsNameProgAsInvoked(t *testing.T) {
	for _, prog := range []string{"errgen", "go tool errgen"} {
		for _, tt := range []struct {
			args []string
			hint string
		}{
			{[]string{"frobnicate"}, "Run '" + prog + " --help' for the commands.\n"},
			{[]string{"help", "frobnicate"}, "Run '" + prog + " --help' for the commands.\n"},
			{[]string{"help", "diff", "init"}, "Run '" + prog + " --help' for the commands.\n"},
			{[]string{"diff", "--base"}, "Run '" + prog + " diff --help' for usage.\n"},
			{[]string{"validate", "--bogus"}, "Run '" + prog + " validate --help' for usage.\n"},
			{[]string{"schema", "--bogus"}, "Run '" + prog + " schema --help' for usage.\n"},
			{[]string{"version", "extra"}, "Run '" + prog + " version --help' for usage.\n"},
			{[]string{"--version", "extra"}, "Run '" + prog + " version --help' for usage.\n"},
			{[]string{"init", "--format", "yaml"}, "Run '" + prog + " init --help' for usage.\n"},
		} {
			var stdout, stderr strings.Builder
			code := runAs(prog, tt.args, &stdout, &stderr)
			if code != exitUsage || !strings.HasSuffix(stderr.String(), tt.hint) {
				t.Errorf("%s %v: exit %d, stderr %q, want 2 and a last line %q", prog, tt.args, code, stderr.String(), tt.hint)
			}
		}
	}
}

func TestProgName(t *testing.T) {
	devel := &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: "(devel)"}}
	stamped := &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: "v0.1.1-0.20261130230000-0123456789ab+dirty"},
		Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789ab"}}}
	dep := &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: "v0.0.0-00010101000000-000000000000"}}
	tests := []struct {
		arg0 string
		info *debug.BuildInfo
		want string
	}{
		{"errgen", devel, "errgen"},
		{"/tmp/errgen-123", devel, "/tmp/errgen-123"},
		{"./bin/errgen", dep, "./bin/errgen"},
		{"/tmp/go-build1207844370/b001/exe/errgen", devel, "go run ./cmd/errgen"},
		{"/root/.cache/go-build/6c/6c58d-d/errgen", devel, "go run ./cmd/errgen"},
		{"/root/.cache/go-build/6c/6c58d-d/errgen", dep, "go tool errgen"},
		{"/tmp/go-build1394094640/b001/exe/errgen", dep, "go tool errgen"},
		{"/root/.cache/go-build/6c/6c58d-d/errgen", stamped, "go run ./cmd/errgen"},
		{"/root/.cache/go-build/6c/6c58d-d/errgen", nil, "go run ./cmd/errgen"},
		{"/home/me/go-builds/errgen", dep, "/home/me/go-builds/errgen"},
		// A GOCACHE of CI's own: the executable is still CACHE/xx/HASH-d/NAME.
		{"/ci/cache/47/47e1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345-d/errgen", dep, "go tool errgen"},
		{"/ci/cache/47/47e1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345-d/errgen", devel, "go run ./cmd/errgen"},
		{`C:\ci\cache\47\47e1c0ffee0123456789abcdef0123456789abcdef0123456789abcdef012345-d\errgen.exe`, dep, "go tool errgen"},
		{"/srv/47/not-a-hash-d/errgen", dep, "/srv/47/not-a-hash-d/errgen"},
		{"/srv/ab/cd0123456789abcdef0123456789abcdef-d/errgen", dep, "/srv/ab/cd0123456789abcdef0123456789abcdef-d/errgen"},
	}
	for _, tt := range tests {
		if got := progName(tt.arg0, tt.info, usedAsTool); got != tt.want {
			t.Errorf("progName(%q, %v) = %q, want %q", tt.arg0, tt.info, got, tt.want)
		}
	}
}

// TestProgNameByModule: errgen run from the build cache as a dependency
// is named as the go.mod of the working directory holds it: go tool errgen
// only where it declares errgen's command a tool. Before, a service that
// ran go run github.com/errgen/errgen/cmd/errgen was told to run go tool
// errgen, which fails without the tool line.
func TestProgNameByModule(t *testing.T) {
	const cached = "/root/.cache/go-build/6c/6c58d-d/errgen"
	dep := &debug.BuildInfo{Main: debug.Module{Path: "github.com/errgen/errgen", Version: "v1.4.0"}}
	for _, tc := range []struct {
		name, goMod, want string
	}{
		{"tool", "module svc\n\ngo 1.25\n\ntool github.com/errgen/errgen/cmd/errgen\n\nrequire github.com/errgen/errgen v1.4.0\n", "go tool errgen"},
		{"tool block", "module svc\n\ngo 1.25\n\ntool (\n\texample.com/other\n\tgithub.com/errgen/errgen/cmd/errgen\n)\n\nrequire github.com/errgen/errgen v1.4.0 // indirect\n", "go tool errgen"},
		{"required only", "module svc\n\ngo 1.25\n\nrequire github.com/errgen/errgen v1.4.0\n", "go run github.com/errgen/errgen/cmd/errgen"},
		{"not required", "module svc\n\ngo 1.25\n", "go run github.com/errgen/errgen/cmd/errgen@v1.4.0"},
		{"no go.mod", "", "go run github.com/errgen/errgen/cmd/errgen@v1.4.0"},
		{"go.mod unreadable as one", "module svc\nrequire (\n", "go run github.com/errgen/errgen/cmd/errgen@v1.4.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			sub := filepath.Join(dir, "internal", "api")
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.goMod != "" {
				if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(tc.goMod), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := progName(cached, dep, errgenIn(sub)); got != tc.want {
				t.Errorf("progName = %q, want %q", got, tc.want)
			}
		})
	}
}

// A catalog named without an extension is still a catalog, and a directory
// given as the catalog gets told which file to give.
func TestCatalogArgumentForms(t *testing.T) {
	dir := workdir(t)
	if err := os.Rename(filepath.Join(dir, "catalog.yaml"), filepath.Join(dir, "errors")); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runIn(t, dir, "errors", "--check"); code != exitFailure || !strings.Contains(stderr, "do not exist; to create them, run: errgen errors\n") {
		t.Errorf("errgen errors --check: exit %d, stdout %q, stderr %q; want the catalog read and its missing outputs reported", code, stdout, stderr)
	}
	if err := os.Mkdir(filepath.Join(dir, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	want := "errgen: api is a directory: give the catalog file in it, such as api/catalog.yaml\n"
	if code, stdout, stderr := runIn(t, dir, "validate", "api"); code != exitFailure || stderr != want {
		t.Errorf("validate api: exit %d, stdout %q, stderr %q; want 1 and %q", code, stdout, stderr, want)
	}
}
