package augment

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/yamlnode"
)

// placement is a reference to one of errgen's responses that attach puts
// under key in an operation's responses.
type placement struct {
	op      *yaml.Node
	key     string     // a status, or "default"
	ref     *yaml.Node // {$ref: #/components/responses/...}
	replace bool       // the spec has another response there (force)
}

// markUsed decides, before anything changes, what each planned response
// becomes: already referred to, kept as the spec has it (noted), or
// placed. It returns the placements, the responses some operation refers
// to afterwards, and whether the default response is one of them.
func (a *augmenter) markUsed(root *yaml.Node, plans []opPlan) (places []placement, used []openapi.Response, withDefault bool) {
	a.specResponses = memberValue(memberValue(root, "components"), "responses")
	for _, p := range plans {
		if len(p.uses) == 0 && !a.c.OpenAPI.DefaultResponse {
			continue
		}
		for _, u := range p.uses {
			if a.decide(p, fmt.Sprint(u.status), u.name, &places) && !u.used {
				u.used = true
				used = append(used, openapi.Response{Name: u.name, Status: u.status, Errs: u.errs})
			}
		}
		if a.c.OpenAPI.DefaultResponse && a.decide(p, "default", a.c.OpenAPI.Prefix+names.DefaultResponse, &places) {
			withDefault = true
		}
	}
	return places, used, withDefault
}

// keepReplaced adds to used the responses that parts errgen wrote in
// place of the author's (--force, marked replaced:) refer to when no plan
// places them any more (x-errors no longer lists a code of the status):
// errgen leaves such a part as it is, the author's response being gone,
// so the response it refers to must stay too, or its $ref would dangle. A
// part referring to a response errgen no longer writes (no code of the
// catalog has the status) is a problem, reported at the part.
func (a *augmenter) keepReplaced(root *yaml.Node, places []placement, used []openapi.Response, withDefault bool) ([]openapi.Response, bool) {
	if len(a.replaceable) == 0 {
		return used, withDefault
	}
	type at struct {
		op  *yaml.Node
		key string
	}
	placed := map[at]bool{}
	for _, pl := range places {
		placed[at{pl.op, pl.key}] = true
	}
	byStatus := errorsByStatus(a.c)
	has := map[string]bool{}
	for _, r := range used {
		has[r.Name] = true
	}
	eachOperation(root, func(where string, op *yaml.Node) {
		responses := deref(memberValue(op, "responses"))
		for i := 0; responses != nil && responses.Kind == yaml.MappingNode && i+1 < len(responses.Content); i += 2 {
			key := responses.Content[i]
			if !a.replaceable[where+": response "+key.Value] {
				continue
			}
			name := strings.TrimPrefix(yamlnode.Get(deref(responses.Content[i+1]), "$ref").Value, "#/components/responses/")
			var errs []*catalog.Error
			if status, err := strconv.Atoi(key.Value); err == nil && strconv.Itoa(status) == key.Value {
				errs = byStatus[status]
			}
			switch {
			case key.Value == "default" && name == a.c.OpenAPI.Prefix+names.DefaultResponse && a.c.OpenAPI.DefaultResponse:
				withDefault = true
			case len(errs) > 0 && name == names.Response(a.c, errs[0].Status):
				if !placed[at{op, key.Value}] {
					// still errgen's: its marker keeps saying so
					a.owned.attached(op, key.Value, responses.Content[i+1], true)
				}
				if !has[name] {
					has[name] = true
					used = append(used, openapi.Response{Name: name, Status: errs[0].Status, Errs: errs})
				}
			default:
				a.problems.Add(diag.Diagnostic{Pos: a.pos(key), Msg: fmt.Sprintf("%s: response %s is what --force wrote in place of the author's, and refers to a response errgen no longer writes", where, key.Value),
					Hint: fmt.Sprintf(": write the operation's own response %s there and delete %q from its %s marker, or delete both", key.Value, key.Value, marker)})
			}
		}
	})
	return used, withDefault
}

// decide adds to places the reference to errgen's response name under key
// in an operation's responses, unless the spec already has a response
// there (kept, and noted, unless force), and reports whether the operation
// refers to errgen's response afterwards. A reference to the name the spec
// already says is errgen's, unless the spec has its own response of that
// name: then it is the author's, pointing at the author's response.
func (a *augmenter) decide(p opPlan, key, name string, places *[]placement) bool {
	ref := a.responseRef(name)
	responses := memberValue(p.op, "responses")
	existing := memberValue(responses, key)
	switch {
	case existing != nil && a.replaceable[p.where+": response "+key]:
	case existing != nil && sameNode(existing, ref) && !a.authorsResponse(name):
		return true
	case existing != nil && !a.force:
		d := diag.Diagnostic{Pos: a.pos(keyNode(deref(responses), key)), Severity: diag.Notice,
			Msg: fmt.Sprintf("%s: response %s kept: the spec already defines it (errgen's is %s)", p.where, key, name)}
		if sameNode(existing, ref) {
			// The spec's response has errgen's name: replacing that one
			// component is what gives every operation errgen's, and
			// the author has no way to tell it from this line alone.
			d.Hint = fmt.Sprintf(", as the spec's own %s, which it refers to; to have errgen's in its place, replace that component: --replace components.responses.%[1]s, or replace: [components.responses.%[1]s] in openapi.augment", name)
			a.notices = append(a.notices, d)
			return false
		}
		a.kept = append(a.kept, keptNotice{notice: d, where: p.where, key: key, name: name})
		return false
	}
	*places = append(*places, placement{op: p.op, key: key, ref: ref, replace: existing != nil})
	return true
}

// authorsResponse reports whether components.responses has a response
// named name that the author wrote (what errgen wrote is taken out before
// planning), and neither force nor Options.Replace is to replace it.
func (a *augmenter) authorsResponse(name string) bool {
	key := "components.responses." + name
	_, replace := a.replace[key]
	return !a.force && !a.replaceable[key] && !replace && memberValue(a.specResponses, name) != nil
}

// attach puts the placements into the tree, as errgen's additions.
func (a *augmenter) attach(places []placement) {
	for _, pl := range places {
		responses := memberValue(pl.op, "responses")
		if responses == nil || responses.Kind != yaml.MappingNode {
			responses = yamlnode.Map()
			a.setMember(pl.op, "responses", responses)
			a.owned.attached(pl.op, "responses", responses, false)
		}
		a.owned.attached(pl.op, pl.key, pl.ref, pl.replace)
		switch {
		case pl.replace:
			a.setMember(responses, pl.key, pl.ref)
		case pl.key == "default":
			a.set(responses, pl.key, pl.ref)
		default:
			a.insertStatus(responses, pl.key, pl.ref, cmp.Or(a.refStyle, a.quoteStyle))
		}
	}
}
