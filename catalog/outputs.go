package catalog

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// outPath reads an output path: relative to the catalog's folder, written
// with slashes so a catalog means the same on every system, or "none".
func (cr *catalogReader) outPath(n *yaml.Node, what string) string {
	p := cr.str(n, what)
	msg := outPathProblem(p)
	if msg == "" {
		msg = OutputNameProblem(outputKinds[what], p)
	}
	if msg != "" {
		cr.probs.add(posOf(n), "%s %s", what, msg)
	} else if p != OutputOff && what != "openapi.augment spec" {
		cr.outs = append(cr.outs, pathRef{what: what, path: p, pos: posOf(n)})
	}
	return p
}

// PagePath is the file of the page in lang beside the page named name:
// .lang inserted before name's extension (errors.md → errors.de.md), or
// appended when it has none. Only the last element of name changes.
func PagePath(name, lang string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + lang + ext
}

// pathRef is a path the catalog names, as what, and where.
type pathRef struct {
	what, path string
	pos        Pos
}

// checkOutputs reports an output path the catalog names twice, and one
// that is a file of the catalog itself: root (the root catalog's name in
// its folder), a file the include list matches, a translation file. The
// first write fails on one of two outputs; the catalog is refused as an
// output (it lacks errgen's header); and a file errgen wrote where the
// next run reads the catalog makes that run fail.
func (cr *catalogReader) checkOutputs(root string) {
	seen := map[string]pathRef{}
	for _, o := range cr.outputsAndPages() {
		clean := path.Clean(o.path)
		if prev, ok := seen[clean]; ok {
			cr.probs.add(o.pos, "%s %s is %s's path too (%s): give each output its own path", o.what, o.path, prev.what, diag.LineRef(o.pos, prev.pos))
			continue
		}
		seen[clean] = o
		if msg := cr.inputClash(o.pos, clean, root); msg != "" {
			cr.probs.add(o.pos, "%s %s %s: write the output elsewhere", o.what, o.path, msg)
		}
	}
	cr.checkPackageFolders()
	cr.checkRPCImport()
}

// outputsAndPages are the outputs the catalog names, then the page of each
// of its other languages beside docs.out's, which that key names too. A
// language listed twice has one page: validateLanguages, which runs later,
// reports the repeat, which is no second output.
func (cr *catalogReader) outputsAndPages() []pathRef {
	outs := slices.Clone(cr.outs) // cr.outs stays the outputs named
	for _, o := range cr.outs {
		if o.what != "docs.out" {
			continue
		}
		for i, lang := range cr.c.Languages {
			if !slices.Contains(cr.c.Languages[:i], lang) {
				outs = append(outs, pathRef{what: "docs.out's " + lang + " page", path: PagePath(o.path, lang), pos: o.pos})
			}
		}
	}
	return outs
}

// goPackages name the outputs that are Go packages, by their key.
var goPackages = map[string]string{"go.out": "Go", "grpc.out": "gRPC", "grpc.connect_out": "Connect"}

// checkPackageFolders reports two of the Go, gRPC and Connect packages
// written into one folder: they are named apart (a problem of its own
// otherwise), and Go builds one package a folder, so the service's build
// would fail there ("found packages apierrors and apierrorsgrpc"). Two
// outputs of one path are reported as such already.
func (cr *catalogReader) checkPackageFolders() {
	seen := map[string]pathRef{}
	for _, o := range cr.outs {
		if goPackages[o.what] == "" {
			continue
		}
		dir := path.Dir(path.Clean(o.path))
		prev, ok := seen[dir]
		switch {
		case !ok:
			seen[dir] = o
		case path.Clean(prev.path) != path.Clean(o.path):
			cr.probs.add(o.pos, "%s %s is in %s's folder (%s): Go builds one package a folder; give the %s package a folder of its own",
				o.what, o.path, prev.what, diag.LineRef(o.pos, prev.pos), goPackages[o.what])
		}
	}
}

// checkRPCImport reports a gRPC or Connect package the catalog turns on
// while go.out none turns off the Go package it imports, go.import unset:
// the import path derived for it names a package nothing writes, and the
// service's build fails on it.
func (cr *catalogReader) checkRPCImport() {
	if cr.c.Go.Out != OutputOff || cr.c.Go.Import != "" {
		return
	}
	for _, o := range cr.outs {
		if o.what == "grpc.out" || o.what == "grpc.connect_out" {
			cr.probs.hint(o.pos, ": set go.out, or go.import to the import path of the Go package the service has",
				"%s %s imports the Go package, which go.out none (%s) does not write", o.what, o.path, diag.LineRef(o.pos, cr.goOffPos))
		}
	}
}

// inputClash says which of the catalog's files the output at pos, whose
// path is clean, would be, or "".
func (cr *catalogReader) inputClash(pos Pos, clean, root string) string {
	if clean == root {
		return "is the catalog itself"
	}
	for _, in := range cr.includes {
		if ok, _ := path.Match(path.Clean(in.path), clean); ok {
			return fmt.Sprintf("is matched by include %q (%s), so the next run would read it as a file of errors", in.path, diag.LineRef(pos, in.pos))
		}
	}
	if ok, _ := path.Match(TranslationFile("*"), clean); ok {
		return "is in translations/, so the next run would read it as a language's translations"
	}
	return ""
}

// outPathProblem says what is wrong with an output path, or "".
func outPathProblem(p string) string {
	switch {
	case p == "":
		return "must be a path relative to the catalog's folder, or none"
	case strings.ContainsRune(p, 0) || strings.ContainsAny(p, "\r\n"):
		return "must be one line of text"
	case strings.Contains(p, `\`):
		return "uses \\: write paths with / (they work on every system)"
	case path.IsAbs(p) || len(p) > 1 && p[1] == ':':
		return "must be relative to the catalog's folder, not absolute: write the path from that folder"
	case p == "." || strings.HasSuffix(p, "/") || path.Base(path.Clean(p)) == "..":
		return "must name a file, not a folder: end the path with the file's name"
	}
	return ""
}

// outputKinds are the output keys whose file name OutputNameProblem judges.
var outputKinds = map[string]string{"go.out": "go", "grpc.out": "grpc", "grpc.connect_out": "connect", "openapi.out": "openapi"}

// goFileExamples are the Go outputs' kinds, each with the file name
// OutputNameProblem suggests for it: the one errgen gives it by default.
var goFileExamples = map[string]string{"go": "errors.go", "grpc": "grpc.go", "connect": "connect.go"}

// OutputNameProblem says what is wrong with the file name p of an output
// of kind go, grpc or connect (a Go package's file) or openapi (the components document),
// or "". go build reads only files named *.go, and not those named
// *_test.go or starting with _ or ., so a package written under another
// name is silently not compiled; the components document is YAML,
// its first line errgen's header comment, so a .json name would promise
// what the file is not.
func OutputNameProblem(kind, p string) string {
	example, isGo := goFileExamples[kind]
	switch {
	case p == OutputOff:
		return ""
	case isGo && path.Ext(p) != ".go":
		return fmt.Sprintf("%q does not end in .go: go build reads only .go files, so the package would not be compiled: name it such as %s", p, example)
	case isGo && (strings.HasSuffix(p, "_test.go") || strings.HasPrefix(path.Base(p), "_") || strings.HasPrefix(path.Base(p), ".")):
		return fmt.Sprintf("%q is a file go build leaves out (a test file, or a name starting with _ or .), so the package would not be compiled: name it such as %s", p, example)
	case isGo && platformFile(path.Base(p)):
		return fmt.Sprintf("%q ends in a GOOS or GOARCH, which go build reads as a build constraint: the package would be compiled on that platform alone: name it such as %s", p, example)
	case kind == "openapi" && strings.EqualFold(path.Ext(p), ".json"):
		return fmt.Sprintf("%q ends in .json, but the components document is YAML (its first line is errgen's header comment, which JSON cannot hold): name it such as openapi.yaml", p)
	}
	return ""
}

// augmentTarget reads one openapi.augment item: {spec: IN, out: OUT},
// with replace: [NAME, …] optional.
func (cr *catalogReader) augmentTarget(n *yaml.Node) AugmentTarget {
	var t AugmentTarget
	for _, f := range cr.fields(n, "openapi.augment item", augmentKeys, nil) {
		switch f.key {
		case "spec":
			t.Spec, t.SpecPos = cr.outPath(f.value, "openapi.augment spec"), Pos{Line: f.value.Line, Col: f.value.Column}
		case "out":
			t.Out = cr.outPath(f.value, "openapi.augment out")
		case "replace":
			t.Replace = cr.augmentReplace(f.value)
		}
	}
	if n.Kind == yaml.MappingNode {
		for _, k := range []struct{ name, value string }{{"spec", t.Spec}, {"out", t.Out}} {
			if k.value == "" && !cr.hasKey(n, k.name) {
				cr.probs.hint(posOf(n), augmentKeyHints[k.name], "openapi.augment item: missing required key %q", k.name)
			}
		}
		if t.Spec == OutputOff {
			cr.probs.add(posOf(n), "openapi.augment spec cannot be none: drop the item to stop augmenting")
		}
	}
	return t
}

// replacedComponent is a component errgen adds as augmentation names it
// (in a clash with the spec's): its section, then its name.
var replacedComponent = regexp.MustCompile(`^components\.(responses|schemas|headers)\.[A-Za-z0-9._-]+$`)

// augmentReplace reads an openapi.augment item's replace list: the spec's
// components errgen's take the place of on every run, each once.
func (cr *catalogReader) augmentReplace(n *yaml.Node) []string {
	var names []string
	for _, item := range cr.list(n, "openapi.augment replace") {
		s := cr.str(item, "openapi.augment replace item")
		switch {
		case s == "" && (item.Kind != yaml.ScalarNode || item.ShortTag() != "!!str"):
			// not a string: str has reported it
		case !replacedComponent.MatchString(s):
			cr.probs.hint(posOf(item), ": write it as errgen's problem names it, as components.responses.NAME, components.schemas.NAME or components.headers.NAME",
				"openapi.augment replace item %q is not a component errgen adds", s)
		case slices.Contains(names, s):
			cr.probs.add(posOf(item), "openapi.augment replace lists %s twice: remove one", s)
		default:
			names = append(names, s)
		}
	}
	return names
}

// augmentKeyHints say what to write for each key an openapi.augment item needs.
var augmentKeyHints = map[string]string{
	"spec": ": add spec: the path of the service's OpenAPI document, relative to the catalog's folder",
	"out":  ": add out: where the augmented spec goes (the spec's own path to augment it in place)",
}

// platformFile reports whether go build reads the Go file name as built
// for one GOOS or GOARCH alone (errors_windows.go, errors_linux_amd64.go),
// as go/build's goodOSArchFile does: the last _-separated element of the
// name is a known GOOS or GOARCH.
func platformFile(name string) bool {
	stem := strings.TrimSuffix(name, ".go")
	i := strings.LastIndexByte(stem, '_')
	if i <= 0 {
		return false
	}
	last := stem[i+1:]
	return slices.Contains(knownOS, last) || slices.Contains(knownArch, last)
}

// knownOS and knownArch are go/build's lists (internal/syslist), which
// name files for a platform: the GOOS and GOARCH values past and present.
var (
	knownOS   = []string{"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos"}
	knownArch = []string{"386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"}
)
