package openapi

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/yamlnode"
)

// A catalog that speaks several languages (languages: [de, fr]) has Write
// negotiate Accept-Language and say which language the message is in with
// Content-Language, and add Accept-Language to Vary: every error response
// declares both headers, by reference to their header components, for a
// validator that holds a response to its declared headers refuses one it
// does not know. The examples stay in the default
// language; a catalog with one language's document is as it always was.

// multilingual reports whether the catalog speaks more than its default
// language.
func (g *generator) multilingual() bool { return len(g.c.Languages) > 0 }

// contentLanguageName is the header component's name, prefixed.
func (g *generator) contentLanguageName() string {
	return g.c.OpenAPI.Prefix + names.ContentLanguageHeader
}

// varyName is the Vary header component's name, prefixed.
func (g *generator) varyName() string {
	return g.c.OpenAPI.Prefix + names.VaryHeader
}

// contentLanguageRef adds Content-Language and Vary, by reference, to a
// response's headers when the catalog speaks several languages; a Vary the
// catalog declares itself stays, Write adding Accept-Language to its value.
func (g *generator) contentLanguageRef(headers *yaml.Node) {
	if !g.multilingual() {
		return
	}
	g.set(headers, "Content-Language", refTo("#/components/headers/"+g.contentLanguageName()))
	if yamlnode.Get(headers, "Vary") == nil {
		g.set(headers, "Vary", refTo("#/components/headers/"+g.varyName()))
	}
}

// headerComponents is components.headers: Content-Language, or nil when
// the catalog speaks one language.
func (g *generator) headerComponents() *yaml.Node {
	if !g.multilingual() {
		return nil
	}
	langs := append([]string{g.c.Language}, g.c.Languages...)
	h := yamlnode.Map()
	g.set(h, "description", yamlnode.Str(fmt.Sprintf("The language of the error's title and message (RFC 9110, section 8.5): "+
		"the one of %s that the request's Accept-Language prefers, when the error is translated into it; else %s, the default. "+
		"The code, the status and the details are the same in every language.", strings.Join(langs, ", "), g.c.Language)))
	schema := yamlnode.Map()
	g.set(schema, "type", g.word("string"))
	g.set(h, "schema", schema)
	g.set(h, "example", yamlnode.Str(g.c.Language))
	vary := yamlnode.Map()
	g.set(vary, "description", yamlnode.Str("Accept-Language, among any other request headers the response varies by (RFC 9110, section 12.5.5): "+
		"the title and message depend on the request's Accept-Language, so a cache keeps one response per language."))
	varySchema := yamlnode.Map()
	g.set(varySchema, "type", g.word("string"))
	g.set(vary, "schema", varySchema)
	g.set(vary, "example", yamlnode.Str("Accept-Language"))
	headers := yamlnode.Map()
	g.set(headers, g.contentLanguageName(), h)
	g.set(headers, g.varyName(), vary)
	return headers
}
