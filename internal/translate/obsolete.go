package translate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textedit"
)

// Removal is an obsolete entry Update took out of the file: one for
// something the catalog no longer has (catalog.Obsolete).
type Removal struct {
	Pos   catalog.Pos // where its key was in the file
	Path  []string    // the keys leading to it from the file's top
	Texts []string    // the translated texts it held ("title: Nicht angemeldet"), none for errgen's empty skeleton
	// Comments are the translator's comments that went with it ("# weg"),
	// errgen's source texts (# en: …) aside.
	Comments []string
}

// removeObsolete takes the obsolete entries the loader found out of the
// text, with their comments (errgen's source texts above their texts), as
// goi18n merge drops obsolete messages: nothing reads them, and an entry
// left there would warn on every run. The rest of the text stays byte for
// byte. A mapping its removals would leave empty (details: with only the
// renamed detail's entry in it) goes as a whole, since an empty key would
// read as null, which the file may not hold; the run adds it back, new,
// when the catalog has entries for it. The texts a translator wrote in
// the entries are returned, for errgen translate to print: the file's
// history keeps them, the terminal or CI log names them.
func (u *updater) removeObsolete(text []byte) ([]byte, error) {
	if len(u.t.Obsolete) == 0 {
		return text, nil
	}
	doc, keys, keyLines, err := u.obsoleteKeys(text, true)
	if err != nil || len(keys) == 0 {
		return text, err
	}
	// errgen's source text above a removed key (# en: …, over a text the
	// catalog took out) goes with it: left, it would read as the next
	// key's. Comment lines hold no data, so the text read again has the
	// same keys, on other lines.
	if lines := u.sourceCommentsAbove(text, keys); len(lines) > 0 {
		text = dropLines(text, lines)
		if doc, keys, keyLines, err = u.obsoleteKeys(text, false); err != nil {
			return nil, err
		}
	}
	removed, err := textedit.Remove(doc, text, false, keys)
	if err != nil {
		return nil, inFile(u.t.File, err)
	}
	u.translatorsComments(text, removed.Comments, keyLines)
	return removed.Text, nil
}

// obsoleteKeys parses text and returns the keys of its obsolete entries
// to remove, a mapping they would empty removed whole, and the line in
// text of each entry's key, in the order of the result's removals; record
// adds each entry found to those.
func (u *updater) obsoleteKeys(text []byte, record bool) (*yaml.Node, map[*yaml.Node]bool, []int, error) {
	doc, err := parse(text)
	if err != nil {
		return nil, nil, nil, err
	}
	var keyLines []int
	top := doc.Content[0]
	keys := map[*yaml.Node]bool{}
	parents := map[*yaml.Node]holder{} // each mapping on a path: the mapping and key holding it
	index := memberIndexes{}
	for _, o := range u.t.Obsolete {
		k, v := find(top, o.Path, parents, index)
		if k == nil {
			continue
		}
		keys[k] = true
		keyLines = append(keyLines, k.Line)
		if record {
			u.res.Removed = append(u.res.Removed, Removal{Pos: o.Pos, Path: o.Path, Texts: textsIn(nil, "", v, true)})
		}
	}
	pruneEmptied(top, keys, parents)
	return doc, keys, keyLines, nil
}

// sourceCommentsAbove returns the lines (0-based) of errgen's source texts
// right above the keys: a "# en:" line at the key's indentation and the
// lines continuing it, down to the key's line.
func (u *updater) sourceCommentsAbove(text []byte, keys map[*yaml.Node]bool) map[int]bool {
	lines := strings.Split(string(text), "\n")
	src := sourceLinesOf(u.c.Language)
	drop := map[int]bool{}
	for k := range keys {
		indent := strings.Repeat(" ", k.Column-1)
		for j := k.Line - 2; j >= 0; j-- {
			c, ok := strings.CutPrefix(strings.TrimRight(lines[j], "\r"), indent)
			if !ok || !src.continues(c) && !src.opens(c) {
				break
			}
			if src.opens(c) {
				for i := j; i < k.Line-1; i++ {
					drop[i] = true
				}
				break
			}
		}
	}
	return drop
}

// dropLines is text without the lines (0-based) drop holds.
func dropLines(text []byte, drop map[int]bool) []byte {
	lines := bytes.SplitAfter(text, []byte("\n"))
	out := make([]byte, 0, len(text))
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l...)
		}
	}
	return out
}

// translatorsComments gives each removal the comments of the text that
// went with it but errgen's source texts (# en: Not found, and the lines
// of a text of several under it): each goes to the removal whose key is
// on its line or the last before it, keyLines holding the removals' keys'
// lines in text (which may have lost lines since the file was read).
func (u *updater) translatorsComments(text []byte, comments []textedit.Comment, keyLines []int) {
	lines := bytes.Split(text, []byte("\n"))
	src := sourceLinesOf(u.c.Language)
	source, last := false, 0
	for _, cm := range comments {
		line := string(bytes.TrimRight(lines[cm.Line-1], "\r"))
		c := line[min(len(line), byteCol(line, cm.Col)):]
		follows := source && cm.Line == last+1
		source, last = src.opens(c) || follows && src.continues(c), cm.Line
		if source {
			continue
		}
		at := 0
		for i, line := range keyLines {
			if line <= cm.Line {
				at = i
			}
		}
		u.res.Removed[at].Comments = append(u.res.Removed[at].Comments, c)
	}
}

// byteCol is the byte offset of the 1-based column col (counted in
// characters, as the parser counts them) in line.
func byteCol(line string, col int) int {
	n := 0
	for i := range line {
		if n++; n == col {
			return i
		}
	}
	return len(line)
}

// holder is the mapping holding a mapping of the file, and its key there.
type holder struct{ m, key *yaml.Node }

// find returns the key and value path leads to from top, or nils, and
// records in parents where each mapping on the way is held.
func find(top *yaml.Node, path []string, parents map[*yaml.Node]holder, index memberIndexes) (k, v *yaml.Node) {
	m := top
	for i, key := range path {
		k, v = index.member(m, key)
		if k == nil {
			return nil, nil
		}
		if i < len(path)-1 {
			if v.Kind != yaml.MappingNode {
				return nil, nil
			}
			parents[v] = holder{m, k}
			m = v
		}
	}
	return k, v
}

// pruneEmptied replaces the removal of every member of a mapping below
// top by the removal of the mapping's own key, from the innermost out.
func pruneEmptied(top *yaml.Node, keys map[*yaml.Node]bool, parents map[*yaml.Node]holder) {
	for changed := true; changed; {
		changed = false
		for m, h := range parents {
			if m == top || keys[h.key] || !allIn(m, keys) {
				continue
			}
			for i := 0; i < len(m.Content); i += 2 {
				delete(keys, m.Content[i])
			}
			keys[h.key], changed = true, true
		}
	}
}

// allIn reports whether every key of the mapping m is in keys.
func allIn(m *yaml.Node, keys map[*yaml.Node]bool) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if !keys[m.Content[i]] {
			return false
		}
	}
	return len(m.Content) > 0
}

// textsIn appends the texts n holds, each after the keys leading to it
// from the removed entry ("details: id: description: Die ID."): a scalar
// neither empty nor null, but an entry's own source hash and reviewed mark
// (entry: n is the entry itself).
func textsIn(out []string, prefix string, n *yaml.Node, entry bool) []string {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Value != "" && n.ShortTag() != "!!null" {
			out = append(out, prefix+strconv.Quote(n.Value))
		}
	case yaml.AliasNode:
		out = append(out, prefix+"*"+n.Value)
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			if entry && (k == "source" || k == "reviewed") && v.Kind == yaml.ScalarNode {
				continue
			}
			out = textsIn(out, prefix+k+": ", v, false)
		}
	default:
		for i, c := range n.Content {
			out = textsIn(out, fmt.Sprintf("%s%d: ", prefix, i+1), c, false)
		}
	}
	return out
}
