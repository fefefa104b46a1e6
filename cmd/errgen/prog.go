package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"
)

// progName is the command line that runs this errgen again, as the user
// invoked it, for messages such as --check's. "go run" and "go tool" both
// run a binary from the go command's build cache; they differ in whether
// errgen is the main module (go run ./cmd/errgen in its own repository) or
// a dependency (go tool errgen, its version a module version).
// As a dependency, which of the two the main modules of the working
// directory tell (errgenIn): go tool errgen only where one declares
// errgen's command a tool.
func progName(arg0 string, info *debug.BuildInfo, mod moduleUse) string {
	if inBuildCache(arg0) {
		if !isDependency(info) {
			return "go run ./cmd/errgen"
		}
		switch mod {
		case usedAsTool:
			return "go tool errgen"
		case required:
			return "go run " + commandPath
		}
		return "go run " + commandPath + "@" + info.Main.Version
	}
	// A shell gives a program found on $PATH its bare name, and one run by
	// path the path as typed: either runs it again.
	return arg0
}

// commandPath is errgen's command's import path.
const commandPath = "github.com/errgen/errgen/cmd/errgen"

// moduleUse is how the main module of a directory holds errgen.
type moduleUse int

const (
	notRequired moduleUse = iota // no go.mod, or one that does not require errgen
	required                     // required, not declared a tool
	usedAsTool                   // its command declared a tool (go get -tool)
)

// errgenIn tells how the main modules of dir hold errgen: in a workspace
// (go.work), the go command runs the tools and builds the requirements of
// every module it uses, so the best any of them holds it; else the go.mod
// above dir. A go.mod or go.work that cannot be read or parsed tells
// nothing: errgen runs all the same.
func errgenIn(dir string) moduleUse {
	if modDirs, ok := workspaceModules(dir); ok {
		use := notRequired
		for _, modDir := range modDirs {
			data, err := readInput(filepath.Join(modDir, "go.mod"), goModLimit)
			if err == nil {
				use = max(use, goModUse(filepath.Join(modDir, "go.mod"), data))
			}
		}
		return use
	}
	modDir, data, err := nearestGoMod(dir)
	if err != nil {
		return notRequired
	}
	return goModUse(filepath.Join(modDir, "go.mod"), data)
}

// goModUse tells how the go.mod file at path, holding data, holds errgen.
func goModUse(path string, data []byte) moduleUse {
	f, err := modfile.Parse(path, data, nil)
	if err != nil {
		return notRequired
	}
	return useIn(f)
}

// workspaceModules is the folders of the modules the go.work the go
// command reads in dir uses: the file GOWORK names (an absolute path; off
// turns workspaces off), else (GOWORK unset, or auto as go help
// environment has it) the go.work of dir or the nearest folder above it.
// False: no workspace, or none errgen can read.
func workspaceModules(dir string) ([]string, bool) {
	path := os.Getenv("GOWORK")
	switch {
	case path == "off":
		return nil, false
	case path == "" || path == "auto":
		workDir, ok := nearestWith(dir, "go.work")
		if !ok {
			return nil, false
		}
		path = filepath.Join(workDir, "go.work")
	case !filepath.IsAbs(path):
		return nil, false // the go command refuses it
	}
	data, err := readInput(path, goModLimit)
	if err != nil {
		return nil, false
	}
	f, err := modfile.ParseWork(path, data, nil)
	if err != nil {
		return nil, false
	}
	var modDirs []string
	for _, use := range f.Use {
		modDir := filepath.FromSlash(use.Path)
		if !filepath.IsAbs(modDir) {
			modDir = filepath.Join(filepath.Dir(path), modDir)
		}
		modDirs = append(modDirs, modDir)
	}
	return modDirs, true
}

// nearestWith is dir, or the nearest folder above it, that has a file
// called name: a folder of that name does not count, as the go command
// passes over a folder called go.work.
func nearestWith(dir, name string) (string, bool) {
	for {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && !fi.IsDir() {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// useIn tells how the go.mod f holds errgen.
func useIn(f *modfile.File) moduleUse {
	for _, t := range f.Tool {
		if t.Path == commandPath {
			return usedAsTool
		}
	}
	for _, r := range f.Require {
		if r.Mod.Path == "github.com/errgen/errgen" {
			return required
		}
	}
	return notRequired
}

// isDependency reports whether errgen was built as another module's
// dependency: its version is a module version, not (devel) nor one the
// go command stamped from errgen's own repository (with vcs settings).
func isDependency(info *debug.BuildInfo) bool {
	if info == nil || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return false
	}
	return !slices.ContainsFunc(info.Settings, func(s debug.BuildSetting) bool { return s.Key == "vcs.revision" })
}

// inBuildCache reports an executable the go command built for go run or go
// tool: under a go-build directory (the default GOCACHE, or go run's
// temporary work directory), or in any build cache, where the go command
// keeps an executable as CACHE/xx/HASH-d/NAME whatever GOCACHE is (CI often
// sets its own).
func inBuildCache(path string) bool {
	// Either separator: a test on one system names the other's paths too.
	parts := strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' })
	if slices.ContainsFunc(parts, func(p string) bool {
		return p == "go-build" || strings.HasPrefix(p, "go-build") && strings.Trim(p[len("go-build"):], "0123456789") == ""
	}) {
		return true
	}
	n := len(parts)
	if n < 3 {
		return false
	}
	shard, entry := parts[n-3], parts[n-2]
	hash, ok := strings.CutSuffix(entry, "-d")
	return ok && len(shard) == 2 && isHex(shard) && len(hash) >= 32 && isHex(hash) && strings.HasPrefix(hash, shard)
}

// isHex reports whether s is lower-case hexadecimal digits.
func isHex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789abcdef") == ""
}

// commandLine is prog with args, quoted for a POSIX shell where needed.
func commandLine(prog string, args []string) string {
	var b strings.Builder
	b.WriteString(prog)
	for _, a := range args {
		b.WriteByte(' ')
		b.WriteString(shellQuote(a))
	}
	return b.String()
}

// operandPath is path as a command's operand: one starting with "-"
// (-svc/catalog.yaml) would be read as a flag, so it is given as
// ./-svc/catalog.yaml, which names the same file.
func operandPath(path string) string {
	if strings.HasPrefix(path, "-") {
		return "./" + path
	}
	return path
}

// shellQuote quotes s for a POSIX shell unless it needs none.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
