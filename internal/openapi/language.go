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
// Content-Language: every error response declares that header, by
// reference to one header component. The examples stay in the default
// language; a catalog with one language's document is as it always was.

// multilingual reports whether the catalog speaks more than its default
// language.
func (g *generator) multilingual() bool { return len(g.c.Languages) > 0 }

// contentLanguageName is the header component's name, prefixed.
func (g *generator) contentLanguageName() string {
	return g.c.OpenAPI.Prefix + names.ContentLanguageHeader
}

// contentLanguageRef adds Content-Language, by reference, to a response's
// headers when the catalog speaks several languages.
func (g *generator) contentLanguageRef(headers *yaml.Node) {
	if g.multilingual() {
		g.set(headers, "Content-Language", refTo("#/components/headers/"+g.contentLanguageName()))
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
	headers := yamlnode.Map()
	g.set(headers, g.contentLanguageName(), h)
	return headers
}
