package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// nodeReader reads YAML nodes into Go values, recording a problem for every
// node of the wrong shape instead of stopping at the first.
type nodeReader struct {
	probs *problems
}

// posOf is where n is: its file (which stamp put in its Anchor), line and
// column.
func posOf(n *yaml.Node) Pos { return Pos{File: n.Anchor, Line: n.Line, Col: n.Column} }

// kindName names a node's kind the way a user thinks of it.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		}
		return "a string"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// field is one key of a mapping together with its value.
type field struct {
	key   string
	keyN  *yaml.Node
	value *yaml.Node
}

// fields checks that n is a mapping whose keys are all in known (or in
// moved, reported with the message that says where they went) and returns
// its fields in order. Unknown and duplicate keys are reported, with a hint
// for near misses.
func (r *nodeReader) fields(n *yaml.Node, what string, known []string, moved map[string]diag.Naming) []field {
	return r.fieldsIn(nil, n, what, known, moved)
}

// fieldsIn is fields, its result in buf's array when that has room: the
// readers of what every error has (its keys, its details', its
// translation's) pass an array of their own, which stays on the stack,
// where fields would allocate a slice per mapping.
func (r *nodeReader) fieldsIn(buf []field, n *yaml.Node, what string, known []string, moved map[string]diag.Naming) []field {
	if n.Kind != yaml.MappingNode {
		hint := ": write its members as key: value, one a line, indented below it"
		if what == "catalog" || what == "translation file" || what == "included file" { // a whole file
			hint = ": a file of key: value lines, one a line, none indented"
		}
		switch kindName(n) {
		case "null": // a key left with nothing after it
			hint = ": give it its members, indented below it, or remove the key"
		case "a list":
			hint = `: write its members as key: value, without "- " before them`
		}
		r.probs.add(posOf(n), "%s must be a mapping, not %s%s", what, kindName(n), hint)
		return nil
	}
	// The keys seen are out's: most mappings have a few, which a scan of
	// out finds sooner than a map, made per mapping, would; a map takes
	// over past manyFields.
	var seen map[string]bool
	size := len(n.Content) / 2
	if known != nil { // what it keeps are known keys, each once
		size = min(size, len(known))
	}
	mk := meantKeys{m: n}
	out := buf[:0]
	if cap(out) < size {
		out = make([]field, 0, size)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.probs.add(posOf(k), "%s: keys must be strings, not %s", what, kindName(k))
			continue
		}
		// Only kept keys are remembered: a repeated unknown key is reported
		// as unknown each time, and a catalog of a million of them costs no
		// map of a million entries.
		key := k.Value
		switch {
		case moved[key] != diag.Naming{}:
			r.probs.add(posOf(k), "%s: %q is no key here: %s", what, key, moved[key])
		case known != nil && !contains(known, key):
			if meant := r.unknownKey(k, what, known, &mk); meant != "" {
				out = append(out, field{key: meant, keyN: k, value: v})
				seen = keepKey(out, seen)
			}
		case seenKey(out, seen, key):
			r.probs.add(posOf(k), "%s: key %q appears twice: keep one", what, key)
		default:
			out = append(out, field{key: key, keyN: k, value: v})
			seen = keepKey(out, seen)
		}
	}
	return out
}

// unknownKey reports the key k, which known lacks, with its near miss, and
// returns the key k is read as: its near miss, when the mapping lacks it
// (see meantKeys), else "".
func (r *nodeReader) unknownKey(k *yaml.Node, what string, known []string, mk *meantKeys) string {
	if !r.probs.keeps() { // a dropped problem needs no hint, nor its follow-ons kept out
		r.probs.hint(posOf(k), "", "%s: unknown key %q", what, k.Value)
		return ""
	}
	r.probs.hint(posOf(k), unknownKeyHint(k.Value, known), "%s: unknown key %q", what, k.Value)
	return mk.meant(k.Value, known)
}

// fieldsOnStack is how many fields the arrays passed to fieldsIn hold:
// more than most errors, details and entries have.
const fieldsOnStack = 16

// manyFields is how many fields fields scans for a repeated key before it
// keeps them in a map.
const manyFields = 16

// seenKey reports whether key is one of out's: in seen, once fields keeps one.
func seenKey(out []field, seen map[string]bool, key string) bool {
	if seen != nil {
		return seen[key]
	}
	for _, f := range out {
		if f.key == key {
			return true
		}
	}
	return false
}

// keepKey records the last of out's keys in seen, which it makes of all of
// them when out grows past manyFields.
func keepKey(out []field, seen map[string]bool) map[string]bool {
	switch {
	case seen != nil:
		seen[out[len(out)-1].key] = true
	case len(out) > manyFields:
		seen = make(map[string]bool, 2*len(out))
		for _, f := range out {
			seen[f.key] = true
		}
	}
	return seen
}

// unknownKeyHint is what follows "unknown key": the near miss, or else the
// keys the mapping takes.
func unknownKeyHint(key string, known []string) string {
	if hint := suggest(key, known); hint != "" {
		return hint
	}
	return "; the keys here are " + strings.Join(known, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// scalar returns a scalar node's text; it reports any other kind.
func (r *nodeReader) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		r.probs.hint(posOf(n), notStringHint(n), "%s must be a string, not %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// notStringHint says how to write as a string what YAML read as a list,
// a mapping or nothing.
func notStringHint(n *yaml.Node) string {
	switch {
	case n.Kind == yaml.ScalarNode: // null
		return ": write the text after the colon"
	case n.Style&yaml.FlowStyle != 0:
		return `: quote it ("..."): a text that starts with { or [ is a YAML mapping or list`
	}
	return ": write the text on the key's line, after the colon"
}

// str reads a string. YAML numbers and booleans are refused so that
// "version: 1.10" never silently becomes "1.1".
func (r *nodeReader) str(n *yaml.Node, what string) string {
	if n.Kind == yaml.ScalarNode && n.ShortTag() != "!!str" && n.ShortTag() != "!!null" {
		r.probs.add(posOf(n), "%s must be a string, not %s (quote it)", what, kindName(n))
		return ""
	}
	s, _ := r.scalar(n, what)
	return s
}

// name reads a string that names something, such as the API: one of only
// spaces, or none, names nothing, and a page titled " errors" or a package
// doc of "the errors of : codes" came of it.
func (r *nodeReader) name(n *yaml.Node, what, example string) string {
	s := r.str(n, what)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && strings.TrimSpace(s) == "" {
		r.probs.hint(posOf(n), ": write it out, such as "+example, "%s is empty", what)
	}
	return s
}

func (r *nodeReader) integer(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		hint := ": write a whole number, without quotes"
		if _, err := strconv.Atoi(strings.TrimSpace(n.Value)); err == nil && n.Kind == yaml.ScalarNode {
			hint = ": write it without quotes: " + strings.TrimSpace(n.Value)
		}
		r.probs.hint(posOf(n), hint, "%s must be an integer, not %s", what, kindName(n))
		return 0, false
	}
	v, err := strconv.Atoi(strings.ReplaceAll(n.Value, "_", ""))
	if err != nil {
		r.probs.add(posOf(n), "%s: %q is not an integer", what, n.Value)
		return 0, false
	}
	return v, true
}

func (r *nodeReader) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		r.probs.hint(posOf(n), ": write true or false, without quotes", "%s must be true or false, not %s", what, kindName(n))
		return false
	}
	v, _ := strconv.ParseBool(strings.ToLower(n.Value))
	return v
}

// strList reads a list of strings; a single string is not accepted, so a
// forgotten dash is caught.
func (r *nodeReader) strList(n *yaml.Node, what string) []string {
	if n.Kind != yaml.SequenceNode {
		r.probs.hint(posOf(n), listHint, "%s must be a list of strings, not %s", what, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	itemWhat := what + " item" // once a list, not once an item
	for _, item := range n.Content {
		if s := r.str(item, itemWhat); s != "" {
			out = append(out, s)
		} else if item.Kind == yaml.ScalarNode && item.ShortTag() == "!!str" {
			r.probs.add(posOf(item), "%s item is empty: remove it or fill it in", what)
		}
	}
	return out
}

// listHint says how a list is written, to one who wrote something else.
const listHint = `: write one item a line under the key, each starting with "- ", or [first, second]`

// list checks that n is a sequence and returns its items.
func (r *nodeReader) list(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		r.probs.hint(posOf(n), listHint, "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// rejectAliases reports anchors and aliases: catalogs are small, and
// refusing aliases outright makes alias bombs impossible. An alias bomb has
// thousands of aliases, so only the first of each kind is located.
//
// It reports every anchor, alias and merge key (<<), takes the merge keys
// out, then makes each alias a null, so that the rest of the catalog is
// read and its problems reported in the same run without ever expanding an
// alias (no alias bomb); it returns the positions of the aliases and of the
// merge keys and their mappings, where the problems of what they stand for
// are not worth reporting. It runs before stamp, so the positions it
// reports are in the problems' file.
func (r *nodeReader) rejectAliases(doc *yaml.Node) map[Pos]bool {
	var anchors, aliases, merges []*yaml.Node
	at := map[Pos]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
			return
		}
		if n.Anchor != "" {
			anchors = append(anchors, n)
		}
		if keys := dropMergeKeys(n); len(keys) > 0 {
			merges = append(merges, keys...)
			at[Pos{Line: n.Line, Col: n.Column}] = true // the keys it lacks
			for _, k := range keys {
				at[Pos{Line: k.Line, Col: k.Column}] = true
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	written := map[string]string{"anchors": "value", "aliases": "value", "merge keys (<<)": "keys"}
	report := func(nodes []*yaml.Node, what string) {
		if len(nodes) == 0 {
			return
		}
		more := ""
		if len(nodes) > 1 {
			more = fmt.Sprintf(" (%d in all)", len(nodes))
		}
		r.probs.add(Pos{Line: nodes[0].Line, Col: nodes[0].Column}, "YAML %s are not supported%s: write the %s out in full", what, more, written[what])
	}
	report(anchors, "anchors")
	report(aliases, "aliases")
	report(merges, "merge keys (<<)")
	for _, n := range aliases {
		at[Pos{Line: n.Line, Col: n.Column}] = true
		*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
	}
	return at
}

// dropMergeKeys takes the merge keys (<<) out of a mapping n and returns
// them: a merge brings keys by an alias, or from a mapping written beside
// it, which the catalog reads nowhere, so the mapping is read without them.
func dropMergeKeys(n *yaml.Node) []*yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	var keys []*yaml.Node
	kept := n.Content[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) == 0 {
			keys = append(keys, k)
			continue
		}
		kept = append(kept, k, n.Content[i+1])
	}
	n.Content = kept
	return keys
}
