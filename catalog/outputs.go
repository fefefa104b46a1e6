package catalog

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// outPath reads an output path: relative to the catalog's folder, written
// with slashes so a catalog means the same on every system, or "none".
func (cr *catalogReader) outPath(n *yaml.Node, what string) string {
	p := cr.str(n, what)
	if msg := outPathProblem(p); msg != "" {
		cr.probs.add(posOf(n), "%s %s", what, msg)
	}
	return p
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
		return "must be relative to the catalog's folder, not absolute"
	case p == "." || strings.HasSuffix(p, "/") || path.Base(path.Clean(p)) == "..":
		return "must name a file, not a folder"
	}
	return ""
}

// augmentTarget reads one openapi.augment item: {spec: IN, out: OUT}.
func (cr *catalogReader) augmentTarget(n *yaml.Node) AugmentTarget {
	var t AugmentTarget
	for _, f := range cr.fields(n, "openapi.augment item", augmentKeys, nil) {
		switch f.key {
		case "spec":
			t.Spec = cr.outPath(f.value, "openapi.augment spec")
		case "out":
			t.Out = cr.outPath(f.value, "openapi.augment out")
		}
	}
	if n.Kind == yaml.MappingNode {
		for _, k := range []struct{ name, value string }{{"spec", t.Spec}, {"out", t.Out}} {
			if k.value == "" && !cr.hasKey(n, k.name) {
				cr.probs.add(posOf(n), "openapi.augment item: missing required key %q", k.name)
			}
		}
		if t.Spec == OutputOff {
			cr.probs.add(posOf(n), "openapi.augment spec cannot be none: drop the item to stop augmenting")
		}
	}
	return t
}
