package openapi

import (
	"fmt"
	"slices"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/names"
)

// Rules is the catalog.Check of the OpenAPI output: no two of its schemas
// may share a name. An error's body schema is its Go name less a final
// Error, plus Error, so codes whose Go names differ may still name one
// (VALIDATION beside VALIDATION_ERROR), or name a custom envelope's (KESTREL
// beside an envelope kestrel). Without the rule, validate passes such a
// catalog and generation fails, naming no place in it. Details schemas
// (…Details), status bodies (…Body) and ErrorCode end otherwise, and two
// errors with one Go name are the Go output's problem.
func Rules(c *catalog.Catalog) []diag.Diagnostic {
	var probs []diag.Diagnostic
	envelopes := map[string]*catalog.Envelope{}
	for i, env := range c.Envelopes {
		envelopes[names.EnvelopeSchema(c, i)] = env
	}
	bodies := map[string]*catalog.Error{}
	for _, e := range c.Errors {
		if e.Name == "" { // its code is at fault, reported already
			continue
		}
		name := c.OpenAPI.Prefix + names.BodySchema(e)
		var msg, hint string
		if env := envelopes[name]; env != nil && slices.Contains(catalog.PresetNames(), env.Name) {
			// a preset's name is fixed: only the code can change
			msg = fmt.Sprintf("code %q would name the OpenAPI schema %s, the schema of the %s preset's envelope", e.Code, name, env.Name)
			hint = ": rename the code"
		} else if env != nil {
			msg = fmt.Sprintf("code %q would name the OpenAPI schema %s, the schema of envelope %q", e.Code, name, env.Name)
			hint = ": rename the envelope"
		} else if prev := bodies[name]; prev != nil {
			msg = fmt.Sprintf("code %q would name the OpenAPI schema %s, already the schema of %q (%s)", e.Code, name, prev.Code, diag.LineRef(e.Pos, prev.Pos))
			hint = ": rename one of them"
		} else {
			bodies[name] = e
			continue
		}
		probs = append(probs, diag.Diagnostic{Pos: e.Pos, Msg: msg, Hint: hint})
	}
	return probs
}
