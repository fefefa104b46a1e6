package main

import (
	"runtime/debug"
	"slices"
	"strings"
)

// progName is the command line that runs this errgen again, as the user
// invoked it, for messages such as --check's. "go run" and "go tool" both
// run a binary from the go command's build cache; they differ in whether
// errgen is the main module (go run ./cmd/errgen in its own repository) or
// a dependency (go tool errgen, its version a module version).
func progName(arg0 string, info *debug.BuildInfo) string {
	if inBuildCache(arg0) {
		if isDependency(info) {
			return "go tool errgen"
		}
		return "go run ./cmd/errgen"
	}
	// A shell gives a program found on $PATH its bare name, and one run by
	// path the path as typed: either runs it again.
	return arg0
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

// shellQuote quotes s for a POSIX shell unless it needs none.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
