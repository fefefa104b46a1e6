package openapi

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/internal/yamlnode"
)

// headerUse is one error setting a header: a catalog header, or
// WWW-Authenticate for its challenge (h nil).
type headerUse struct {
	e *catalog.Error
	h *catalog.Header
}

// headers describes the response headers of a status's errors: the
// catalog's headers and WWW-Authenticate for challenges, in order of first
// use. A header is required when every error of the status always sets it
// (the Go code skips a header whose value renders empty).
func (g *generator) headers(errs []*catalog.Error) *yaml.Node {
	var names []string
	uses := map[string][]headerUse{}
	for _, e := range errs {
		for _, h := range e.Headers {
			if uses[h.Name] == nil {
				names = append(names, h.Name)
			}
			uses[h.Name] = append(uses[h.Name], headerUse{e, h})
		}
		if e.Challenge != "" {
			const name = "WWW-Authenticate"
			if uses[name] == nil {
				names = append(names, name)
			}
			uses[name] = append(uses[name], headerUse{e, nil})
		}
	}
	if len(names) == 0 && g.c.RequestID.Header == "" && !g.multilingual() {
		return nil
	}
	out := yamlnode.Map()
	for _, name := range names {
		g.set(out, name, headerObject(uses[name], len(errs)))
	}
	g.contentLanguageRef(out)
	g.requestIDHeader(out)
	return out
}

// requestIDHeader adds the request id header, which Write sends with every
// error: the service's id for the request, else the request's own, else a
// new one.
func (g *generator) requestIDHeader(headers *yaml.Node) {
	name := g.c.RequestID.Header
	if name == "" {
		return
	}
	h := yamlnode.Map()
	g.set(h, "description", yamlnode.Str("The id of the request, sent with every error response: the one the client sent in "+name+
		", or one the service gave it (made afresh when the request carried none). Quote it when contacting support."))
	schema := yamlnode.Map()
	g.set(schema, "type", g.word("string"))
	g.set(h, "schema", schema)
	g.set(headers, name, h)
}

// headerObject describes one header from its uses, of a status with peers
// errors in all.
func headerObject(us []headerUse, peers int) *yaml.Node {
	integer, always := true, len(us) == peers
	var values []string
	desc := ""
	for _, u := range us {
		v := u.e.Challenge
		if u.h == nil {
			integer = false
			desc = "The authentication scheme the client must use (RFC 9110, section 11.6.1)."
		} else {
			d := singleDetail(u.e, u.h.Value)
			integer = integer && d != nil && d.Type == catalog.TypeInteger
			always = always && neverEmpty(u.e, u.h.Value)
			if desc == "" && d != nil {
				desc = d.Description
			}
			v = exampleHeader(u)
		}
		if !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	codes := make([]string, len(us))
	for i, u := range us {
		codes[i] = "`" + u.e.Code + "`"
	}
	if desc == "" {
		desc = "Set by " + strings.Join(codes, ", ") + "."
	} else if len(us) < peers {
		desc += " Set by " + strings.Join(codes, ", ") + "."
	}
	h := yamlnode.Map()
	yamlnode.Set(h, "description", yamlnode.Str(desc))
	if always {
		yamlnode.Set(h, "required", yamlnode.Bool(true))
	}
	schema := yamlnode.Map()
	typ := "string"
	if integer {
		typ = "integer"
	}
	yamlnode.Set(schema, "type", yamlnode.Str(typ))
	yamlnode.Set(h, "schema", schema)
	if len(values) == 1 && values[0] != "" {
		ex := yamlnode.Str(values[0])
		if integer {
			if n, err := strconv.Atoi(values[0]); err == nil {
				ex = yamlnode.Int(n)
			}
		}
		yamlnode.Set(h, "example", ex)
	}
	return h
}

// exampleHeader is the value of a header in the error's example, or ""
// when it has none.
func exampleHeader(u headerUse) string {
	in, err := example.New(u.e)
	if err != nil {
		return ""
	}
	v, err := example.HeaderValue(u.h.Value, in.Details)
	if err != nil {
		return ""
	}
	return v
}

// neverEmpty reports whether a header template always renders to a
// non-empty value: it has literal text, or a placeholder of a type whose
// text is never empty (placeholders only name required details).
func neverEmpty(e *catalog.Error, t *catalog.Template) bool {
	for _, p := range t.Parts {
		if p.Detail == "" && p.Literal != "" {
			return true
		}
		if d := e.Detail(p.Detail); d != nil && d.Type != catalog.TypeString {
			return true
		}
	}
	return false
}

// singleDetail returns the detail a template consists of, as in
// "{retryAfter}", or nil when the template has anything else.
func singleDetail(e *catalog.Error, t *catalog.Template) *catalog.Detail {
	if len(t.Parts) != 1 || t.Parts[0].Detail == "" {
		return nil
	}
	return e.Detail(t.Parts[0].Detail)
}
