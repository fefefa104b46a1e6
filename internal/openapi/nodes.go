package openapi

import (
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// A stream writes each member's nodes and drops them before it builds the
// next, and its writer only reads them; so when the generator feeds a
// stream (share), a node that many errors repeat is built once and used in
// every tree that holds it: keys, type names, the names in required lists,
// the schemas of the references an error does not pin. That is most of the
// nodes of a 10,000-error document, which were most of its garbage. A tree
// of the whole document (generateTree) or of the components Used builds
// gets its own nodes everywhere: augment tells nodes apart by identity and
// restyles $ref values in place. TestStreamIsTree holds the two to the same
// bytes, and BenchmarkShare shows what sharing buys.

// word is a scalar string node for s, shared when the generator shares:
// for the keys and the values that recur (type names, member and detail
// names), never for what one error alone holds (its code, its title).
func (g *generator) word(s string) *yaml.Node {
	if !g.share {
		return yamlnode.Str(s)
	}
	n, ok := g.words[s]
	if !ok {
		n = yamlnode.Str(s)
		g.words[s] = n
	}
	return n
}

// set is yamlnode.Set with the key a word.
func (g *generator) set(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, g.word(key), v)
}

// sizedMap is an empty mapping with room for n members, which saves growing
// its members slice member by member.
func sizedMap(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: make([]*yaml.Node, 0, 2*n)}
}

// unpinnedKey names the schema of an envelope's reference that no error
// pins: the same for every error written in the envelope.
type unpinnedKey struct {
	n   *catalog.Node
	env *catalog.Envelope
}

// unpinned is refSchema(n.Ref, g.users[env]), built once per envelope
// member when the generator shares. Its callers only place it in a
// mapping: a shared schema is never changed.
func (g *generator) unpinned(n *catalog.Node, env *catalog.Envelope) *yaml.Node {
	if !g.share {
		return g.refSchema(n.Ref, g.users[env])
	}
	k := unpinnedKey{n, env}
	s, ok := g.unpinnedSchemas[k]
	if !ok {
		s = g.refSchema(n.Ref, g.users[env])
		g.unpinnedSchemas[k] = s
	}
	return s
}

// truth is a true scalar, shared when the generator shares.
func (g *generator) truth() *yaml.Node {
	if !g.share {
		return yamlnode.Bool(true)
	}
	if g.trueNode == nil {
		g.trueNode = yamlnode.Bool(true)
	}
	return g.trueNode
}

// insert is yamlnode.Insert with the key a word, in place when m has room.
func (g *generator) insert(m *yaml.Node, i int, key string, v *yaml.Node) {
	m.Content = slices.Insert(m.Content, min(2*i, len(m.Content)), g.word(key), v)
}

// fromJSON is yamlnode.FromJSON, its keys words when the generator shares.
func (g *generator) fromJSON(data []byte) (*yaml.Node, error) {
	if !g.share {
		return yamlnode.FromJSON(data)
	}
	return yamlnode.FromJSONSharing(data, g.words)
}

// sharedMax is the most examples or pins a generator keeps to share: past
// it, a catalog whose values seldom repeat builds the rest afresh rather
// than holding every one to the end.
const sharedMax = 4096

// exampleValue is the value of a detail's example or examples member, its
// example's JSON raw as a node (3.0) or in a list (3.1), shared by text
// when the generator shares: many errors have a detail of one example.
func (g *generator) exampleValue(raw []byte) (*yaml.Node, error) {
	if v, ok := g.exampleValues[string(raw)]; ok {
		return v, nil
	}
	v, err := g.fromJSON(raw)
	if err != nil {
		return nil, err
	}
	if g.v31 {
		v = yamlnode.Seq(v)
	}
	if g.share && len(g.exampleValues) < sharedMax {
		g.exampleValues[string(raw)] = v
	}
	return v, nil
}

// statusPinKey names the schema of a status reference pinned to a status.
type statusPinKey struct {
	name   catalog.RefName
	status int
}

// statusPin is the schema of a status (or status text) reference pinned
// to status, shared when the generator shares: every error of a status has
// the same one.
func (g *generator) statusPin(r catalog.Ref, status int) *yaml.Node {
	k := statusPinKey{r.Name, status}
	if s, ok := g.statusPins[k]; ok {
		return s
	}
	v := yamlnode.Int(status)
	if r.Name == catalog.RefStatusText {
		v = yamlnode.Str(strconv.Itoa(status))
	}
	s := g.refSchema(r, nil)
	g.set(s, "enum", yamlnode.Seq(v))
	if g.share && len(g.statusPins) < sharedMax {
		g.statusPins[k] = s
	}
	return s
}

// bodyJSON is fromJSON for an error's example body. When the generator
// shares, it reads into the nodes of the body it read before
// (yamlnode.JSONReader): each caller writes the example it builds before
// it builds another (response, defaultResponse).
func (g *generator) bodyJSON(data []byte) (*yaml.Node, error) {
	if !g.share {
		return yamlnode.FromJSON(data)
	}
	return g.bodyReader.Read(data)
}
