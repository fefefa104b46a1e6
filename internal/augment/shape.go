package augment

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/diag"
)

// version returns the document's OpenAPI version, refusing the ones errgen
// cannot write components for.
func (a *augmenter) version(root *yaml.Node) (string, error) {
	v := memberValue(root, "openapi")
	if v == nil {
		if memberValue(root, "swagger") != nil {
			return "", a.fail(nil, "Swagger (OpenAPI 2.0) documents are not supported; convert it to OpenAPI 3 first")
		}
		return "", a.fail(nil, "not an OpenAPI document: it has no openapi version field")
	}
	doc := &openapi3.T{OpenAPI: v.Value}
	if v.Kind != yaml.ScalarNode || (!doc.IsOpenAPI30() && doc.OpenAPIMajorMinor() != "3.1") {
		return "", a.fail(v, "OpenAPI version %q is not supported; errgen augments 3.0 and 3.1 documents", v.Value)
	}
	return v.Value, nil
}

// httpMethods are the operation keys of a path item, in OpenAPI 3.0 and 3.1.
var httpMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true, "patch": true, "trace": true,
}

// checkShape reports, with positions, the structural mistakes that make
// kin-openapi's loader fail with a message naming Go types instead of the
// place in the file. Those errgen can work around (security, parameters)
// are the input's own problems: with allowInvalid they are notices.
func (a *augmenter) checkShape(root *yaml.Node) {
	a.wantInputKind(memberValue(root, "security"), yaml.SequenceNode, "security", "a list of security requirements (- scheme: [scopes])")
	a.wantKind(memberValue(root, "paths"), yaml.MappingNode, "paths", "a mapping of paths")
	a.wantKind(memberValue(root, "components"), yaml.MappingNode, "components", "a mapping")
	for _, section := range []string{"schemas", "responses"} {
		a.wantKind(memberValue(memberValue(root, "components"), section), yaml.MappingNode, "components."+section, "a mapping")
	}
	eachOperation(root, func(where string, op *yaml.Node) {
		a.wantInputKind(memberValue(op, "security"), yaml.SequenceNode, where+": security", "a list of security requirements (- scheme: [scopes])")
		a.wantInputKind(memberValue(op, "parameters"), yaml.SequenceNode, where+": parameters", "a list")
		a.wantKind(memberValue(op, "responses"), yaml.MappingNode, where+": responses", "a mapping of statuses to responses")
		a.wantKind(memberValue(op, "x-errors"), yaml.SequenceNode, where+": x-errors", "a list of error codes")
		a.wantKind(memberValue(op, "x-errors-attach"), yaml.ScalarNode, where+": x-errors-attach", "true or false")
	})
}

// wantInputKind is wantKind for a problem of the input errgen can leave
// as it is: an error, or with allowInvalid a notice.
func (a *augmenter) wantInputKind(n *yaml.Node, kind yaml.Kind, what, want string) {
	msg := kindProblem(n, kind, what, want)
	switch {
	case msg == "":
	case a.allowInvalid:
		a.notices = append(a.notices, diag.Diagnostic{Pos: a.pos(n), Severity: diag.Notice, Msg: msg + " (the input spec is not valid; augmented anyway)"})
	default:
		a.addRemedied(n, diag.Remedy{Kind: diag.AllowInvalidSpec}, "%s (the input spec is not valid before errgen changes anything; --allow-invalid-spec augments it anyway)", msg)
	}
}

func (a *augmenter) wantKind(n *yaml.Node, kind yaml.Kind, what, want string) {
	if msg := kindProblem(n, kind, what, want); msg != "" {
		a.addf(n, "%s", msg)
	}
}

// kindProblem says that n, named what, is not of kind (want says what it
// must be), or is "" when it is, or absent, or an alias.
func kindProblem(n *yaml.Node, kind yaml.Kind, what, want string) string {
	if n == nil || n.Kind == kind || n.Kind == yaml.AliasNode {
		return ""
	}
	got := map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a scalar"}[n.Kind]
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		got = "empty"
	}
	return what + " must be " + want + ", not " + got
}

// eachOperation calls fn for every operation under paths, in document order;
// where names it as "GET /pets/{id}".
func eachOperation(root *yaml.Node, fn func(where string, op *yaml.Node)) {
	paths := memberValue(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, deref(paths.Content[i+1])
		if item.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			method, op := item.Content[j].Value, deref(item.Content[j+1])
			if !httpMethods[method] || op.Kind != yaml.MappingNode {
				continue
			}
			fn(strings.ToUpper(method)+" "+path, op)
		}
	}
}
