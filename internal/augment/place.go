package augment

import (
	"cmp"
	"fmt"

	"go.yaml.in/yaml/v3"

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
		a.notef(keyNode(deref(responses), key), "%s: response %s kept: the spec already defines it (errgen's is %s)", p.where, key, name)
		return false
	}
	*places = append(*places, placement{op: p.op, key: key, ref: ref, replace: existing != nil})
	return true
}

// authorsResponse reports whether components.responses has a response
// named name that the author wrote (what errgen wrote is taken out before
// planning), and force is not to replace it.
func (a *augmenter) authorsResponse(name string) bool {
	return !a.force && !a.replaceable["components.responses."+name] && memberValue(a.specResponses, name) != nil
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
