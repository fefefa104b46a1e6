package diff

import (
	"fmt"

	"github.com/errgen/errgen/catalog"
)

// nulledMembers reports, when before's OpenAPI bodies are open, each
// member n's envelope places by name ($details.NAME, not optional) that
// every error of before using the envelope wrote with a value, but that n
// writes as null: n lacks the detail, or has it optional and so null when
// unset. The envelope's schema and each status's open body had the member
// required and not nullable, and clients generated from them (ogen)
// reject n's body. A detail of another type is retypedMembers's.
func (cs *changes) nulledMembers(before *catalog.Catalog, n *catalog.Error) {
	if before.OpenAPI.ClosedUnions || n.Envelope == nil {
		return
	}
	for _, name := range n.Envelope.NamedDetails() {
		if !requiredMember(n.Envelope, name) {
			continue
		}
		was, ok := neverNull(before, n.Envelope.Name, name)
		d := n.Detail(name)
		if !ok || (d != nil && (d.Type != was || !writesNull(d))) {
			continue
		}
		pos, why := n.Pos, fmt.Sprintf("has no detail %q", name)
		if d != nil {
			pos, why = d.Pos, fmt.Sprintf("has detail %q optional, null when unset", name)
		}
		cs.inNew(pos).add(n.Code, EnvelopeMemberNulled, "the code %s: the envelope writes it by name ($details.%s), as null, where every body before had a %s: the OpenAPI output's open bodies made the member required and not nullable, and clients generated from them reject the new code's body", why, name, was)
	}
}

// requiredMember reports whether env places detail name by name only
// where it is never left out ($details.NAME, not $details.NAME?): the
// member is then written, null when the error has no value for it.
func requiredMember(env *catalog.Envelope, name string) bool {
	required := false
	for _, r := range env.Refs() {
		if r.Name == catalog.RefDetails && r.Arg == name {
			if r.Optional {
				return false
			}
			required = true
		}
	}
	return required
}

// neverNull is the one type the errors of c using the envelope named env
// give detail name when every one of them has it and never writes it as
// null, as its open OpenAPI bodies then type the member: required, not
// nullable. ok is false otherwise, the member nullable or untyped already,
// or the envelope's member optional or absent in c.
func neverNull(c *catalog.Catalog, env, name string) (t catalog.DetailType, ok bool) {
	for _, e := range c.Errors {
		if e.Envelope == nil || e.Envelope.Name != env {
			continue
		}
		d := e.Detail(name)
		if d == nil || writesNull(d) || (ok && d.Type != t) || !requiredMember(e.Envelope, name) {
			return "", false
		}
		t, ok = d.Type, true
	}
	return t, ok
}

// writesNull reports whether an error's detail d is written as null in a
// member its envelope places by name, not optional: an optional detail
// left unset, and a required one whose Go value may be nil (a list, a
// map, any value), as internal/openapi types the member.
func writesNull(d *catalog.Detail) bool {
	if !d.Required {
		return true
	}
	switch d.Type {
	case catalog.TypeStrings, catalog.TypeStringMap, catalog.TypeObjects, catalog.TypeAny:
		return true
	}
	return false
}

// envelopeAddedAtStatus reports, when before's OpenAPI bodies are open, a
// code added at a status before declares, written in an envelope none of
// that status's errors in the same media type used: the status's open body
// was their envelope's alone, which clients generated from it decode the
// new code's body with, and reject.
func (cs *changes) envelopeAddedAtStatus(before *catalog.Catalog, n *catalog.Error) {
	if before.OpenAPI.ClosedUnions || n.Envelope == nil {
		return
	}
	var was string
	for _, e := range before.Errors {
		if e.Retired || e.Status != n.Status || e.Envelope == nil || e.Envelope.MediaType != n.Envelope.MediaType {
			continue
		}
		if e.Envelope.Name == n.Envelope.Name {
			return
		}
		was = e.Envelope.Name
	}
	if was != "" {
		cs.add(n.Code, EnvelopeAddedAtStatus, "code added at status %d in the %s envelope, where the status's %s bodies were in the %s envelope before: the OpenAPI output's open body of the status was that envelope's, and clients generated from it reject the new code's body", n.Status, n.Envelope.Name, n.Envelope.MediaType, was)
	}
}
