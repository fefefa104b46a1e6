package openapi

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// Augment adds the catalog's error responses to every operation of an
// existing OpenAPI 3.0 or 3.1 document (YAML or JSON), by reference to
// components it adds, and returns the document in the input's format with
// notices of what it left alone, or an error listing every problem (each
// prefixed with specName and, where known, line:col).
//
// An operation's response for a status admits exactly the errors of that
// status which its x-errors lists or openapi.attach names, no other: all of
// the status's errors make the shared response of the status (BadRequest),
// fewer a response of their own named after them
// (BadRequestValidationError), shared by the operations admitting the same.
// An operation drops the attached errors with x-errors-attach: false, and
// the attached 401s when its security (or the document's) is []. Only the
// components some operation refers to are added, with the schemas they
// refer to.
//
// The document is edited as a YAML node tree, not through kin-openapi's
// types: writing it back through kin-openapi would sort every key and drop
// comments, turning a small addition into a rewrite of the user's file.
// kin-openapi loads and validates the input and the result.
//
// What the spec already says is kept unless force is set: a response the
// operation already has for a status is left alone, and noted; a component
// of the same name that differs from one errgen adds is an error.
func Augment(c *catalog.Catalog, spec []byte, specName string, force bool) (out []byte, notices []string, err error) {
	spec = bytes.TrimPrefix(spec, []byte("\ufeff"))
	isJSON := bytes.HasPrefix(bytes.TrimSpace(spec), []byte("{"))
	var file yaml.Node
	if err := readSpec(spec, isJSON, specName, &file); err != nil {
		return nil, nil, err
	}
	root := file.Content[0]
	a := &augmenter{c: c, specName: specName, force: force}
	version, err := a.version(root)
	if err != nil {
		return nil, nil, err
	}
	a.checkShape(root)
	if err := a.err(); err != nil {
		return nil, nil, err
	}
	g, err := newGenerator(c, version)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", specName, err)
	}
	if err := a.augment(&file, spec, isJSON, g); err != nil {
		return nil, nil, err
	}
	if !isJSON {
		out, err = yamlnode.Encode(&file, yamlIndent(root))
	} else {
		var b bytes.Buffer
		err = yamlnode.WriteJSON(&b, root, jsonIndent(root), false)
		b.WriteByte('\n')
		out = b.Bytes()
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", specName, err)
	}
	return out, a.lines(a.notices), nil
}

// augment plans every operation's responses, adds the components they use
// and attaches them, validating the document before and after.
func (a *augmenter) augment(file *yaml.Node, spec []byte, isJSON bool, g *generator) error {
	root := file.Content[0]
	a.refStyle = firstRefStyle(root)
	plans := a.plan(root, g)
	withDefault := a.attachAll(plans, false)
	comps, err := g.augmentComponents(plans, withDefault)
	if err != nil {
		return err
	}
	ours := yamlnode.Get(comps, "responses")
	err = withoutExamples(root, ours, func(stripped bool) error {
		if !stripped {
			return validateSpec(spec, isJSON)
		}
		data, err := yamlnode.Encode(file, 2)
		if err != nil {
			return err
		}
		return validateSpec(data, false)
	})
	if err != nil {
		return fmt.Errorf("%s: not a valid OpenAPI document: %w", a.specName, err)
	}
	a.mergeComponents(root, comps)
	a.attachAll(plans, true)
	if err := a.err(); err != nil {
		return err
	}
	err = withoutExamples(root, ours, func(bool) error {
		data, err := yamlnode.Encode(file, 2)
		if err != nil {
			return err
		}
		return validateSpec(data, false)
	})
	if err != nil {
		return fmt.Errorf("%s: the augmented document is not valid: %w", a.specName, err)
	}
	return nil
}

// readSpec parses a spec into file, whose one content node is then a
// mapping.
func readSpec(spec []byte, isJSON bool, specName string, file *yaml.Node) error {
	if isJSON && !json.Valid(spec) {
		var v any
		err := json.Unmarshal(spec, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := offsetPos(spec, se.Offset)
			return fmt.Errorf("%s:%d:%d: invalid JSON: %v", specName, line, col, se)
		}
		return fmt.Errorf("%s: invalid JSON: %v", specName, err)
	}
	if err := yaml.Unmarshal(spec, file); err != nil {
		return fmt.Errorf("%s: invalid YAML: %s", specName, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(file.Content) == 0 || file.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("%s: not an OpenAPI document: the top level must be a mapping", specName)
	}
	return nil
}

// validateSpec loads a document with kin-openapi and validates it. Refs to
// other files are refused: Augment sees one document, not its directory.
func validateSpec(data []byte, isJSON bool) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return errors.New(loaderMessage(err.Error(), isJSON))
	}
	return doc.Validate(context.Background())
}

// withoutExamples calls validate with the examples of errgen's responses
// taken out of the document (stripped tells whether there were any), and
// puts them back. kin-openapi checks each example against its response's
// whole oneOf, again for every operation referring to the response: for a
// catalog of thousands of errors that takes hours, while errgen's own tests
// prove its examples match. Every other example is validated as usual.
func withoutExamples(root, ours *yaml.Node, validate func(stripped bool) error) error {
	responses := memberValue(memberValue(root, "components"), "responses")
	type saved struct {
		media   *yaml.Node
		content []*yaml.Node
	}
	var undo []saved
	for i := 0; responses != nil && ours != nil && i+1 < len(ours.Content); i += 2 {
		mine, theirs := ours.Content[i+1], memberValue(responses, ours.Content[i].Value)
		if theirs == nil || (theirs != mine && !sameNode(theirs, mine)) {
			continue
		}
		content := memberValue(theirs, "content")
		for j := 1; content != nil && j < len(content.Content); j += 2 {
			media := content.Content[j]
			for k := 0; media.Kind == yaml.MappingNode && k+1 < len(media.Content); k += 2 {
				if media.Content[k].Value == "examples" {
					undo = append(undo, saved{media, media.Content})
					media.Content = slices.Concat(media.Content[:k], media.Content[k+2:])
					break
				}
			}
		}
	}
	defer func() {
		for _, u := range undo {
			u.media.Content = u.content
		}
	}()
	return validate(len(undo) > 0)
}

// loaderMessage keeps the part of a kin-openapi load error that concerns
// the input's format: the loader tries JSON then YAML and reports both.
func loaderMessage(msg string, isJSON bool) string {
	const jsonPart, yamlPart = "json error: ", ", yaml error: "
	if i := strings.Index(msg, yamlPart); i >= 0 && strings.Contains(msg, jsonPart) {
		if isJSON {
			msg = msg[strings.Index(msg, jsonPart)+len(jsonPart) : i]
		} else {
			msg = msg[i+len(yamlPart):]
		}
	}
	for _, noise := range []string{"failed to unmarshal data: ", "error unmarshaling JSON: ", "while decoding JSON: ", "json: "} {
		msg = strings.ReplaceAll(msg, noise, "")
	}
	return msg
}

// augmenter collects the problems of one Augment call, to report them all.
type augmenter struct {
	c        *catalog.Catalog
	specName string
	force    bool
	refStyle yaml.Style // quoting of the spec's own $ref values, reused for ours
	problems []augmentProblem
	notices  []augmentProblem // what the spec already defines, left alone
}

type augmentProblem struct {
	line, col int
	msg       string
}

func (a *augmenter) addf(n *yaml.Node, format string, args ...any) {
	p := augmentProblem{msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.line, p.col = n.Line, n.Column
	}
	a.problems = append(a.problems, p)
}

// err returns the problems in file order, one a line.
func (a *augmenter) err() error {
	if len(a.problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(a.lines(a.problems), "\n"))
}

// lines sorts problems or notices in file order and spells each out.
func (a *augmenter) lines(ps []augmentProblem) []string {
	slices.SortStableFunc(ps, func(x, y augmentProblem) int {
		return cmp.Or(cmp.Compare(x.line, y.line), cmp.Compare(x.col, y.col))
	})
	var lines []string
	for _, p := range ps {
		pos := a.specName
		if p.line > 0 {
			pos = fmt.Sprintf("%s:%d:%d", a.specName, p.line, p.col)
		}
		lines = append(lines, pos+": "+p.msg)
	}
	return lines
}

// version returns the document's OpenAPI version, refusing the ones errgen
// cannot write components for.
func (a *augmenter) version(root *yaml.Node) (string, error) {
	v := memberValue(root, "openapi")
	if v == nil {
		if memberValue(root, "swagger") != nil {
			return "", fmt.Errorf("%s: Swagger (OpenAPI 2.0) documents are not supported; convert it to OpenAPI 3 first", a.specName)
		}
		return "", fmt.Errorf("%s: not an OpenAPI document: it has no openapi version field", a.specName)
	}
	doc := &openapi3.T{OpenAPI: v.Value}
	if v.Kind != yaml.ScalarNode || (!doc.IsOpenAPI30() && doc.OpenAPIMajorMinor() != "3.1") {
		return "", fmt.Errorf("%s:%d:%d: OpenAPI version %q is not supported; errgen augments 3.0 and 3.1 documents", a.specName, v.Line, v.Column, v.Value)
	}
	return v.Value, nil
}

// httpMethods are the operation keys of a path item, in OpenAPI 3.0 and 3.1.
var httpMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true, "patch": true, "trace": true,
}

// checkShape reports, with positions, the structural mistakes that make
// kin-openapi's loader fail with a message naming Go types instead of the
// place in the file.
func (a *augmenter) checkShape(root *yaml.Node) {
	a.wantKind(memberValue(root, "security"), yaml.SequenceNode, "security", "a list of security requirements (- scheme: [scopes])")
	a.wantKind(memberValue(root, "paths"), yaml.MappingNode, "paths", "a mapping of paths")
	a.wantKind(memberValue(root, "components"), yaml.MappingNode, "components", "a mapping")
	a.eachOperation(root, func(where string, op *yaml.Node) {
		a.wantKind(memberValue(op, "security"), yaml.SequenceNode, where+": security", "a list of security requirements (- scheme: [scopes])")
		a.wantKind(memberValue(op, "parameters"), yaml.SequenceNode, where+": parameters", "a list")
		a.wantKind(memberValue(op, "responses"), yaml.MappingNode, where+": responses", "a mapping of statuses to responses")
		a.wantKind(memberValue(op, "x-errors"), yaml.SequenceNode, where+": x-errors", "a list of error codes")
		a.wantKind(memberValue(op, "x-errors-attach"), yaml.ScalarNode, where+": x-errors-attach", "true or false")
	})
}

func (a *augmenter) wantKind(n *yaml.Node, kind yaml.Kind, what, want string) {
	if n == nil || n.Kind == kind || n.Kind == yaml.AliasNode {
		return
	}
	got := map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a scalar"}[n.Kind]
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		got = "empty"
	}
	a.addf(n, "%s must be %s, not %s", what, want, got)
}

// eachOperation calls fn for every operation under paths, in document order;
// where names it as "GET /pets/{id}".
func (a *augmenter) eachOperation(root *yaml.Node, fn func(where string, op *yaml.Node)) {
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

// mergeComponents adds the components errgen uses; one the spec already
// has must be identical, or force replaces it.
func (a *augmenter) mergeComponents(root, comps *yaml.Node) {
	if len(comps.Content) == 0 {
		return
	}
	target := memberValue(root, "components")
	if target == nil || target.Kind != yaml.MappingNode {
		target = yamlnode.Map()
		a.setMember(root, "components", target)
	}
	for i := 0; i+1 < len(comps.Content); i += 2 {
		section, ours := comps.Content[i].Value, comps.Content[i+1]
		theirs := memberValue(target, section)
		if theirs == nil || theirs.Kind != yaml.MappingNode {
			theirs = yamlnode.Map()
			a.setMember(target, section, theirs)
		}
		for j := 0; j+1 < len(ours.Content); j += 2 {
			name, value := ours.Content[j].Value, ours.Content[j+1]
			a.styleRefs(value)
			existing := memberValue(theirs, name)
			switch {
			case existing == nil:
				yamlnode.Set(theirs, name, value)
			case sameNode(existing, value):
			case a.force:
				a.setMember(theirs, name, value)
			default:
				a.addf(keyNode(theirs, name), "components.%s.%s is already defined and differs from the %s %s errgen generates from %s; set openapi.prefix in the catalog, rename the spec's, or use --force to replace it",
					section, name, name, strings.TrimSuffix(section, "s"), a.catalogName())
			}
		}
	}
}

func (a *augmenter) catalogName() string {
	if a.c.File == "" {
		return "the catalog"
	}
	return a.c.File
}
