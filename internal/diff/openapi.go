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

// openAPIShapes compares the shapes of the OpenAPI output: the unions
// setting, and the components a client generated from the old output
// names that the new one no longer has (removed, or renamed).
func (cs *changes) openAPIShapes(before, after *catalog.Catalog) {
	if before.OpenAPI.ClosedUnions != after.OpenAPI.ClosedUnions {
		cs.add("", OpenAPIUnionsChanged, "openapi.unions changed from %s to %s: every status's body changes shape", unions(before), unions(after))
	}
	if before.OpenAPI.Prefix != after.OpenAPI.Prefix {
		return // every name changes: openapi-prefix-changed says so
	}
	now := componentNames(after)
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
	// the OpenAPI output, as code-retired-undeprecated breaks Go code.
	own := func(e *catalog.Error) bool { return live[e.Code] || retired[e.Code] && e.Deprecated == "" }
	for _, name := range componentNamesList(before, own) {
		if !now[name] {
			cs.add("", ComponentRemoved, "components.%s gone from the OpenAPI output (removed or renamed): types generated from it go, $refs to it dangle", name)
		}
	}
}

func unions(c *catalog.Catalog) string {
	if c.OpenAPI.ClosedUnions {
		return "closed"
	}
	return "open"
}

// componentNamesList is every component of the catalog's OpenAPI output,
// "responses.NotFound" or "schemas.NotFoundBody", in a fixed order. An
// error's own schemas, and a status's response and body, are listed when
// own says so of the error, or of one of the status's errors.
func componentNamesList(c *catalog.Catalog, own func(*catalog.Error) bool) []string {
	p := c.OpenAPI.Prefix
	var list []string
	var statuses []int
	for _, e := range c.Errors {
		if !own(e) {
			continue
		}
		if !slices.Contains(statuses, e.Status) {
			statuses = append(statuses, e.Status)
		}
		list = append(list, "schemas."+p+names.BodySchema(e))
		if len(e.Details) > 0 {
			list = append(list, "schemas."+p+names.DetailsSchema(e))
		}
	}
	slices.Sort(statuses)
	for _, s := range statuses {
		// one entry for the two: they come and go together
		list = append(list, "responses."+p+names.StatusResponse(s)+" (and schemas."+p+names.Body(s)+")")
	}
	for i := range c.Envelopes {
		list = append(list, "schemas."+names.EnvelopeSchema(c, i))
	}
	return list
}

func componentNames(c *catalog.Catalog) map[string]bool {
	set := map[string]bool{}
	for _, n := range componentNamesList(c, func(*catalog.Error) bool { return true }) {
		set[n] = true
	}
	return set
}
