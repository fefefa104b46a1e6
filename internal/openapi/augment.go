package openapi

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/yamlnode"
)

// Augment adds the catalog's error components to an existing OpenAPI 3.0 or
// 3.1 document (YAML or JSON) and attaches error responses to every
// operation: the codes of openapi.attach and of the operation's own
// x-errors list, by reference to the components. It returns the document in
// the input's format, or an error listing every problem (each prefixed with
// specName and, where known, line:col).
//
// The document is edited as a YAML node tree, not through kin-openapi's
// types: writing it back through kin-openapi would sort every key and drop
// comments, turning a small addition into a rewrite of the user's file.
// kin-openapi loads and validates the input and the result.
//
// What the spec already says is kept: a response the operation already has
// for a status, or a component of the same name that differs from errgen's,
// is left alone (the latter is an error) unless force is set.
func Augment(c *catalog.Catalog, spec []byte, specName string, force bool) ([]byte, error) {
	spec = bytes.TrimPrefix(spec, []byte("\ufeff"))
	isJSON := bytes.HasPrefix(bytes.TrimSpace(spec), []byte("{"))
	var file yaml.Node
	if err := readSpec(spec, isJSON, specName, &file); err != nil {
		return nil, err
	}
	root := file.Content[0]
	a := &augmenter{c: c, specName: specName, force: force}
	version, err := a.version(root)
	if err != nil {
		return nil, err
	}
	a.checkShape(root)
	if err := a.err(); err != nil {
		return nil, err
	}
	g, err := newGenerator(c, version)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", specName, err)
	}
	comps, err := g.components()
	if err != nil {
		return nil, err
	}
	ours := yamlnode.Get(comps, "responses")
	err = withoutExamples(root, ours, func(stripped bool) error {
		if !stripped {
			return validateSpec(spec, isJSON)
		}
		data, err := yamlnode.Encode(&file, 2)
		if err != nil {
			return err
		}
		return validateSpec(data, false)
	})
	if err != nil {
		return nil, fmt.Errorf("%s: not a valid OpenAPI document: %w", specName, err)
	}

	a.refStyle = firstRefStyle(root)
	a.mergeComponents(root, comps)
	a.attachAll(root)
	if err := a.err(); err != nil {
		return nil, err
	}
	err = withoutExamples(root, ours, func(bool) error {
		data, err := yamlnode.Encode(&file, 2)
		if err != nil {
			return err
		}
		return validateSpec(data, false)
	})
	if err != nil {
		return nil, fmt.Errorf("%s: the augmented document is not valid: %w", specName, err)
	}
	if !isJSON {
		out, err := yamlnode.Encode(&file, yamlIndent(root))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", specName, err)
		}
		return out, nil
	}
	var b bytes.Buffer
	if err := yamlnode.WriteJSON(&b, root, jsonIndent(root), false); err != nil {
		return nil, fmt.Errorf("%s: %w", specName, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
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
	for i := 0; responses != nil && i+1 < len(ours.Content); i += 2 {
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
	slices.SortStableFunc(a.problems, func(x, y augmentProblem) int {
		return cmp.Or(cmp.Compare(x.line, y.line), cmp.Compare(x.col, y.col))
	})
	lines := make([]string, len(a.problems))
	for i, p := range a.problems {
		pos := a.specName
		if p.line > 0 {
			pos = fmt.Sprintf("%s:%d:%d", a.specName, p.line, p.col)
		}
		lines[i] = pos + ": " + p.msg
	}
	return errors.New(strings.Join(lines, "\n"))
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

// mergeComponents adds errgen's components; one the spec already has must
// be identical, or force replaces it.
func (a *augmenter) mergeComponents(root, comps *yaml.Node) {
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

// attachAll attaches each operation's error responses.
func (a *augmenter) attachAll(root *yaml.Node) {
	byCode := make(map[string]*catalog.Error, len(a.c.Errors))
	for _, e := range a.c.Errors {
		byCode[e.Code] = e
	}
	var attach []*catalog.Error
	for _, code := range a.c.OpenAPI.Attach {
		if e := byCode[code]; e != nil {
			attach = append(attach, e)
		}
	}
	a.eachOperation(root, func(where string, op *yaml.Node) {
		errs := append([]*catalog.Error(nil), attach...)
		if xe := memberValue(op, "x-errors"); xe != nil && xe.Kind == yaml.SequenceNode {
			for _, item := range xe.Content {
				item = deref(item)
				e := byCode[item.Value]
				switch {
				case item.Kind != yaml.ScalarNode:
					a.addf(item, "%s: x-errors: each entry must be an error code", where)
				case e != nil:
					errs = append(errs, e)
				default:
					a.addf(item, "%s: x-errors: unknown error code %q (not in %s)", where, item.Value, a.catalogName())
				}
			}
		}
		a.attach(op, errs)
	})
}

// attach adds, under each status of errs, a reference to its response, and
// the default response when the catalog asks for it.
func (a *augmenter) attach(op *yaml.Node, errs []*catalog.Error) {
	var statuses []int
	for _, e := range errs {
		if !slices.Contains(statuses, e.Status) {
			statuses = append(statuses, e.Status)
		}
	}
	if len(statuses) == 0 && !a.c.OpenAPI.DefaultResponse {
		return
	}
	responses := memberValue(op, "responses")
	if responses == nil || responses.Kind != yaml.MappingNode {
		responses = yamlnode.Map()
		a.setMember(op, "responses", responses)
	}
	for _, status := range statuses {
		key := fmt.Sprint(status)
		ref := a.responseRef(a.c.OpenAPI.Prefix + responseName(status))
		switch {
		case memberValue(responses, key) == nil:
			insertStatus(responses, key, ref)
		case a.force:
			a.setMember(responses, key, ref)
		}
	}
	if a.c.OpenAPI.DefaultResponse {
		ref := a.responseRef(a.c.OpenAPI.Prefix + defaultResponseName)
		switch {
		case memberValue(responses, "default") == nil:
			yamlnode.Set(responses, "default", ref)
		case a.force:
			a.setMember(responses, "default", ref)
		}
	}
}

func (a *augmenter) responseRef(name string) *yaml.Node {
	ref := refTo("#/components/responses/" + name)
	a.styleRefs(ref)
	return ref
}

// styleRefs quotes errgen's $ref values the way the spec quotes its own.
func (a *augmenter) styleRefs(n *yaml.Node) {
	if a.refStyle == 0 {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
				n.Content[i+1].Style = a.refStyle
			}
		}
	}
	for _, c := range n.Content {
		a.styleRefs(c)
	}
}

func firstRefStyle(n *yaml.Node) yaml.Style {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" && n.Content[i+1].Kind == yaml.ScalarNode {
				return n.Content[i+1].Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
			}
		}
	}
	for _, c := range n.Content {
		if s := firstRefStyle(c); s != 0 {
			return s
		}
	}
	return 0
}

// setMember sets a mapping's member, replacing its value in place or
// appending it.
func (a *augmenter) setMember(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	yamlnode.Set(m, key, v)
}

// insertStatus inserts a status response among the existing ones in
// numeric order, ranges (4XX) after their statuses and default last, and
// quotes the key like the spec's own status keys.
func insertStatus(responses *yaml.Node, key string, v *yaml.Node) {
	rank := func(k string) string { return strings.NewReplacer("X", "9", "x", "9").Replace(k) }
	k := yamlnode.Str(key)
	at := len(responses.Content)
	for i := 0; i+1 < len(responses.Content); i += 2 {
		existing := responses.Content[i]
		if len(existing.Value) == 3 && existing.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			k.Style = existing.Style
		}
		if at == len(responses.Content) && (existing.Value == "default" || (len(existing.Value) == 3 && rank(existing.Value) > rank(key))) {
			at = i
		}
	}
	responses.Content = append(responses.Content[:at], append([]*yaml.Node{k, v}, responses.Content[at:]...)...)
}

// memberValue returns a mapping member's value, or nil, with YAML aliases
// resolved: a spec using anchors is read, and extended, where the anchor is.
func memberValue(m *yaml.Node, key string) *yaml.Node {
	if v := yamlnode.Get(deref(m), key); v != nil {
		return deref(v)
	}
	return nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// sameNode compares two nodes as data, ignoring style, comments and the
// spelling of scalars.
func sameNode(x, y *yaml.Node) bool {
	var a, b any
	if x.Decode(&a) != nil || y.Decode(&b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// offsetPos converts the offset of a json.SyntaxError, which counts the
// offending byte, to that byte's 1-based line and column.
func offsetPos(data []byte, offset int64) (int, int) {
	offset = min(max(offset-1, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// yamlIndent finds the indentation of the spec's block mappings, to write
// it back the same way.
func yamlIndent(root *yaml.Node) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
			if d := v.Content[0].Column - k.Column; d >= 2 && d <= 8 {
				return d
			}
			break
		}
	}
	return 2
}

// jsonIndent finds the indentation of a JSON spec; minified or odd input
// gets two spaces.
func jsonIndent(root *yaml.Node) string {
	if len(root.Content) > 0 {
		if first := root.Content[0]; first.Line > root.Line && first.Column >= 2 && first.Column <= 9 {
			return strings.Repeat(" ", first.Column-1)
		}
	}
	return "  "
}
