package augment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// fzChoices hands out a fuzzer's choices, a byte each, 0 once spent: every
// input builds a spec, and a short one a plain spec.
type fzChoices struct{ b []byte }

func (c *fzChoices) pick(n int) int {
	if len(c.b) == 0 || n <= 1 {
		return 0
	}
	v := int(c.b[0]) % n
	c.b = c.b[1:]
	return v
}

// shuffle orders members as the choices say, so that each member of an
// object may be first, in the middle, last or alone.
func (c *fzChoices) shuffle(members []*fzMember) {
	for i := len(members) - 1; i > 0; i-- {
		j := c.pick(i + 1)
		members[i], members[j] = members[j], members[i]
	}
}

// fzObj is an object of a generated spec; flow writes it as a flow
// mapping in YAML.
type fzObj struct {
	members []*fzMember
	flow    bool
}

// fzMember is one member of a generated spec: its value an object, a
// string (scalar) or a list of strings.
type fzMember struct {
	key    string
	status bool // the key is an HTTP status, quoted in YAML as the spec chose
	obj    *fzObj
	scalar string
	list   []string
	// keep marks the author's members that must keep their bytes unless
	// errgen replaces them.
	keep bool
}

// fzSpec is a generated spec: the author's components of errgen's names
// and operations' responses at the catalog's statuses, in every position.
type fzSpec struct {
	root *fzObj
	// components are the author's components of errgen's names, by
	// "components.SECTION.NAME", as Options.Replace names them.
	components map[string]*fzMember
	// colliding are the operations' responses at a status errgen attaches
	// there: 500 always (openapi.attach), 404 where x-errors lists it.
	colliding []*fzMember
}

// errgenComponents are the components errgen writes for fuzzCatalog.
var errgenComponents = []string{
	"components.responses.NotFound", "components.responses.InternalServerError",
	"components.schemas.NotFoundBody", "components.schemas.InternalServerErrorBody",
}

func str(key, value string) *fzMember { return &fzMember{key: key, scalar: value} }

func obj(key string, members ...*fzMember) *fzMember {
	return &fzMember{key: key, obj: &fzObj{members: members}}
}

// genSpec builds a spec from choices.
func genSpec(c *fzChoices) *fzSpec {
	s := &fzSpec{components: map[string]*fzMember{}}
	n := 0
	mine := func() string { n++; return fmt.Sprintf("mine-%d", n) }
	root := []*fzMember{str("openapi", []string{"3.0.3", "3.1.0"}[c.pick(2)]), obj("info", str("title", "T"), str("version", "1"))}
	root[1].keep = true
	var comps []*fzMember
	hasMine := false
	for _, section := range []struct{ name, mine string }{{"responses", "Mine"}, {"schemas", "MineBody"}} {
		if c.pick(3) == 0 {
			continue
		}
		var entries []*fzMember
		for _, name := range []string{"NotFound", "InternalServerError", section.mine} {
			if c.pick(2) == 0 {
				continue
			}
			e := obj(name, str("description", mine()))
			if section.name == "schemas" {
				if name != section.mine {
					e.key += "Body"
				}
				e.obj.members = append([]*fzMember{str("type", "object")}, e.obj.members...)
			}
			e.keep = true
			entries = append(entries, e)
			if name == section.mine {
				hasMine = hasMine || section.name == "responses"
				continue
			}
			s.components["components."+section.name+"."+e.key] = e
		}
		c.shuffle(entries)
		comps = append(comps, obj(section.name, entries...))
	}
	if len(comps) > 0 || c.pick(2) == 1 {
		c.shuffle(comps)
		root = append(root, obj("components", comps...))
	}
	var paths []*fzMember
	for _, p := range []string{"/a", "/b"}[:1+c.pick(2)] {
		var ops []*fzMember
		for _, method := range []string{"get", "post"}[:1+c.pick(2)] {
			ops = append(ops, s.genOperation(c, mine, hasMine))
			ops[len(ops)-1].key = method
		}
		c.shuffle(ops)
		paths = append(paths, obj(p, ops...))
	}
	root = append(root, obj("paths", paths...))
	if c.pick(2) == 1 {
		root = append(root, str("x-author", mine()))
		root[len(root)-1].keep = true
	}
	c.shuffle(root)
	s.root = &fzObj{members: root}
	s.root.setFlow(c)
	return s
}

// genOperation builds an operation whose responses are the author's,
// among them ones at the statuses errgen attaches.
func (s *fzSpec) genOperation(c *fzChoices, mine func() string, hasMine bool) *fzMember {
	listsNotFound := c.pick(2) == 1
	var responses []*fzMember
	for _, status := range []string{"200", "404", "500", "default"} {
		if c.pick(2) == 0 {
			continue
		}
		r := obj(status, str("description", mine()))
		if hasMine && c.pick(3) == 0 {
			r = obj(status, str("$ref", "#/components/responses/Mine"))
		}
		r.status, r.keep = status != "default", true
		responses = append(responses, r)
		if status == "500" || status == "404" && listsNotFound {
			s.colliding = append(s.colliding, r)
		}
	}
	c.shuffle(responses)
	op := []*fzMember{obj("responses", responses...)}
	if listsNotFound {
		op = append(op, &fzMember{key: "x-errors", list: []string{"NOT_FOUND"}})
	}
	if c.pick(2) == 1 {
		op = append(op, str("summary", mine()))
		op[len(op)-1].keep = true
	}
	c.shuffle(op)
	return obj("", op...)
}

// setFlow chooses which of the YAML text's objects are flow mappings: a
// flow mapping's own objects are too.
func (o *fzObj) setFlow(c *fzChoices) {
	for _, m := range o.members {
		if m.obj == nil {
			continue
		}
		m.obj.flow = o.flow || c.pick(3) == 0
		m.obj.setFlow(c)
	}
}

// fzLayout is how a generated spec is written.
type fzLayout struct {
	json      bool
	indent    string // JSON over several lines, this a level; "" on one
	statusKey string // YAML's quote of a status key: "", "'" or "\""
	plain     bool   // YAML's strings plain where they may be
	allFlow   bool   // YAML's root a flow mapping
}

func (l fzLayout) name() string {
	if l.json {
		return "api.json"
	}
	return "api.yaml"
}

// fzText is a spec written out, and the text of each member marked keep.
type fzText struct {
	text  []byte
	spans map[*fzMember]string
}

// render writes the spec, leaving out the members skip holds.
func (s *fzSpec) render(l fzLayout, skip map[*fzMember]bool) fzText {
	w := &fzWriter{l: l, skip: skip, spans: map[*fzMember]string{}}
	if l.json {
		w.object(s.root, 1, true)
	} else {
		w.object(s.root, 0, l.allFlow)
	}
	w.b.WriteString("\n")
	return fzText{text: w.b.Bytes(), spans: w.spans}
}

type fzWriter struct {
	l     fzLayout
	skip  map[*fzMember]bool
	b     bytes.Buffer
	spans map[*fzMember]string
}

func (w *fzWriter) kept(o *fzObj) []*fzMember {
	return slices.DeleteFunc(slices.Clone(o.members), func(m *fzMember) bool { return w.skip[m] })
}

// object writes o, its members at depth (JSON's closing brace a level
// less), as a flow mapping (or JSON) when flow, else in YAML's block
// style, the first member on the current line.
func (w *fzWriter) object(o *fzObj, depth int, flow bool) {
	members := w.kept(o)
	switch {
	case len(members) == 0:
		w.b.WriteString("{}")
	case flow:
		w.b.WriteString("{")
		for i, m := range members {
			if i > 0 {
				w.b.WriteString(",")
				if !w.l.json || w.l.indent == "" && i%2 == 0 {
					w.b.WriteString(" ")
				}
			}
			w.lineBreak(depth)
			w.member(m, depth, true)
		}
		w.lineBreak(depth - 1)
		w.b.WriteString("}")
	default:
		for i, m := range members {
			if i > 0 {
				w.b.WriteString("\n" + strings.Repeat("  ", depth))
			}
			w.member(m, depth, false)
		}
	}
}

func (w *fzWriter) lineBreak(depth int) {
	if w.l.json && w.l.indent != "" {
		w.b.WriteString("\n" + strings.Repeat(w.l.indent, depth))
	}
}

// member writes m, at depth, in a flow mapping (or JSON) when inFlow.
func (w *fzWriter) member(m *fzMember, depth int, inFlow bool) {
	start := w.b.Len()
	w.b.WriteString(w.key(m))
	w.b.WriteString(":")
	flow := inFlow || m.obj != nil && m.obj.flow
	switch {
	case !flow && m.obj != nil && len(w.kept(m.obj)) > 0:
		w.b.WriteString("\n" + strings.Repeat("  ", depth+1))
	case !w.l.json || w.l.indent != "":
		w.b.WriteString(" ")
	}
	switch {
	case m.obj != nil:
		w.object(m.obj, depth+1, flow)
	case m.list != nil:
		var items []string
		for _, s := range m.list {
			items = append(items, w.scalar(s))
		}
		w.b.WriteString("[" + strings.Join(items, ", ") + "]")
	default:
		w.b.WriteString(w.scalar(m.scalar))
	}
	if m.keep {
		w.spans[m] = w.b.String()[start:]
	}
}

var plainWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

func (w *fzWriter) key(m *fzMember) string {
	switch {
	case w.l.json:
		return jsonString(m.key)
	case m.status && w.l.statusKey == "'":
		return "'" + m.key + "'"
	case m.status && w.l.statusKey == `"`:
		return `"` + m.key + `"`
	}
	return m.key
}

func (w *fzWriter) scalar(s string) string {
	if !w.l.json && w.l.plain && plainWord.MatchString(s) {
		return s
	}
	return jsonString(s)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
