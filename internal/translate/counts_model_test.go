package translate

import (
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The model of FuzzTranslateCounts: a translation file read as YAML, its
// "" texts by path, independent of Update's own counting.

// partialFile is the full file with each of its "" texts, in document
// order, taken out, written, left "" or made null, as the next byte of
// keep (cycled) says.
func partialFile(t *testing.T, full, keep []byte) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(full, &doc); err != nil {
		t.Fatalf("%v:\n%s", err, full)
	}
	next := 0
	var edit func(n *yaml.Node)
	edit = func(n *yaml.Node) {
		step := 1
		if n.Kind == yaml.MappingNode {
			step = 2
		}
		for i := step - 1; i < len(n.Content); i += step {
			v := n.Content[i]
			if !isBlank(v) {
				edit(v)
				continue
			}
			switch keep[next%len(keep)] % 4 {
			case 0: // taken out, with its key
				n.Content = append(n.Content[:i-(step-1)], n.Content[i+1:]...)
				i -= step
			case 1:
				v.Value = "Übersetzt"
			case 3:
				v.Tag, v.Value, v.Style = "!!null", "null", 0
			}
			next++
		}
	}
	edit(&doc)
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// isBlank reports whether n is a "" text.
func isBlank(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Value == ""
}

// blanksAdded counts the "" texts of out at paths where in (nil: no file)
// has none: in all, at the top (outside errors), and the error entries
// holding one.
func blanksAdded(t *testing.T, in, out []byte) (texts, top, entries int) {
	before := blankPaths(t, in)
	codes := map[string]bool{}
	for path := range blankPaths(t, out) {
		if before[path] {
			continue
		}
		texts++
		if code, ok := strings.CutPrefix(path, "/errors/"); ok {
			codes[strings.SplitN(code, "/", 2)[0]] = true
		} else {
			top++
		}
	}
	return texts, top, len(codes)
}

// blankPaths is the set of paths (/key/index/…) of the "" texts in a file.
func blankPaths(t *testing.T, file []byte) map[string]bool {
	paths := map[string]bool{}
	if file == nil {
		return paths
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(file, &doc); err != nil {
		t.Fatalf("%v:\n%s", err, file)
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch {
		case isBlank(n):
			paths[path] = true
		case n.Kind == yaml.DocumentNode:
			walk(n.Content[0], path)
		case n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], path+"/"+n.Content[i].Value)
			}
		default:
			for i, c := range n.Content {
				walk(c, path+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(&doc, "")
	return paths
}
