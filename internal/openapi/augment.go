package openapi

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// bigSpec is the size above which a spec's tree is collected before
// kin-openapi validates the result.
const bigSpec = 1 << 20

// Options are Augment's choices.
type Options struct {
	Force            bool // replace the responses and components the spec already defines
	AllowInvalidSpec bool // augment a spec that is not valid before errgen touches it
}

// Augment is AugmentWith with only Force chosen.
func Augment(c *catalog.Catalog, spec []byte, specName string, force bool) (out []byte, notices []string, err error) {
	return AugmentWith(c, spec, specName, Options{Force: force})
}

// AugmentWith adds the catalog's error responses to every operation of an
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
// The spec's text is edited in place, never re-encoded: the additions are
// planned on its node tree (yaml.v3's for YAML, ReadJSON's for JSON, both
// with positions), then inserted into the text in the style of their
// surroundings, so every byte of the input is in the output, in order
// (only Force replaces text). An operation shared through a YAML alias is
// left alone, and noted. kin-openapi validates the result; only when that
// fails is the input validated too, to tell whose problem it is.
//
// What the spec already says is kept unless Force is set: a response the
// operation already has for a status is left alone, and noted; a component
// of the same name that differs from one errgen adds is an error.
func AugmentWith(c *catalog.Catalog, spec []byte, specName string, opts Options) (out []byte, notices []string, err error) {
	body, hasBOM := bytes.CutPrefix(spec, []byte("\ufeff"))
	isJSON := bytes.HasPrefix(bytes.TrimSpace(body), []byte("{"))
	file, err := readSpec(body, isJSON, specName)
	if err != nil {
		return nil, nil, err
	}
	root := file.Content[0]
	a := &augmenter{c: c, specName: specName, force: opts.Force, allowInvalid: opts.AllowInvalidSpec, replaced: map[*yaml.Node]*yaml.Node{}}
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
	out, variant, err := a.augment(file, body, isJSON, g)
	if err != nil {
		return nil, nil, err
	}
	if len(body) > bigSpec {
		// The spec's tree is garbage now, but the collector paced itself on
		// it: without a collection here, kin-openapi's validation would
		// grow the heap on top of it (Stripe's spec: 1.5 times kin-openapi's
		// own peak instead of about the same).
		runtime.GC()
	}
	if err := a.validate(body, variant, isJSON, opts.AllowInvalidSpec); err != nil {
		return nil, nil, err
	}
	if hasBOM {
		out = append([]byte("\ufeff"), out...)
	}
	return out, a.lines(a.notices), nil
}

// augment plans every operation's responses, adds the components they use
// and attaches them in the node tree, then writes the additions into the
// text (see writeText).
func (a *augmenter) augment(file *yaml.Node, text []byte, isJSON bool, g *generator) (out, variant []byte, err error) {
	root := file.Content[0]
	a.refStyle = firstRefStyle(root)
	a.quoteStyle = firstQuoteStyle(root)
	a.statusKey = a.firstStatusKey(root)
	plans := a.plan(root, g)
	withDefault := a.attachAll(plans, false)
	comps, err := g.augmentComponents(plans, withDefault)
	if err != nil {
		return nil, nil, err
	}
	a.mergeComponents(root, comps)
	a.attachAll(plans, true)
	if err := a.err(); err != nil {
		return nil, nil, err
	}
	out, variant, err = a.writeText(file, text, isJSON, plans, yamlnode.Get(comps, "responses"))
	a.replaced = nil // the tree is no longer needed: let kin-openapi have the memory
	return out, variant, err
}

// readSpec parses a spec into a document node whose one content node is a
// mapping: JSON as JSON (every escape and number JSON allows), YAML with
// yaml.v3.
func readSpec(spec []byte, isJSON bool, specName string) (*yaml.Node, error) {
	file := &yaml.Node{Kind: yaml.DocumentNode}
	if isJSON {
		root, err := yamlnode.ReadJSON(spec)
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			line, col := offsetPos(spec, se.Offset)
			return nil, fmt.Errorf("%s:%d:%d: invalid JSON: %v", specName, line, col, se)
		case err != nil:
			return nil, fmt.Errorf("%s: invalid JSON: %v", specName, err)
		}
		file.Content = []*yaml.Node{root}
	} else if err := yaml.Unmarshal(spec, file); err != nil {
		return nil, fmt.Errorf("%s: invalid YAML: %s", specName, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(file.Content) == 0 || file.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: not an OpenAPI document: the top level must be a mapping", specName)
	}
	if err := duplicateKeys(file, specName); err != nil {
		return nil, err
	}
	return file, nil
}

// validateSpec loads a document with kin-openapi and validates it. Refs to
// other files are refused: Augment sees one document, not its directory.
func validateSpec(data []byte, isJSON bool) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return errors.New(loaderMessage(err.Error(), isJSON))
	}
	if err := doc.Validate(context.Background()); err != nil {
		// kin-openapi spreads a failing example's schema and value over
		// lines: one line per problem
		return errors.New(strings.Join(strings.Fields(err.Error()), " "))
	}
	return nil
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
	c            *catalog.Catalog
	specName     string
	force        bool
	allowInvalid bool                      // augment a spec that is not valid as it is
	refStyle     yaml.Style                // quoting of the spec's own $ref values, reused for ours
	quoteStyle   yaml.Style                // quoting of the spec's first quoted scalar, for status keys
	statusKey    *yaml.Node                // the spec's first status key, quoted like errgen's
	replaced     map[*yaml.Node]*yaml.Node // with force: errgen's value → the spec's it replaced
	problems     []augmentProblem
	notices      []augmentProblem // what the spec already defines, left alone
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
// place in the file. Those errgen can work around (security, parameters)
// are the input's own problems: with allowInvalid they are notices.
func (a *augmenter) checkShape(root *yaml.Node) {
	a.wantInputKind(memberValue(root, "security"), yaml.SequenceNode, "security", "a list of security requirements (- scheme: [scopes])")
	a.wantKind(memberValue(root, "paths"), yaml.MappingNode, "paths", "a mapping of paths")
	a.wantKind(memberValue(root, "components"), yaml.MappingNode, "components", "a mapping")
	for _, section := range []string{"schemas", "responses"} {
		a.wantKind(memberValue(memberValue(root, "components"), section), yaml.MappingNode, "components."+section, "a mapping")
	}
	a.eachOperation(root, func(where string, op *yaml.Node) {
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
	before := len(a.problems)
	a.wantKind(n, kind, what, want)
	if len(a.problems) == before {
		return
	}
	p := a.problems[before]
	if a.allowInvalid {
		a.problems = a.problems[:before]
		p.msg += " (the input spec is not valid; augmented anyway)"
		a.notices = append(a.notices, p)
		return
	}
	a.problems[before].msg += " (the input spec is not valid before errgen changes anything; --allow-invalid-spec augments it anyway)"
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
