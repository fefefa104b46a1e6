package diff

import (
	"slices"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/names"
)

// closedCodeAdded reports, when before's OpenAPI bodies are closed unions
// (openapi.unions: closed), a code added at a status before already
// declares: clients generated from before's discriminated union reject it.
func (cs *changes) closedCodeAdded(before *catalog.Catalog, n *catalog.Error) {
	if !before.OpenAPI.ClosedUnions || n.Retired {
		return
	}
	for _, e := range before.Errors {
		if e.Status == n.Status {
			cs.add(n.Code, ClosedUnionCodeAdded, "code added at status %d, whose OpenAPI body is a closed union (openapi.unions: closed): clients generated from it reject the new code", n.Status)
			return
		}
	}
}

// retypedMembers reports, when before's OpenAPI bodies are open, each
// detail of n, a code added, that n's envelope writes by name
// ($details.NAME) with another type than every error of before using that
// envelope gave it: the envelope's schema and every status's open body
// typed the member so, and clients generated from them reject n's body.
func (cs *changes) retypedMembers(before *catalog.Catalog, n *catalog.Error) {
	if before.OpenAPI.ClosedUnions || n.Envelope == nil {
		return
	}
	for _, name := range n.Envelope.NamedDetails() {
		d := n.Detail(name)
		if d == nil {
			continue
		}
		if was, ok := memberType(before, n.Envelope.Name, name); ok && was != d.Type {
			cs.inNew(d.Pos).add(n.Code, EnvelopeMemberRetyped, "detail %q is %s, which the envelope writes by name ($details.%s), a %s in every body before: the OpenAPI output's open bodies typed it %s, and clients generated from them reject the new code's body", name, d.Type, name, was, was)
		}
	}
}

// memberType is the one type the errors of c using the envelope named env
// give detail name, which its open OpenAPI bodies type the member with;
// ok is false when none has the detail or they differ (the member is
// untyped then).
func memberType(c *catalog.Catalog, env, name string) (t catalog.DetailType, ok bool) {
	for _, e := range c.Errors {
		if e.Envelope == nil || e.Envelope.Name != env {
			continue
		}
		if d := e.Detail(name); d != nil {
			if ok && d.Type != t {
				return "", false
			}
			t, ok = d.Type, true
		}
	}
	return t, ok
}

// openAPIUnions compares the shape of the OpenAPI output's bodies.
func (cs *changes) openAPIUnions(before, after *catalog.Catalog) {
	if before.OpenAPI.ClosedUnions != after.OpenAPI.ClosedUnions {
		cs.add("", OpenAPIUnionsChanged, "openapi.unions changed from %s to %s: every status's body changes shape", unions(before), unions(after))
	}
}

func unions(c *catalog.Catalog) string {
	if c.OpenAPI.ClosedUnions {
		return "closed"
	}
	return "open"
}

// component is one component of an OpenAPI output, "responses.NotFound"
// or "schemas.NotFoundBody", and the error it is there for: of a status's
// response, the first error of the status; of an envelope's schema, the
// first error using the envelope.
type component struct {
	name string
	by   *catalog.Error
}

// goneComponents lists, by the code whose change took them away, the
// components a client generated from before's OpenAPI output names that
// after's no longer has (removed, or renamed): a reviewer accepts each
// with --allow CODE:openapi-component-removed, for that code alone.
func goneComponents(before, after *catalog.Catalog) map[string][]string {
	if before.OpenAPI.Prefix != after.OpenAPI.Prefix {
		return nil // every name changes: openapi-prefix-changed says so
	}
	now := map[string]bool{}
	for _, c := range components(after, func(*catalog.Error) bool { return true }) {
		now[c.name] = true
	}
	for i := range after.Envelopes { // the default format's schema, even when no error uses it
		now["schemas."+names.EnvelopeSchema(after, i)] = true
	}
	live, retired := map[string]bool{}, map[string]bool{}
	for _, e := range after.Errors {
		live[e.Code] = true
	}
	for _, e := range after.Retired {
		retired[e.Code] = true
	}
	// What goes with an error removed (its schemas, its status's response
	// when it was the last) is judged by code-removed, breaking already;
	// what goes with one retired that was deprecated was marked deprecated
	// in the OpenAPI output first (its schemas, and its status's body when
	// every error of the status was), as its Go identifiers were. What goes
	// with one retired without that warning breaks clients generated from
	// the OpenAPI output, as code-retired-undeprecated breaks Go code. So
	// does a format's schema with the last error using it.
	own := func(e *catalog.Error) bool { return live[e.Code] || retired[e.Code] && e.Deprecated == "" }
	gone := map[string][]string{}
	for _, c := range components(before, own) {
		if !now[c.name] {
			gone[c.by.Code] = append(gone[c.by.Code], c.name)
		}
	}
	return gone
}

// componentsGone reports the components of the OpenAPI output that code's
// change took away, as goneComponents lists them.
func (cs *changes) componentsGone(code string, names []string) {
	for _, name := range names {
		cs.add(code, ComponentRemoved, "components.%s gone from the OpenAPI output (removed or renamed): types generated from it go, $refs to it dangle", name)
	}
}

// components is every component of the catalog's OpenAPI output, in a
// fixed order. An error's own schemas, a status's response and body, and a
// format's schema are listed when own says so of the error, or of one of
// the status's or the format's errors, which is then the one they are
// for.
func components(c *catalog.Catalog, own func(*catalog.Error) bool) []component {
	p := c.OpenAPI.Prefix
	var list []component
	var statuses []int
	byStatus := map[int]*catalog.Error{}
	for _, e := range c.Errors {
		if !own(e) {
			continue
		}
		if byStatus[e.Status] == nil {
			statuses = append(statuses, e.Status)
			byStatus[e.Status] = e
		}
		list = append(list, component{"schemas." + p + names.BodySchema(e), e})
		if len(e.Details) > 0 {
			list = append(list, component{"schemas." + p + names.DetailsSchema(e), e})
		}
	}
	slices.Sort(statuses)
	for _, s := range statuses {
		// one entry for the two: they come and go together
		list = append(list, component{"responses." + p + names.StatusResponse(s) + " (and schemas." + p + names.Body(s) + ")", byStatus[s]})
	}
	users := envelopeUsers(c, own)
	for i, env := range c.Envelopes {
		if by := users[env]; by != nil {
			list = append(list, component{"schemas." + names.EnvelopeSchema(c, i), by})
		}
	}
	return list
}

// envelopeUsers maps each envelope to the first error own says so of that
// uses it, in one pass: a catalog may give every error a format of its own.
func envelopeUsers(c *catalog.Catalog, own func(*catalog.Error) bool) map[*catalog.Envelope]*catalog.Error {
	users := map[*catalog.Envelope]*catalog.Error{}
	for _, e := range c.Errors {
		if users[e.Envelope] == nil && own(e) {
			users[e.Envelope] = e
		}
	}
	return users
}
