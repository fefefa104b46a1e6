package augment

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// marker is the member through which errgen records what it inserted, with
// a hash of each: on each operation it attached responses to
// (x-errgen: {"400": hash, …}, "responses" when it added the whole
// responses member) and in components (x-errgen: {schemas: {Name: hash},
// responses: {…}, created: [sections errgen added]}). A re-run removes what
// they name (see owned) before augmenting again: errgen's parts are
// refreshed, what nothing uses any more goes, the author's text stays.
const marker = "x-errgen"

// createdKey lists, in the components marker, the sections errgen added
// (schemas, responses) and "components" when it added components itself.
const createdKey = "created"

// nodeHash is the hash of what a node says as data: style, comments, the
// spelling of numbers and the order of a mapping's keys do not count, so
// the text may be reformatted, its keys sorted (jq -S, openapi-format).
func nodeHash(n *yaml.Node) string {
	h := sha256.New()
	writeCanonical(h, n, true)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// legacyNodeHash is nodeHash as errgen took it before 2026-12-06, a
// mapping's keys in their order: the markers of specs augmented then hold
// it, and it still names errgen's parts there (hashMatches) until a run
// writes them anew.
func legacyNodeHash(n *yaml.Node) string {
	h := sha256.New()
	writeCanonical(h, n, false)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// hashMatches reports whether h, a marker's hash (replaced: or not), is
// n's.
func hashMatches(n *yaml.Node, h string) bool {
	h = strings.TrimPrefix(h, replacedPrefix)
	return nodeHash(n) == h || legacyNodeHash(n) == h
}

// writeCanonical writes what n says as data. With sorted, a mapping is its
// members' hashes in sorted order (each of key and value), so that their
// order does not count, at one hash a member however deep the tree.
func writeCanonical(h io.Writer, n *yaml.Node, sorted bool) {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		h.Write([]byte{'{'})
		if sorted {
			members := make([][sha256.Size]byte, 0, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				mh := sha256.New()
				writeCanonical(mh, n.Content[i], true)
				mh.Write([]byte{':'})
				writeCanonical(mh, n.Content[i+1], true)
				members = append(members, [sha256.Size]byte(mh.Sum(nil)))
			}
			slices.SortFunc(members, func(x, y [sha256.Size]byte) int { return bytes.Compare(x[:], y[:]) })
			for _, m := range members {
				h.Write(m[:])
			}
		} else {
			for i := 0; i+1 < len(n.Content); i += 2 {
				writeCanonical(h, n.Content[i], false)
				h.Write([]byte{':'})
				writeCanonical(h, n.Content[i+1], false)
			}
		}
		h.Write([]byte{'}'})
	case yaml.SequenceNode:
		h.Write([]byte{'['})
		for _, c := range n.Content {
			writeCanonical(h, c, sorted)
		}
		h.Write([]byte{']'})
	default:
		tag, v := n.ShortTag(), n.Value
		switch tag {
		case "!!int", "!!float":
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				v = strconv.FormatFloat(f, 'g', -1, 64)
			}
			tag = "n"
		case "!!null":
			v = ""
		}
		h.Write([]byte(tag + strconv.Quote(v) + ","))
	}
}

// ownership collects, while errgen augments a tree, what the markers
// will name: what it attached to each operation, what it added to
// components. Hashes are taken when the markers are written, of the tree
// as written.
type ownership struct {
	ops        map[*yaml.Node][]owned // operation → what errgen put in it
	opOrder    []*yaml.Node           // operations, in the order attached to
	components map[string][]owned     // section → errgen's components
	created    []string
}

// owned is one member errgen wrote: its key and value, and whether it
// replaced the author's (--force) rather than adding it.
type owned struct {
	key      string
	v        *yaml.Node
	replaced bool
}

// replacedPrefix starts the marker's hash of a member errgen wrote in
// place of the author's: a re-run rewrites it where it is, rather than
// removing it, so it keeps its place and the text around it.
const replacedPrefix = "replaced:"

func (o owned) hash() *yaml.Node {
	h := nodeHash(o.v)
	if o.replaced {
		h = replacedPrefix + h
	}
	return yamlnode.Str(h)
}

// attached records the response (or the whole responses member, key
// "responses") errgen put in op.
func (o *ownership) attached(op *yaml.Node, key string, v *yaml.Node, replaced bool) {
	if o.ops == nil {
		o.ops = map[*yaml.Node][]owned{}
	}
	if o.ops[op] == nil {
		o.opOrder = append(o.opOrder, op)
	}
	o.ops[op] = append(o.ops[op], owned{key, v, replaced})
}

func (o *ownership) component(section, name string, v *yaml.Node, replaced bool) {
	if o.components == nil {
		o.components = map[string][]owned{}
	}
	o.components[section] = append(o.components[section], owned{name, v, replaced})
}

// opMarker is an operation's marker: the hash of each response errgen
// attached, or of the responses member when it added that.
func opMarker(members []owned) *yaml.Node {
	m := yamlnode.Map()
	m.Style = yaml.FlowStyle
	// by status ("default" last), however they were recorded: a part kept
	// from an earlier run (keepReplaced) is recorded before those placed
	members = slices.SortedStableFunc(slices.Values(members), func(x, y owned) int { return strings.Compare(x.key, y.key) })
	for _, o := range members {
		if o.key == "responses" {
			m.Content = nil
			yamlnode.Set(m, o.key, o.hash())
			break
		}
		yamlnode.Set(m, o.key, o.hash())
	}
	return m
}

// writeMarkers adds the markers to the tree, as errgen's additions: one
// per operation errgen attached to, one in components.
func (a *augmenter) writeMarkers(root *yaml.Node) {
	for _, op := range a.owned.opOrder {
		// first in the operation: after its last member, it could land
		// below comments that head what follows
		yamlnode.Insert(op, 0, marker, opMarker(a.owned.ops[op]))
		a.adds.Add(op.Content[0], op.Content[1])
	}
	if len(a.owned.components) == 0 {
		return
	}
	m := yamlnode.Map()
	if len(a.owned.created) > 0 {
		var items []*yaml.Node
		for _, s := range a.owned.created {
			items = append(items, yamlnode.Str(s))
		}
		seq := yamlnode.Seq(items...)
		seq.Style = yaml.FlowStyle
		yamlnode.Set(m, createdKey, seq)
	}
	sections := make([]string, 0, len(a.owned.components))
	for s := range a.owned.components {
		sections = append(sections, s)
	}
	slices.Sort(sections)
	for _, s := range sections {
		entries := yamlnode.Map()
		for _, o := range a.owned.components[s] {
			yamlnode.Set(entries, o.key, o.hash())
		}
		yamlnode.Set(m, s, entries)
	}
	a.set(memberValue(root, "components"), marker, m)
}

// Marked reports whether a document carries errgen's marker where errgen
// writes it, in components or first in an operation: it is a spec errgen
// augmented, and a re-run may replace it. A spec that only mentions the
// marker, in a description or an example, is its author's and is kept; so
// is a file that does not read as YAML or JSON.
func Marked(data []byte) bool {
	if !bytes.Contains(data, []byte(marker)) {
		return false // errgen writes the marker as it is: no need to read the file
	}
	var file yaml.Node
	if yaml.Unmarshal(data, &file) != nil || len(file.Content) == 0 {
		return false
	}
	root := deref(file.Content[0])
	if memberValue(memberValue(root, "components"), marker) != nil {
		return true
	}
	found := false
	eachOperation(root, func(_ string, op *yaml.Node) {
		found = found || memberValue(op, marker) != nil
	})
	return found
}
