package augment

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// responseUse is a response errgen attaches: the errors of one status that
// some operations admit. Operations admitting the same errors share it.
type responseUse struct {
	name   string // the component's name, prefixed
	status int
	errs   []*catalog.Error // catalog order
	used   bool             // some operation refers to it (see markUsed)
}

// opPlan is what errgen attaches to one operation: a response per status,
// ascending, and the default response when the catalog asks for it.
type opPlan struct {
	where string
	op    *yaml.Node
	uses  []*responseUse
}

// plan decides each operation's error responses: for each status, the
// errors its x-errors lists and the openapi.attach ones it does not opt out
// of, and no other.
func (a *augmenter) plan(root *yaml.Node) []opPlan {
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
			a.notef(op, "%s: left alone: %s; attach the error responses to it by hand, or write it out", where, reason)
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
			name := names.Response(a.c, status, errs)
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
