package rpcgen

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// fixedBody is the fixed half in folder dir as one file's text after its
// package clause: one import declaration holding every file's imports
// (standard library, then other modules, then the Go package's stand-in),
// then each file's declarations, files in name order. doc.go, the folder's
// package doc, is not copied, nor standin.go, the stand-in catalog's
// declarations (see catalogDecls). Small files of one purpose each stay so in
// the repository; the generated package is one file.
func fixedBody(dir string) (string, error) {
	names, err := fs.Glob(fixedFS, dir+"/*.go")
	if err != nil {
		return "", err
	}
	names = slices.DeleteFunc(names, func(name string) bool { return path.Base(name) == "doc.go" || path.Base(name) == "standin.go" })
	var std, others []string
	var decls strings.Builder
	for _, name := range names {
		imports, rest, err := splitFixedFile(dir, name)
		if err != nil {
			return "", err
		}
		for _, spec := range imports {
			switch {
			case spec == standIn:
			case !strings.Contains(strings.SplitN(spec[strings.IndexByte(spec, '"')+1:], "/", 2)[0], "."):
				std = append(std, spec)
			default:
				others = append(others, spec)
			}
		}
		decls.WriteString(rest)
	}
	if !strings.Contains(decls.String(), "apierrors.") {
		return "", fmt.Errorf("rpcgen: %s does not use the Go package (%s)", dir, standIn)
	}
	var b strings.Builder
	b.WriteString("\nimport (\n")
	for _, group := range [][]string{std, others, {standIn}} {
		slices.Sort(group)
		for _, spec := range slices.Compact(group) {
			b.WriteString("\t" + spec + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(")\n")
	b.WriteString(decls.String())
	return b.String(), nil
}

// splitFixedFile reads a file of the fixed half: its import specs as
// written (`name "path"` or `"path"`) and its text after its imports. It
// must be of package dir.
func splitFixedFile(dir, name string) (imports []string, rest string, err error) {
	src, err := fixedFS.ReadFile(name)
	if err != nil {
		return nil, "", err
	}
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		return nil, "", err
	}
	if f.Name.Name != dir || f.Doc != nil {
		return nil, "", fmt.Errorf("rpcgen: %s is not of package %s, or has a package doc (doc.go holds it)", name, dir)
	}
	end := int(f.Name.End()) - 1 // token.Pos is the offset plus the file's base, 1
	for _, spec := range f.Imports {
		text := spec.Path.Value
		if spec.Name != nil {
			text = spec.Name.Name + " " + text
		}
		imports = append(imports, text)
	}
	if n := len(f.Decls); n > 0 {
		end = int(f.Decls[n-1].End()) - 1
	}
	return imports, string(src[end:]), nil
}
