package augment

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// responseUse is a response errgen attaches: the errors of one status.
// Every operation with errors of the status shares it.
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

// plan decides each operation's error responses: one for each status of
// the errors its x-errors lists, the openapi.attach ones it does not opt
// out of, and the fallback. A status's response is the same whichever of
// its codes an operation lists (see names.Response).
func (a *augmenter) plan(root *yaml.Node) []opPlan {
	byCode := a.byCode()
	var attach []*catalog.Error
	for _, code := range a.c.OpenAPI.Attach {
		if e := byCode[code]; e != nil && !e.Retired {
			attach = append(attach, e)
		}
	}
	rootSecurity := memberValue(root, "security")
	uses := map[int]*responseUse{}
	byStatus := errorsByStatus(a.c)
	var plans []opPlan
	shared := sharedOperations(root)
	a.noteSkipped(root)
	eachOperation(root, func(where string, op *yaml.Node) {
		if reason, ok := shared[op]; ok {
			a.notef(op, "%s: left alone: %s; attach the error responses to it by hand, or write it out", where, reason)
			return
		}
		if memberValue(op, "responses") == nil {
			// error responses alone would document an operation that
			// never succeeds (Spectral's operation-success-response)
			a.notef(op, "%s: left alone: it has no responses (OpenAPI 3.1 allows that); add its success response, and errgen adds the errors", where)
			return
		}
		// Write sends the fallback for any error the catalog does not
		// know, from every operation: it is declared on every one.
		admitted := map[*catalog.Error]bool{a.c.Fallback: a.c.Fallback != nil}
		for _, e := range a.attached(where, op, rootSecurity, attach) {
			admitted[e] = true
		}
		for _, e := range a.listed(where, op, byCode) {
			admitted[e] = true
		}
		var statuses []int
		for e := range admitted {
			if e != nil && !slices.Contains(statuses, e.Status) {
				statuses = append(statuses, e.Status)
			}
		}
		slices.Sort(statuses)
		p := opPlan{where: where, op: op}
		for _, status := range statuses {
			u := uses[status]
			if u == nil {
				// the status's one response: every code of the status
				u = &responseUse{name: names.Response(a.c, status), status: status, errs: byStatus[status]}
				uses[status] = u
			}
			p.uses = append(p.uses, u)
		}
		plans = append(plans, p)
	})
	return plans
}

// errorsByStatus is the catalog's errors in use by status, in catalog
// order: a status's response holds every code of the status.
func errorsByStatus(c *catalog.Catalog) map[int][]*catalog.Error {
	byStatus := map[int][]*catalog.Error{}
	for _, e := range c.Errors {
		byStatus[e.Status] = append(byStatus[e.Status], e)
	}
	return byStatus
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
		case e != nil && e.Retired:
			a.notef(item, "%s: x-errors: %s is retired%s: not attached; remove it from x-errors", where, e.Code, replacedBy(e))
		case e != nil:
			errs = append(errs, e)
		default:
			a.addf(item, "%s: x-errors: unknown error code %q (not in %s%s): declare it in the catalog, or take it out of x-errors", where, item.Value, a.catalogName(), a.suggestCode(item.Value))
		}
	}
	return errs
}

// maxCodeHints bounds the x-errors codes a spec's augmentation looks for a
// near miss of: each look costs up to catalog.Suggest's budget over every
// code, and a spec listing hundreds of unknown codes needs no more hints.
const maxCodeHints = 10

// suggestCode is "; did you mean \"NOT_FOUND\"?" for an unknown x-errors
// code close to one the catalog uses, else "".
func (a *augmenter) suggestCode(code string) string {
	if a.codeHints >= maxCodeHints {
		return ""
	}
	a.codeHints++
	codes := make([]string, len(a.c.Errors))
	for i, e := range a.c.Errors {
		codes[i] = e.Code
	}
	hint := strings.TrimSpace(catalog.Suggest(code, codes)) // (did you mean "X"?)
	if hint == "" {
		return ""
	}
	return "; " + strings.TrimSuffix(strings.TrimPrefix(hint, "("), ")")
}

// replacedBy says what replaced a retired error, if the catalog says.
func replacedBy(e *catalog.Error) string {
	if e.ReplacedBy == "" {
		return ""
	}
	return " (replaced by " + e.ReplacedBy + "; list that instead)"
}

// byCode maps every code of the catalog to its error, retired ones too.
func (a *augmenter) byCode() map[string]*catalog.Error {
	byCode := make(map[string]*catalog.Error, len(a.c.Errors)+len(a.c.Retired))
	for _, e := range a.c.Errors {
		byCode[e.Code] = e
	}
	for _, e := range a.c.Retired {
		byCode[e.Code] = e
	}
	return byCode
}
