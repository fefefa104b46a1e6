package openapi

import (
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/yamlnode"
)

// members receives a mapping's members in order: as nodes of a tree, the
// plain path that Marshal then writes whole, or as YAML text at once, which
// holds no more than one member's tree at a time. Both give the same bytes
// (TestStreamIsTree).
type members interface {
	// set adds the member key: v.
	set(key string, v *yaml.Node) error
	// open adds the member key whose value is a mapping and returns it: its
	// members come next, and there must be at least one.
	open(key string) (members, error)
}

// tree adds members to a mapping node.
type tree struct{ m *yaml.Node }

func (t tree) set(key string, v *yaml.Node) error {
	yamlnode.Set(t.m, key, v)
	return nil
}

func (t tree) open(key string) (members, error) {
	m := yamlnode.Map()
	yamlnode.Set(t.m, key, m)
	return tree{m}, nil
}

// stream writes members at an indent of a yamlnode.Stream.
type stream struct {
	s      *yamlnode.Stream
	indent int
}

func (s stream) set(key string, v *yaml.Node) error {
	return s.s.Member(s.indent, key, v)
}

func (s stream) open(key string) (members, error) {
	return stream{s.s, s.indent + 2}, s.s.Open(s.indent, key)
}
