package openapi

import (
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// writeText writes the additions made to the spec's tree into its text:
// out, checked to read back as the tree, and variant, what kin-openapi
// validates. The variant leaves out the examples of errgen's responses
// (see withoutExamples) and every reference to one of them but the first:
// kin-openapi validates a referenced response again at each reference,
// which on Stripe's spec (500 operations) doubled the time of validating
// the input; one reference checks the response where operations use it,
// and the read-back check covers the text of the others.
func (a *augmenter) writeText(file *yaml.Node, text []byte, isJSON bool, plans []opPlan, ours *yaml.Node) (out, variant []byte, err error) {
	root := file.Content[0]
	src := newSource(text, isJSON)
	st := detectStyle(src, root)
	write := func() ([]byte, error) {
		e := &textEditor{src: src, st: st, replaced: a.replaced}
		e.walk(file, 0)
		if e.err != nil {
			return nil, fmt.Errorf("%s:%w", a.specName, e.err)
		}
		out := applyEdits(text, e.edits)
		if out == nil {
			return nil, fmt.Errorf("%s: errgen could not place its additions in the text (please report this, with the spec)", a.specName)
		}
		return out, nil
	}
	if out, err = write(); err != nil {
		return nil, nil, err
	}
	if err := a.readsBack(file, out, isJSON); err != nil {
		return nil, nil, err
	}
	undo := withoutRepeatedRefs(plans)
	err = withoutExamples(root, ours, func(bool) error {
		variant, err = write()
		return err
	})
	undo()
	return out, variant, err
}

// readsBack checks that the output holds exactly the tree's data: the
// insertions landed where they belong. JSON is only checked to be JSON:
// a second tree of Stripe's spec would cost as much memory as kin-openapi's
// validation, and JSON insertions cannot land inside another value.
func (a *augmenter) readsBack(file *yaml.Node, out []byte, isJSON bool) error {
	if isJSON {
		if !json.Valid(out) {
			return fmt.Errorf("%s: errgen could not insert its additions into the JSON text (please report this, with the spec)", a.specName)
		}
		return nil
	}
	var back yaml.Node
	if err := yaml.Unmarshal(out, &back); err != nil {
		return fmt.Errorf("%s: errgen's insertions do not read back as YAML (please report this, with the spec): %v", a.specName, err)
	}
	if n := firstDifference(file, &back); n != nil {
		return fmt.Errorf("%s:%d:%d: errgen could not insert its additions into the text here without changing what it says (please report this, with the spec)", a.specName, n.Line, n.Column)
	}
	return nil
}

// firstDifference is the first node of want whose data got differs from,
// or nil. An alias is compared by the anchor it names, not expanded: a
// spec of nested aliases would take exponential time.
func firstDifference(want, got *yaml.Node) *yaml.Node {
	if want.Kind != got.Kind || len(want.Content) != len(got.Content) {
		return want
	}
	if (want.Kind == yaml.ScalarNode || want.Kind == yaml.AliasNode) && (want.Value != got.Value || want.ShortTag() != got.ShortTag()) {
		return want
	}
	for i := range want.Content {
		if n := firstDifference(want.Content[i], got.Content[i]); n != nil {
			if n.Line == 0 {
				return want // an addition: name the spec's node it went into
			}
			return n
		}
	}
	return nil
}

// withoutRepeatedRefs takes out of the operations' responses every
// reference errgen added to a response that an earlier operation already
// refers to, keeping one in a responses mapping errgen created; the
// returned function puts them back.
func withoutRepeatedRefs(plans []opPlan) (undo func()) {
	type saved struct {
		m       *yaml.Node
		content []*yaml.Node
	}
	var undos []saved
	seen := map[string]bool{}
	for _, p := range plans {
		responses := memberValue(p.op, "responses")
		if responses == nil || responses.Kind != yaml.MappingNode {
			continue
		}
		var kept []*yaml.Node
		for i := 0; i+1 < len(responses.Content); i += 2 {
			k, v := responses.Content[i], responses.Content[i+1]
			ref := memberValue(v, "$ref")
			if k.Line == 0 && v.Line == 0 && ref != nil {
				if seen[ref.Value] && (responses.Line > 0 || len(kept) > 0) {
					continue
				}
				seen[ref.Value] = true
			}
			kept = append(kept, k, v)
		}
		if len(kept) < len(responses.Content) {
			undos = append(undos, saved{responses, responses.Content})
			responses.Content = kept
		}
	}
	return func() {
		for _, u := range undos {
			u.m.Content = u.content
		}
	}
}
