package catalog_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// A valid catalog with one key misspelt, which errgen reads as the key it
// suggests (see meantKeys), has that one problem: the unknown key and its
// did-you-mean, none of what the key's absence would bring.
func FuzzMeantKey(f *testing.F) {
	var roots [][]byte
	for _, p := range []string{"../testdata/presets/custom.yaml", "../testdata/presets/problem.yaml", "../testdata/presets/nested.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if _, err := catalog.Parse("fuzz.yaml", data); err != nil {
			f.Fatalf("%s: %v", p, err)
		}
		roots = append(roots, data)
	}
	for i := range 40 {
		f.Add(uint8(i%3), uint16(i*7), uint8(i), byte('a'+i%26), uint8(i%4))
	}
	f.Fuzz(func(t *testing.T, root uint8, which uint16, at uint8, b byte, op uint8) {
		data := roots[int(root)%len(roots)]
		keys := keyNodes(data)
		k := keys[int(which)%len(keys)]
		misspelt, ok := misspell(k.Value, int(at), b, op)
		if !ok {
			return
		}
		lines := strings.SplitAfter(string(data), "\n")
		line := lines[k.Line-1]
		lines[k.Line-1] = line[:k.Column-1] + misspelt + line[k.Column-1+len(k.Value):]
		mutated := strings.Join(lines, "")
		_, err := catalog.Parse("fuzz.yaml", []byte(mutated))
		var probs *diag.List
		if err == nil || !errors.As(err, &probs) {
			return
		}
		want := fmt.Sprintf("unknown key %q (did you mean %q?)", misspelt, k.Value)
		if strings.Contains(err.Error(), want) && len(probs.Items) != 1 {
			t.Errorf("%q at %d:%d misspelt %q: %d problems, want the unknown key alone:\n%v", k.Value, k.Line, k.Column, misspelt, len(probs.Items), err)
		}
	})
}

// keyNodes are the plain ASCII keys of data's mappings, with their places.
func keyNodes(data []byte) []*yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		panic(err)
	}
	var keys []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 && c.Style == 0 && isWord(c.Value) {
				keys = append(keys, c)
			}
			walk(c)
		}
	}
	walk(&doc)
	return keys
}

// misspell edits key at one place (op: drop, insert b, replace by b, swap
// with the next), keeping it a word of lower-case letters and underscores
// three characters long at least.
func misspell(key string, at int, b byte, op uint8) (string, bool) {
	if b < 'a' || b > 'z' {
		b = 'a' + b%26
	}
	at %= len(key)
	var out string
	switch op % 4 {
	case 0:
		out = key[:at] + key[at+1:]
	case 1:
		out = key[:at] + string(b) + key[at:]
	case 2:
		out = key[:at] + string(b) + key[at+1:]
	default:
		if at+1 >= len(key) {
			return "", false
		}
		out = key[:at] + key[at+1:at+2] + key[at:at+1] + key[at+2:]
	}
	// a key of one or two characters is not read as the key meant
	// (catalog's minMeantLen): its follow-ons are reported
	return out, out != key && len(out) >= 3 && isWord(out)
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}
