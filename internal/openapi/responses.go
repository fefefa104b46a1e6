package openapi

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// statusErrors lists the errors of a status, in catalog order.
func (g *generator) statusErrors(status int) []*catalog.Error {
	var errs []*catalog.Error
	for _, e := range g.c.Errors {
		if e.Status == status {
			errs = append(errs, e)
		}
	}
	return errs
}

// bodies adds the schemas of the bodies of the response named name
// (without the prefix) of some errors of one status, one for each media
// type, and returns references to them, in the order of mediaTypesOf. A
// body with several shapes is the schema name + "Body": one shape per code,
// pinned so that exactly one matches a body.
func (g *generator) bodies(name string, status int, errs []*catalog.Error) ([]*yaml.Node, error) {
	mts := mediaTypesOf(errs)
	refs := make([]*yaml.Node, len(mts))
	for i, mt := range mts {
		group := mediaTypeGroup(errs, mt)
		// one schema however many codes: a code added or retired never
		// turns a single schema into a union or back
		body := g.bodyName(name, group[0].Envelope, len(mts) > 1)
		var err error
		if g.c.OpenAPI.ClosedUnions {
			desc := fmt.Sprintf("The body of a %d %s response: one of its errors.", status, http.StatusText(status))
			refs[i], err = g.union(body, desc, group)
		} else {
			refs[i], err = g.openBody(body, status, group)
		}
		if err != nil {
			return nil, err
		}
	}
	return refs, nil
}

// envelopesOf is the envelopes errs are written in, in order of first use.
func envelopesOf(errs []*catalog.Error) []*catalog.Envelope {
	var envs []*catalog.Envelope
	for _, e := range errs {
		if !slices.Contains(envs, e.Envelope) {
			envs = append(envs, e.Envelope)
		}
	}
	return envs
}

// mediaTypeGroup is the errors of errs in media type mt, in order.
func mediaTypeGroup(errs []*catalog.Error, mt string) []*catalog.Error {
	var group []*catalog.Error
	for _, e := range errs {
		if e.Envelope.MediaType == mt {
			group = append(group, e)
		}
	}
	return group
}

// response adds to r the members of the response of some errors of one
// status, whose bodies refs refers to (bodies): one example per code.
func (g *generator) response(r members, status int, errs []*catalog.Error, refs []*yaml.Node) error {
	if err := r.set("description", yamlnode.Str(responseDescription(status, errs))); err != nil {
		return err
	}
	if h := g.headers(errs); h != nil {
		if err := r.set("headers", h); err != nil {
			return err
		}
	}
	titles := map[string]int{} // how many errors of the status have each title
	for _, e := range errs {
		titles[e.Title]++
	}
	content, err := r.open("content")
	if err != nil {
		return err
	}
	for i, mt := range mediaTypesOf(errs) {
		media, err := content.open(mt)
		if err != nil {
			return err
		}
		if err := media.set("schema", refs[i]); err != nil {
			return err
		}
		examples, err := media.open("examples")
		if err != nil {
			return err
		}
		for _, e := range mediaTypeGroup(errs, mt) {
			ex, err := g.example(e, len(errs), titles)
			if err != nil {
				return err
			}
			if err := examples.set(e.Code, ex); err != nil {
				return err
			}
		}
	}
	return nil
}

// envelopeMediaTypes lists the media types of the catalog's envelopes, in
// order of first use.
func (g *generator) envelopeMediaTypes() []string {
	var mts []string
	for _, env := range g.c.Envelopes {
		if !slices.Contains(mts, env.MediaType) {
			mts = append(mts, env.MediaType)
		}
	}
	return mts
}

// defaultBodies adds the schemas of the default response's bodies and
// returns references to them, one for each of envelopeMediaTypes: the
// envelope's, or one of the envelopes when a media type has several.
func (g *generator) defaultBodies() ([]*yaml.Node, error) {
	mts := g.envelopeMediaTypes()
	refs := make([]*yaml.Node, len(mts))
	for i, mt := range mts {
		var envs []*catalog.Envelope
		for _, env := range g.c.Envelopes {
			if env.MediaType == mt {
				envs = append(envs, env)
			}
		}
		refs[i] = schemaRef(g.envNames[envs[0]])
		if len(envs) == 1 {
			continue
		}
		alts := make([]*yaml.Node, len(envs))
		for j, env := range envs {
			alts[j] = schemaRef(g.envNames[env])
		}
		body := yamlnode.Map()
		g.set(body, "description", yamlnode.Str("Any error body in "+mt+"."))
		g.set(body, "oneOf", yamlnode.Seq(alts...))
		name := g.bodyName(names.DefaultResponse, envs[0], len(mts) > 1)
		if err := g.addSchema(name, body); err != nil {
			return nil, err
		}
		refs[i] = schemaRef(name)
	}
	return refs, nil
}

// defaultResponse adds to r the members of the response that stands for
// any error an operation does not list, whose bodies refs refers to
// (defaultBodies): the envelope with any code, and the fallback error as
// its example.
func (g *generator) defaultResponse(r members, refs []*yaml.Node) error {
	fb := g.c.Fallback
	resp := yamlnode.Map()
	g.set(resp, "description", yamlnode.Str(fmt.Sprintf("Any other error. An error the service does not know is answered as `%s` (%d %s).",
		fb.Code, fb.Status, http.StatusText(fb.Status))))
	if g.c.RequestID.Header != "" || g.multilingual() {
		headers := yamlnode.Map()
		g.contentLanguageRef(headers)
		g.requestIDHeader(headers)
		g.set(resp, "headers", headers)
	}
	content := yamlnode.Map()
	for i, mt := range g.envelopeMediaTypes() {
		media := yamlnode.Map()
		g.set(media, "schema", refs[i])
		if fb.Envelope.MediaType == mt {
			ex, err := g.example(fb, 1, map[string]int{fb.Title: 1})
			if err != nil {
				return err
			}
			examples := yamlnode.Map()
			g.set(examples, fb.Code, ex)
			g.set(media, "examples", examples)
		}
		g.set(content, mt, media)
	}
	g.set(resp, "content", content)
	for i := 0; i < len(resp.Content); i += 2 {
		if err := r.set(resp.Content[i].Value, resp.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// bodyName names the schema of a response's body with several shapes:
// TooManyRequestsBody. When the response has such bodies in several media
// types, the one whose first error uses another envelope than the catalog's
// says which: UnauthorizedOAuth2Body.
func (g *generator) bodyName(resp string, env *catalog.Envelope, several bool) string {
	infix := ""
	if several && env != g.c.DefaultEnvelope {
		infix = strings.TrimSuffix(strings.TrimPrefix(g.envNames[env], g.c.OpenAPI.Prefix), "Error")
	}
	return g.c.OpenAPI.Prefix + resp + infix + "Body"
}

// openBody adds the schema of a status's bodies, named name: the
// envelope's, which decodes every body it writes, whatever the code, with
// the codes the catalog knows at the status named in its description. A
// code added later at the status is one more body it decodes: generated
// clients keep working (see openapi.unions: closed for the other choice).
func (g *generator) openBody(name string, status int, group []*catalog.Error) (*yaml.Node, error) {
	env := group[0].Envelope
	s := g.nodeSchema(env.Body, g.users[env])
	if envs := envelopesOf(group); len(envs) > 1 {
		// errors of one status and media type written in envelopes of
		// their own: the first's shape would not decode the others'
		alts := make([]*yaml.Node, len(envs))
		for i, env := range envs {
			alts[i] = schemaRef(g.envNames[env])
		}
		s = yamlnode.Map()
		g.set(s, "oneOf", yamlnode.Seq(alts...))
	}
	desc := fmt.Sprintf("The body of a %d %s response. Known codes: %s. A later version may send another code at this status: handle it by the status.",
		status, http.StatusText(status), codeList(group))
	if !env.Has(catalog.RefCode) {
		// the codes are the docs' names of the errors, never on the wire
		desc = fmt.Sprintf("The body of a %d %s response, which carries no code: tell its errors apart by the status and the title. Known errors, as the docs name them: %s. A later version may send another error at this status: handle it by the status.",
			status, http.StatusText(status), codeList(group))
	}
	at := 1 // after the type
	if len(envelopesOf(group)) > 1 {
		at = 0 // before the oneOf
	}
	g.insert(s, at, "description", yamlnode.Str(desc))
	if allDeprecated(group) {
		g.insert(s, at+1, "deprecated", g.truth())
	}
	if err := g.addSchema(name, s); err != nil {
		return nil, err
	}
	return schemaRef(name), nil
}

// allDeprecated reports whether every error of a status's body is
// deprecated: the body then goes when they are retired, and is marked
// deprecated first, as each error's own schemas are, so that a client
// generated from the OpenAPI output is warned before it loses the type
// (errgen diff counts a retired code's components as warned only then).
func allDeprecated(group []*catalog.Error) bool {
	for _, e := range group {
		if e.Deprecated == "" {
			return false
		}
	}
	return len(group) > 0
}

// codeList is the codes of errs, each in backquotes, comma-separated: one
// string built at once, where a quoted string per code and their join made
// a big catalog's statuses thousands.
func codeList(errs []*catalog.Error) string {
	var b strings.Builder
	b.Grow(len(errs) * 16)
	for i, e := range errs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('`')
		b.WriteString(e.Code)
		b.WriteByte('`')
	}
	return b.String()
}

// union adds the schema of a body that is one of the group's errors, named
// name, and returns a reference to it. When every error writes its code in
// the same top-level member, that member discriminates: its value names the
// error's schema.
func (g *generator) union(name, desc string, group []*catalog.Error) (*yaml.Node, error) {
	alts := yamlnode.Seq()
	mapping := yamlnode.Map()
	for _, e := range group {
		ref := schemaRef(g.errorSchemaName(e))
		alts.Content = append(alts.Content, ref)
		yamlnode.Set(mapping, e.Code, yamlnode.Str(yamlnode.Get(ref, "$ref").Value))
	}
	s := yamlnode.Map()
	g.set(s, "description", yamlnode.Str(desc))
	if allDeprecated(group) {
		g.set(s, "deprecated", g.truth())
	}
	g.set(s, "oneOf", alts)
	if key := codeMember(group); key != "" {
		d := yamlnode.Map()
		g.set(d, "propertyName", yamlnode.Str(key))
		g.set(d, "mapping", mapping)
		g.set(s, "discriminator", d)
	}
	if err := g.addSchema(name, s); err != nil {
		return nil, err
	}
	return schemaRef(name), nil
}

// codeMember is the top-level member in which every error of the group
// writes its code ("code", or "error" in oauth2), or "" when there is none:
// JSON:API writes it in errors[0], nested in error.
func codeMember(group []*catalog.Error) string {
	key := ""
	for i, e := range group {
		k := ""
		if b := e.Envelope.Body; b.Kind == catalog.KindObject {
			for _, m := range b.Members {
				if !m.Spread && m.Value.Kind == catalog.KindRef && m.Value.Ref.Name == catalog.RefCode {
					k = m.Key
					break
				}
			}
		}
		if k == "" || (i > 0 && k != key) {
			return ""
		}
		key = k
	}
	return key
}

func mediaTypesOf(errs []*catalog.Error) []string {
	var mts []string
	for _, e := range errs {
		if !slices.Contains(mts, e.Envelope.MediaType) {
			mts = append(mts, e.Envelope.MediaType)
		}
	}
	return mts
}

// responseDescription describes a lone error by its own description, and
// several by a list of codes, each linked to its docs.
func responseDescription(status int, errs []*catalog.Error) string {
	if len(errs) == 1 {
		return errorDescription(errs[0])
	}
	// written piece by piece: a status of a big catalog lists thousands
	var b strings.Builder
	text := http.StatusText(status)
	b.Grow(len(text) + 24 + len(errs)*64)
	b.WriteString(text)
	b.WriteString(": one of these errors.\n")
	for _, e := range errs {
		b.WriteString("\n- ")
		if e.DocsLink != "" {
			b.WriteByte('[')
		}
		b.WriteByte('`')
		b.WriteString(e.Code)
		b.WriteByte('`')
		if e.DocsLink != "" {
			b.WriteString("](")
			b.WriteString(e.DocsLink)
			b.WriteByte(')')
		}
		if e.Title != text {
			b.WriteString(": ")
			b.WriteString(e.Title)
		}
		writeDeprecatedMark(&b, e)
	}
	return b.String()
}

// writeDeprecatedMark marks a deprecated code in a status's list of codes:
// an augmented spec's open body holds no <Name>Error schema, whose
// deprecated: true would otherwise be the spec's only sign of it.
func writeDeprecatedMark(b *strings.Builder, e *catalog.Error) {
	if e.Deprecated == "" {
		return
	}
	b.WriteString(" (deprecated")
	if e.ReplacedBy != "" {
		b.WriteString(": use `")
		b.WriteString(e.ReplacedBy)
		b.WriteByte('`')
	}
	b.WriteByte(')')
}

// errorDescription is the error's description (or title), why it is
// deprecated, and its docs link.
func errorDescription(e *catalog.Error) string {
	d := strings.TrimSpace(e.Description)
	if d == "" {
		d = e.Title
	}
	// the reason in full, for the same reason as writeDeprecatedMark
	if reason := strings.TrimSpace(e.Deprecated); reason != "" {
		d += "\n\nDeprecated: " + reason
	}
	if e.DocsLink != "" {
		d += "\n\nDocumentation: <" + e.DocsLink + ">"
	}
	return d
}

// example is the named example of one error: the exact body the generated
// Go code writes for it, with its members in the same order (and, with a
// request-id header, the request id the docs page's examples carry). peers
// is the number of errors of the same response, e's among them, and titles
// how many of them have each title: with several, each example says which
// error it is, by title unless titles repeat (most default to the reason
// phrase).
func (g *generator) example(e *catalog.Error, peers int, titles map[string]int) (*yaml.Node, error) {
	body, err := example.Documented(e, g.c.RequestID)
	if err != nil {
		return nil, fmt.Errorf("error %s: example: %w", e.Code, err)
	}
	value, err := g.bodyJSON(body)
	if err != nil {
		return nil, fmt.Errorf("error %s: example: %w", e.Code, err)
	}
	ex := sizedMap(3)
	// the error's own title, else its code: never the reason phrase a
	// title defaults to, which would name the status, not the error
	summary := e.Title
	if titles[e.Title] > 1 || e.Title == "" || e.Title == http.StatusText(e.Status) {
		summary = e.Code
	}
	g.set(ex, "summary", yamlnode.Str(summary))
	if peers > 1 {
		g.set(ex, "description", yamlnode.Str(errorDescription(e)))
	}
	g.set(ex, "value", value)
	return ex, nil
}
