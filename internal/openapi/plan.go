package openapi

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// responseUse is a response errgen attaches: the errors of one status that
// some operations admit. Operations admitting the same errors share it.
type responseUse struct {
	name   string // the component's name, prefixed
	status int
	errs   []*catalog.Error // catalog order
	used   bool             // some operation refers to it
}

// opPlan is what errgen attaches to one operation: a response per status,
// ascending, and the default response when the catalog asks for it.
type opPlan struct {
	where string
	op    *yaml.Node
	uses  []*responseUse
}

// subsetName names the response of some errors of a status: the status's
// response (BadRequest) when they are all of its errors, else that name
// followed by their Go names (BadRequestValidationError).
func (g *generator) subsetName(status int, errs []*catalog.Error) string {
	name := responseName(status)
	if len(errs) != len(g.statusErrors(status)) {
		for _, e := range errs {
			name += e.Name
		}
	}
	return g.c.OpenAPI.Prefix + name
}

// plan decides each operation's error responses: for each status, the
// errors its x-errors lists and the openapi.attach ones it does not opt out
// of, and no other.
func (a *augmenter) plan(root *yaml.Node, g *generator) []opPlan {
	byCode := make(map[string]*catalog.Error, len(a.c.Errors))
	for _, e := range a.c.Errors {
		byCode[e.Code] = e
	}
	var attach []*catalog.Error
	for _, code := range a.c.OpenAPI.Attach {
		if e := byCode[code]; e != nil {
			attach = append(attach, e)
		}
	}
	rootSecurity := memberValue(root, "security")
	uses := map[string]*responseUse{}
	var plans []opPlan
	shared := sharedOperations(root)
	a.noteSkipped(root)
	a.eachOperation(root, func(where string, op *yaml.Node) {
		if reason, ok := shared[op]; ok {
			a.notices = append(a.notices, augmentProblem{op.Line, op.Column,
				fmt.Sprintf("%s: left alone: %s; attach the error responses to it by hand, or write it out", where, reason)})
			return
		}
		admitted := map[*catalog.Error]bool{}
		for _, e := range a.attached(where, op, rootSecurity, attach) {
			admitted[e] = true
		}
		for _, e := range a.listed(where, op, byCode) {
			admitted[e] = true
		}
		byStatus := map[int][]*catalog.Error{}
		var statuses []int
		for _, e := range a.c.Errors {
			if admitted[e] {
				if byStatus[e.Status] == nil {
					statuses = append(statuses, e.Status)
				}
				byStatus[e.Status] = append(byStatus[e.Status], e)
			}
		}
		slices.Sort(statuses)
		p := opPlan{where: where, op: op}
		for _, status := range statuses {
			errs := byStatus[status]
			name := g.subsetName(status, errs)
			u := uses[name]
			if u == nil {
				u = &responseUse{name: name, status: status, errs: errs}
				uses[name] = u
			} else if u.status != status || !slices.Equal(u.errs, errs) {
				a.addf(op, "%s: two error responses would be named %s; rename an error", where, name)
			}
			p.uses = append(p.uses, u)
		}
		plans = append(plans, p)
	})
	return plans
}

// attached are the openapi.attach errors an operation keeps: none with
// x-errors-attach: false, and none of status 401 when the operation needs
// no authentication (its security, or the document's, is []).
func (a *augmenter) attached(where string, op, rootSecurity *yaml.Node, attach []*catalog.Error) []*catalog.Error {
	if n := memberValue(op, "x-errors-attach"); n != nil {
		var on bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&on) != nil {
			a.addf(n, "%s: x-errors-attach must be true or false", where)
			return attach
		}
		if !on {
			return nil
		}
	}
	security := memberValue(op, "security")
	if security == nil {
		security = rootSecurity
	}
	if security == nil || security.Kind != yaml.SequenceNode || len(security.Content) > 0 {
		return attach
	}
	var kept []*catalog.Error
	for _, e := range attach {
		if e.Status != 401 {
			kept = append(kept, e)
		}
	}
	return kept
}

// listed are the errors of an operation's x-errors.
func (a *augmenter) listed(where string, op *yaml.Node, byCode map[string]*catalog.Error) []*catalog.Error {
	xe := memberValue(op, "x-errors")
	if xe == nil || xe.Kind != yaml.SequenceNode {
		return nil
	}
	var errs []*catalog.Error
	for _, item := range xe.Content {
		item = deref(item)
		e := byCode[item.Value]
		switch {
		case item.Kind != yaml.ScalarNode:
			a.addf(item, "%s: x-errors: each entry must be an error code", where)
		case e != nil:
			errs = append(errs, e)
		default:
			a.addf(item, "%s: x-errors: unknown error code %q (not in %s)", where, item.Value, a.catalogName())
		}
	}
	return errs
}

// attachAll attaches the planned responses; with apply false it changes
// nothing, but marks the responses in use and notes the ones the spec
// already defines. It reports whether some operation uses the default
// response.
func (a *augmenter) attachAll(plans []opPlan, apply bool) (defaultUsed bool) {
	for _, p := range plans {
		if len(p.uses) == 0 && !a.c.OpenAPI.DefaultResponse {
			continue
		}
		for _, u := range p.uses {
			if a.place(p, fmt.Sprint(u.status), u.name, apply) {
				u.used = true
			}
		}
		if a.c.OpenAPI.DefaultResponse && a.place(p, "default", a.c.OpenAPI.Prefix+defaultResponseName, apply) {
			defaultUsed = true
		}
	}
	return defaultUsed
}

// place puts a reference to the response name under key in an operation's
// responses, unless the spec already has a response there (kept, and
// noted, unless force), and reports whether the operation refers to errgen's
// response afterwards.
func (a *augmenter) place(p opPlan, key, name string, apply bool) bool {
	ref := a.responseRef(name)
	responses := memberValue(p.op, "responses")
	existing := memberValue(responses, key)
	switch {
	case existing != nil && sameNode(existing, ref):
		return true
	case existing != nil && !a.force:
		if !apply {
			k := keyNode(deref(responses), key)
			a.notices = append(a.notices, augmentProblem{k.Line, k.Column,
				fmt.Sprintf("%s: response %s kept: the spec already defines it (errgen's is %s)", p.where, key, name)})
		}
		return false
	case !apply:
		return true
	}
	if responses == nil || responses.Kind != yaml.MappingNode {
		responses = yamlnode.Map()
		a.setMember(p.op, "responses", responses)
	}
	switch {
	case existing != nil:
		a.setMember(responses, key, ref)
	case key == "default":
		yamlnode.Set(responses, key, ref)
	default:
		insertStatus(responses, key, ref, a.statusKey, cmp.Or(a.refStyle, a.quoteStyle))
	}
	return true
}

// augmentComponents builds the components the used responses need: the
// responses, then the schemas they refer to, directly or not.
func (g *generator) augmentComponents(plans []opPlan, withDefault bool) (*yaml.Node, error) {
	if err := g.errorSchemas(); err != nil {
		return nil, err
	}
	var uses []*responseUse
	for _, p := range plans {
		for _, u := range p.uses {
			if u.used && !slices.Contains(uses, u) {
				uses = append(uses, u)
			}
		}
	}
	slices.SortFunc(uses, func(x, y *responseUse) int {
		return cmp.Or(cmp.Compare(x.status, y.status), strings.Compare(x.name, y.name))
	})
	responses := yamlnode.Map()
	for _, u := range uses {
		r, err := g.response(strings.TrimPrefix(u.name, g.c.OpenAPI.Prefix), u.status, u.errs)
		if err != nil {
			return nil, err
		}
		yamlnode.Set(responses, u.name, r)
	}
	if withDefault {
		r, err := g.defaultResponse()
		if err != nil {
			return nil, err
		}
		yamlnode.Set(responses, g.c.OpenAPI.Prefix+defaultResponseName, r)
	}
	comps := yamlnode.Map()
	if schemas := referencedSchemas(g.schemas, responses); len(schemas.Content) > 0 {
		yamlnode.Set(comps, "schemas", schemas)
	}
	if len(responses.Content) > 0 {
		yamlnode.Set(comps, "responses", responses)
	}
	return comps, nil
}

// referencedSchemas are the schemas that from refers to, directly or
// through other schemas, in the order of schemas.
func referencedSchemas(schemas, from *yaml.Node) *yaml.Node {
	const prefix = "#/components/schemas/"
	seen := map[string]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if name, ok := strings.CutPrefix(v.Value, prefix); ok && k.Value == "$ref" && !seen[name] {
				seen[name] = true
				if s := yamlnode.Get(schemas, name); s != nil {
					walk(s)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(from)
	out := yamlnode.Map()
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		if seen[schemas.Content[i].Value] {
			out.Content = append(out.Content, schemas.Content[i], schemas.Content[i+1])
		}
	}
	return out
}

// sharedOperations are the operations errgen leaves alone, with why: the
// ones that stand in several places of the spec through a YAML anchor (on
// their path item, themselves or their responses), since what errgen
// inserts into one would appear in all, and the ones that take keys through
// a YAML merge key (<<), whose merged responses an explicit responses
// errgen added would override. An anchor nothing refers to shares nothing.
func sharedOperations(root *yaml.Node) map[*yaml.Node]string {
	shared := map[*yaml.Node]string{}
	paths := memberValue(root, "paths")
	aliased := aliasedNodes(root)
	why := func(n *yaml.Node) string {
		switch {
		case n == nil:
		case n.Kind == yaml.AliasNode && n.Alias != nil:
			return "the spec shares it through the YAML anchor &" + n.Alias.Anchor + ", and errgen adds nothing to a node that stands in several places"
		case n.Anchor != "" && aliased[n]:
			return "the spec shares it through the YAML anchor &" + n.Anchor + ", and errgen adds nothing to a node that stands in several places"
		case hasMergeKey(n):
			return "it takes keys through a YAML merge key (<<), and what errgen adds could override the merged ones"
		}
		return ""
	}
	for i := 0; paths != nil && paths.Kind == yaml.MappingNode && i+1 < len(paths.Content); i += 2 {
		rawItem := paths.Content[i+1]
		item := deref(rawItem)
		for j := 0; item.Kind == yaml.MappingNode && j+1 < len(item.Content); j += 2 {
			rawOp := item.Content[j+1]
			op := deref(rawOp)
			for _, n := range []*yaml.Node{rawItem, rawOp, yamlnode.Get(op, "responses")} {
				if reason := why(n); reason != "" {
					shared[op] = reason
					break
				}
			}
		}
	}
	return shared
}

// hasMergeKey reports whether mapping m has a YAML merge key (<<).
func hasMergeKey(m *yaml.Node) bool {
	m = deref(m)
	for i := 0; m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value == "<<" && (k.Tag == "!!merge" || k.Style == 0) {
			return true
		}
	}
	return false
}

// aliasedNodes are the anchored nodes some alias of the document names.
func aliasedNodes(n *yaml.Node) map[*yaml.Node]bool {
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			if n.Alias != nil {
				seen[n.Alias] = true
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return seen
}
