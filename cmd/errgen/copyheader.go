package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen"
)

// withCopyHeader is data, the spec augmented, as written to out. A copy
// (out another file than the spec) is written whole from the spec on every
// run, so an edit made in it is lost: a YAML copy says so on its first
// lines, errgen's header and the spec to edit, as every output errgen
// rewrites does. JSON has no comments: a JSON copy is written as it is
// (docs/openapi.md says the same). The spec augmented in place is its
// author's file, and gets no header.
func withCopyHeader(data []byte, spec, out string) []byte {
	if sameOutput(spec, out) {
		return data
	}
	body, bom := bytes.CutPrefix(data, []byte("\ufeff"))
	if isJSONText(body) || generatedByErrgen(body) {
		return data
	}
	from, err := filepath.Rel(filepath.Dir(absOr(out)), absOr(spec))
	if err != nil {
		from = filepath.Base(spec)
	}
	// The spec's kind of line: two LF lines atop a CRLF file mix them.
	eol := "\n"
	if line, _, found := bytes.Cut(body, []byte("\n")); found && bytes.HasSuffix(line, []byte("\r")) {
		eol = "\r\n"
	}
	var b bytes.Buffer
	if bom {
		b.WriteString("\ufeff")
	}
	b.WriteString("# " + errgen.Header + eol)
	b.WriteString("# errgen writes this file whole from " + commentSafe(filepath.ToSlash(from)) + " and the error catalog: edit those." + eol)
	b.Write(body)
	return b.Bytes()
}

// isJSONText reports whether a spec's text is JSON (an object) or empty:
// no YAML comment may go atop it.
func isJSONText(spec []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(spec, []byte("\ufeff")), " \t\r\n")
	return len(trimmed) == 0 || trimmed[0] == '{'
}

// copyFormatProblem is why a YAML spec cannot be augmented into out: its
// copy keeps the spec's text, YAML, and a .json name would pass it off as
// JSON to every tool that picks a reader by the name (and JSON.parse
// fails on it). A JSON spec's copy under a .yaml name is left alone: JSON
// is YAML. So is a spec augmented in place: its text is YAML under that
// name already, its author's choice, and gets no header.
func copyFormatProblem(spec []byte, specName, out string) error {
	if !strings.EqualFold(filepath.Ext(out), ".json") || isJSONText(spec) || sameOutput(specName, out) {
		return nil
	}
	return fmt.Errorf("%s is YAML, and its augmented copy %s would be YAML under a .json name, which JSON tools cannot read (name the copy %s, or convert the spec to JSON first)",
		specName, out, strings.TrimSuffix(out, filepath.Ext(out))+".yaml")
}

// commentSafe is path as one line of a YAML comment: quoted, Go-style,
// when it holds what would end the comment (a line break) or what YAML
// refuses in a file (invalid UTF-8, a control character).
func commentSafe(path string) string {
	if utf8.ValidString(path) && !strings.ContainsFunc(path, func(r rune) bool { return !strconv.IsPrint(r) }) {
		return path
	}
	return strconv.Quote(path)
}

// sameOutput reports whether out names the spec itself: the same path, or
// a link to the same file.
func sameOutput(spec, out string) bool {
	return absOr(spec) == absOr(out) || sameFile(out, spec)
}

// absOr is path made absolute, or path when it cannot be.
func absOr(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
