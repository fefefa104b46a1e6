package golang

import (
	"bytes"
	"sync"
)

// catalogLevelNames are the package-level names the emitter declares once
// per catalog beside the per-error ones (names.Declared): the Code type,
// the registry and its tables as data, the envelopes' tables, and for a
// catalog of several languages the init that sets its languages
// (languages.go). TestReservedNamesCoverPackage holds them, with the fixed
// half's, against the stand-in package.
var catalogLevelNames = []string{"Code", "definitions", "definitionsText", "sentinels", "zeroDetails", "fallback", "requestIDHeader", "rpcDomain", "envelopes", "init"}

// reservedNames is every package-level name of a generated package that no
// error may declare: the fixed half's, read from its own source (so a name
// added there is reserved without a list to keep), and catalogLevelNames.
// A catalog whose PARSE error has an enum detail "error" would otherwise
// declare the type ParseError, which the fixed half declares already, and
// the package would not build.
var reservedNames = sync.OnceValues(func() (map[string]bool, error) {
	reserved := map[string]bool{}
	for _, name := range catalogLevelNames {
		reserved[name] = true
	}
	for _, name := range fixedFiles {
		src, err := fixedFS.ReadFile("fixed/" + name)
		if err != nil {
			return nil, err
		}
		for _, id := range declaredNames(src) {
			reserved[id] = true
		}
	}
	return reserved, nil
})

// declaredNames lists the names src, a gofmt-formatted Go file, declares at
// package level (types, functions but methods, constants, variables),
// reading its lines: gofmt starts each such declaration at a line's start,
// and each spec of a group (var ( … )) one tab in. Parsing the fixed half
// (go/parser, bodies and all) for these names took a twentieth of a run of
// 1,000 errors in a process of its own. Its plain path is
// packageLevelNames of the parsed file (reserved_test.go):
// TestDeclaredNamesParsed holds the two to the same names on every fixed
// file, the only sources it reads, and BenchmarkDeclaredNames compares them.
func declaredNames(src []byte) []string {
	var ids []string
	group := false // inside a var, const or type group
	for line := range bytes.Lines(src) {
		line = bytes.TrimRight(line, "\n")
		switch {
		case group && string(line) == ")":
			group = false
		case group && len(line) > 1 && line[0] == '\t' && isIdentStart(line[1]):
			ids = appendNameList(ids, line[1:])
		case group:
		case bytes.HasPrefix(line, []byte("func ")) && !bytes.HasPrefix(line, []byte("func (")):
			ids = append(ids, string(identAt(line[len("func "):])))
		default:
			for _, kw := range []string{"var ", "const ", "type "} {
				if rest, ok := bytes.CutPrefix(line, []byte(kw)); ok {
					if string(rest) == "(" {
						group = true
					} else {
						ids = appendNameList(ids, rest)
					}
				}
			}
		}
	}
	return ids
}

// appendNameList appends the names a spec's line starts with: "a, b = …".
func appendNameList(ids []string, spec []byte) []string {
	for {
		id := identAt(spec)
		ids = append(ids, string(id))
		rest, more := bytes.CutPrefix(spec[len(id):], []byte(", "))
		if !more || len(rest) == 0 || !isIdentStart(rest[0]) {
			return ids
		}
		spec = rest
	}
}

// identAt is the identifier b starts with (ASCII: the fixed half's names).
func identAt(b []byte) []byte {
	n := 0
	for n < len(b) && (isIdentStart(b[n]) || '0' <= b[n] && b[n] <= '9') {
		n++
	}
	return b[:n]
}

// isIdentStart reports whether c can start an ASCII identifier.
func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}
