package augment

import (
	"fmt"
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

// fzObj is an object of a generated spec, and how YAML writes it: as a
// flow mapping (on one line, or one member a line), perhaps with a comma
// after its last member.
type fzObj struct {
	members       []*fzMember
	flow          bool
	multiline     bool
	trailingComma bool
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
	// how YAML writes it: after a blank line, below a comment line, a
	// comment after its value, a list as a block (its dashes at the key's
	// column or indented)
	blankBefore, headComment, lineComment bool
	blockList, dashAtKey                  bool
	// odd, for a response errgen attaches in its place (collides), writes
	// it as no response is (null, a string, a block scalar; see
	// fzWriter.oddValue) when errgen is to replace it: 0 writes it as
	// modelled.
	odd      int
	collides bool
	fixed    bool // its style is set, not chosen
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

// genSpec builds a spec from choices, and chooses its style from style.
func genSpec(c, style *fzChoices) *fzSpec {
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
				// every other schema has a list, last or first, written
				// with its dashes at its key's column in YAML
				// (required:\n- code); chosen by the count so far, not the
				// choices, for the inputs kept before it to mean what they did
				required := &fzMember{key: "required", list: []string{"code"}, fixed: true, blockList: true, dashAtKey: true}
				switch n % 4 {
				case 0:
					e.obj.members = append(e.obj.members, required)
				case 2:
					e.obj.members = append([]*fzMember{required}, e.obj.members...)
				}
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
	s.root.setStyle(style)
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
			r.collides = true
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

// setStyle chooses how YAML writes each object and member: a flow
// mapping's own objects are flow mappings too.
func (o *fzObj) setStyle(c *fzChoices) {
	for _, m := range o.members {
		if m.fixed {
			continue
		}
		style := c.pick(256)
		m.blankBefore, m.headComment, m.lineComment = style&1 != 0, style&2 != 0, style&4 != 0
		m.blockList, m.dashAtKey = style&8 != 0, style&16 != 0
		if m.collides {
			m.odd = c.pick(16)
		}
		if m.obj == nil {
			continue
		}
		m.obj.flow = o.flow || style&32 != 0 && style&64 != 0
		m.obj.multiline, m.obj.trailingComma = m.obj.flow && style&128 != 0, style&3 == 3
		m.obj.setStyle(c)
	}
}
