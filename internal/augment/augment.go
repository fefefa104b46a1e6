package augment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/textedit"
	"github.com/errgen/errgen/internal/yamlnode"
)

// Options are Augment's choices.
type Options struct {
	Force            bool // replace the responses and components the spec already defines
	AllowInvalidSpec bool // augment a spec that is not valid before errgen touches it
	// Replace names components of the spec's (components.responses.NAME)
	// that errgen's of the same name replace, as Force would replace them
	// and them only: what the catalog's openapi.augment asks on every run.
	Replace []string
}

// Augment adds the catalog's error responses to every operation of an
// existing OpenAPI 3.0 or 3.1 document (YAML or JSON), by reference to
// components it adds, and returns the document in the input's format with
// notices of what it left alone (severity diag.Notice), or a *diag.List of
// every problem, each at specName and, where known, line:col.
//
// An operation's response for a status admits exactly the errors of that
// status which its x-errors lists or openapi.attach names, no other (see
// names.Response for the response that makes). An operation drops the
// attached errors with x-errors-attach: false, and the attached 401s when
// its security (or the document's) is []. Only the components some
// operation refers to are added, with the schemas they refer to.
//
// The spec's text is edited in place, never re-encoded: the additions are
// planned on its node tree (yaml.v3's for YAML, ReadJSON's for JSON, both
// with positions), recorded as an explicit set, then inserted into the text
// by package textedit, so every byte of the input is in the output, in
// order (only Force replaces text). An operation shared through a YAML
// alias is left alone, and noted. kin-openapi validates the result; only
// when that fails is the input validated too, to tell whose problem it is.
//
// What the spec already says is kept unless Force is set: a response the
// operation already has for a status is left alone, and noted; a component
// of the same name that differs from one errgen adds is an error.
func Augment(c *catalog.Catalog, spec []byte, specName string, opts Options) (out []byte, notices []diag.Diagnostic, err error) {
	return newAugmenter(c, specName, opts).run(spec)
}

// run is Augment's sequence: read the spec, augment its tree and text,
// validate, put back the byte order mark.
func (a *augmenter) run(spec []byte) (out []byte, notices []diag.Diagnostic, err error) {
	if order := utf16Order(spec); order != nil {
		text, ok := fromUTF16(spec, order)
		if !ok {
			return nil, nil, a.fail(nil, "the spec starts with a UTF-16 byte order mark but is not UTF-16 text (an odd length or an unpaired surrogate)")
		}
		if out, notices, err = a.run(text); err != nil {
			return nil, nil, err
		}
		return toUTF16(out, order), notices, nil
	}
	body, hasBOM := bytes.CutPrefix(spec, []byte("\ufeff"))
	// a .yaml spec may be one flow mapping: JSON there only if it is JSON
	ext := strings.ToLower(path.Ext(a.specName))
	isJSON := bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) && (ext != ".yaml" && ext != ".yml" || json.Valid(body))
	file, err := readSpec(body, isJSON, a.specName)
	if err != nil {
		return nil, nil, err
	}
	if file, body, err = a.strip(file, body, isJSON); err != nil {
		return nil, nil, err
	}
	out, variant, err := a.augment(file, body, isJSON)
	if err != nil {
		return nil, nil, err
	}
	if err := a.validate(body, variant, isJSON, a.allowInvalid); err != nil {
		return nil, nil, err
	}
	if hasBOM {
		out = append([]byte("\ufeff"), out...)
	}
	return out, a.sortedNotices(), nil
}

// augment checks the spec's version and shape, plans every operation's
// responses, marks those in use, adds the components they use and attaches
// them in the node tree, then writes the additions into the text (see
// writeText).
func (a *augmenter) augment(file *yaml.Node, text []byte, isJSON bool) (out, variant []byte, err error) {
	root := file.Content[0]
	version, err := a.version(root)
	if err != nil {
		return nil, nil, err
	}
	a.checkShape(root)
	a.checkConstructs(root)
	if err := a.problems.Err(); err != nil {
		return nil, nil, err
	}
	used, err := openapi.NewUsed(a.c, version)
	if err != nil {
		return nil, nil, a.fail(nil, "%v", err)
	}
	// errgen's own text (what it wrote in place of the author's) does not
	// say how the author writes
	skip := a.replacedNodes(root)
	replaced := func(n *yaml.Node) bool { return skip[n] }
	a.refStyle = firstRefStyle(root, replaced)
	a.quoteStyle = firstQuoteStyle(root, replaced)
	a.statusKey = a.firstStatusKey(root)
	plans := a.plan(root)
	places, responses, withDefault := a.markUsed(root, plans)
	responses, withDefault = a.keepReplaced(root, places, responses, withDefault)
	comps, err := used.Components(responses, withDefault)
	if err != nil {
		return nil, nil, a.fail(nil, "%v", err)
	}
	a.mergeComponents(root, comps)
	a.noteUnreplaced()
	a.attach(places)
	a.noteOrphaned(root)
	a.restyle(root, skip)
	a.writeMarkers(root)
	a.lostReplacedComments(root, text, isJSON)
	if err := a.problems.Err(); err != nil {
		return nil, nil, err
	}
	out, variant, err = a.writeText(file, text, isJSON, yamlnode.Get(comps, "responses"))
	// the tree is garbage now: let kin-openapi have the memory (the
	// markers' record holds operations, and so most of the tree)
	a.adds, a.owned, a.statusKey = nil, ownership{}, nil
	return out, variant, err
}

// decodeYAML is yaml.Unmarshal of spec into file, but a syntax error after
// the first document is one too: yaml.v3 ends a document whose top-level
// mapping starts indented at the first line indented less ("  a: 1\n b:
// 2"), and yaml.Unmarshal would read the spec without the lines from there
// on, paths and components among them, without a word. It returns the
// second document when one holds anything (a --- ending the file holds
// nothing): a file that is not one YAML document is refused whole, as the
// loader refuses a catalog.
func decodeYAML(spec []byte, file *yaml.Node) (second *yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(spec))
	if err := dec.Decode(file); err != nil && err != io.EOF {
		return nil, err
	}
	for {
		var next yaml.Node
		switch err := dec.Decode(&next); {
		case err == io.EOF:
			return nil, nil
		case err != nil:
			return nil, err
		case len(next.Content) > 0 && !(next.Content[0].Tag == "!!null" && next.Content[0].Value == ""):
			return &next, nil
		}
	}
}

// readSpec parses a spec into a document node whose one content node is a
// mapping: JSON as JSON (every escape and number JSON allows), YAML with
// yaml.v3.
func readSpec(spec []byte, isJSON bool, specName string) (*yaml.Node, error) {
	file := &yaml.Node{Kind: yaml.DocumentNode}
	pos := diag.Pos{File: specName}
	var l diag.List
	if isJSON {
		root, err := yamlnode.ReadJSON(spec)
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			pos.Line, pos.Col = offsetPos(spec, se.Offset)
			l.Add(diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("invalid JSON: %v", se), Hint: jsoncHint(spec, se.Offset)})
			return nil, &l
		case err != nil:
			l.Errorf(pos, "invalid JSON: %v", err)
			return nil, &l
		}
		file.Content = []*yaml.Node{root}
	} else if second, err := decodeYAML(spec, file); err != nil {
		at, msg := catalog.YAMLError(err, spec)
		pos.Line, pos.Col = at.Line, at.Col
		l.Errorf(pos, "%s", msg)
		return nil, &l
	} else if second != nil {
		// the second document would be neither augmented nor validated,
		// and the tools reading the spec take the first, or refuse the file
		pos.Line, pos.Col = second.Line, second.Column
		l.Add(diag.Diagnostic{Pos: pos, Msg: "a second YAML document: an OpenAPI spec is one document, and errgen augments the spec whole",
			Hint: ": remove the --- and what follows, or give each document a file of its own"})
		return nil, &l
	}
	if len(file.Content) == 0 || file.Content[0].Kind != yaml.MappingNode {
		l.Errorf(pos, "not an OpenAPI document: the top level must be a mapping")
		return nil, &l
	}
	if dups := textedit.DuplicateKeys(file); len(dups) > 0 {
		errgens := errgensResponses(file.Content[0])
		for _, d := range dups {
			l.Add(diag.Diagnostic{Pos: diag.Pos{File: specName, Line: d.Key.Line, Col: d.Key.Column},
				Msg:  fmt.Sprintf("the input spec is not valid (before errgen changed anything): duplicate key %q (first at %d:%d); remove one of them: readers disagree on which counts, so errgen cannot augment the spec, even with --allow-invalid-spec", d.Key.Value, d.First.Line, d.First.Column),
				Hint: duplicateHint(d, errgens)})
		}
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	return file, nil
}

// jsoncHint is the hint for a JSON syntax error at offset (the bytes read
// up to and including the one refused) that is JSONC's, which editors and
// some tools accept in a .json file: a comment, or a comma after the last
// member or element. encoding/json's message names only the character.
func jsoncHint(spec []byte, offset int64) string {
	at := int(min(max(offset-1, 0), int64(len(spec))))
	rest := spec[at:]
	if bytes.HasPrefix(rest, []byte("//")) || bytes.HasPrefix(rest, []byte("/*")) {
		return ": JSON has no comments; remove them, or keep the spec in YAML, where # starts one"
	}
	if len(rest) > 0 && (rest[0] == '}' || rest[0] == ']') {
		if before := bytes.TrimRight(spec[:at], " \t\r\n"); bytes.HasSuffix(before, []byte(",")) {
			return ": JSON allows no comma after the last member or element; remove it"
		}
	}
	return ""
}
