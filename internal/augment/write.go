package augment

import (
	"encoding/json"
	"errors"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/textedit"
)

// writeText writes errgen's additions to the spec's tree into its text:
// out, checked to read back as the tree, and variant, what kin-openapi
// validates (see variantOmits), both written by one editor from the same
// tree.
func (a *augmenter) writeText(file *yaml.Node, text []byte, isJSON bool, ours *yaml.Node) (out, variant []byte, err error) {
	ed := textedit.New(file, text, isJSON, a.adds)
	if out, err = ed.Write(nil); err != nil {
		return nil, nil, a.editError(err)
	}
	if err := a.readsBack(file, out, isJSON); err != nil {
		return nil, nil, err
	}
	omit := a.omit(a, file.Content[0], ours)
	if omit == nil {
		return out, out, nil
	}
	if variant, err = ed.Write(omit); err != nil {
		return nil, nil, a.editError(err)
	}
	return out, variant, nil
}

// omitFunc picks the keys of errgen's additions that the text kin-openapi
// validates leaves out: nil for none.
type omitFunc func(a *augmenter, root, ours *yaml.Node) map[*yaml.Node]bool

// omitNothing is the plain path: kin-openapi validates the output itself.
func omitNothing(*augmenter, *yaml.Node, *yaml.Node) map[*yaml.Node]bool { return nil }

// editError reports a failure of the editor at its place in the spec.
func (a *augmenter) editError(err error) error {
	var pe *textedit.PosError
	if errors.As(err, &pe) {
		return a.fail(&yaml.Node{Line: pe.Line, Column: pe.Col}, "%s", pe.Msg)
	}
	return a.fail(nil, "errgen could not place its additions in the text (please report this, with the spec)")
}

// readsBack checks that the output holds exactly the tree's data: the
// insertions landed where they belong. JSON is only checked to be JSON:
// a second tree of Stripe's spec would cost as much memory as kin-openapi's
// validation, and JSON insertions cannot land inside another value.
func (a *augmenter) readsBack(file *yaml.Node, out []byte, isJSON bool) error {
	if isJSON {
		if !json.Valid(out) {
			return a.fail(nil, "errgen could not insert its additions into the JSON text (please report this, with the spec)")
		}
		return nil
	}
	var back yaml.Node
	if err := yaml.Unmarshal(out, &back); err != nil {
		return a.fail(nil, "errgen's insertions do not read back as YAML (please report this, with the spec): %v", err)
	}
	if n := a.firstDifference(file, &back); n != nil {
		return a.fail(n, "errgen could not insert its additions into the text here without changing what it says (please report this, with the spec)")
	}
	return nil
}

// firstDifference is the first node of want whose data got differs from,
// or nil; for a difference inside an addition, the spec's node it went
// into. An alias is compared by the anchor it names, not expanded: a spec
// of nested aliases would take exponential time.
func (a *augmenter) firstDifference(want, got *yaml.Node) *yaml.Node {
	if want.Kind != got.Kind || len(want.Content) != len(got.Content) {
		return want
	}
	if (want.Kind == yaml.ScalarNode || want.Kind == yaml.AliasNode) && (want.Value != got.Value || want.ShortTag() != got.ShortTag()) {
		return want
	}
	for i := range want.Content {
		if n := a.firstDifference(want.Content[i], got.Content[i]); n != nil {
			if a.adds.Added[want.Content[i]] {
				return want
			}
			return n
		}
	}
	return nil
}

// variantOmits is the shortcut (see BenchmarkValidationVariant): the keys
// of errgen's additions that the text kin-openapi validates leaves out, the
// examples of errgen's responses. kin-openapi checks each against its
// response's whole oneOf: for a catalog of 1,000 errors attached to every
// operation that took 290 s a validation instead of 0.6 s, while errgen's
// own tests prove its examples match. (Leaving out the references to a
// response but the first, which once halved the validation of Stripe's
// spec, bought under 3% at 1,000 and 10,000 errors and went.)
func (a *augmenter) variantOmits(root, ours *yaml.Node) map[*yaml.Node]bool {
	omit := map[*yaml.Node]bool{}
	a.omitExamples(root, ours, omit)
	return omit
}

// omitExamples adds the examples keys of errgen's responses in the tree
// (ours, as Used built them) to omit. A response the spec already had is
// its own text, which the variant keeps as it is.
func (a *augmenter) omitExamples(root, ours *yaml.Node, omit map[*yaml.Node]bool) {
	responses := memberValue(memberValue(root, "components"), "responses")
	for i := 0; responses != nil && ours != nil && i+1 < len(ours.Content); i += 2 {
		mine := ours.Content[i+1]
		if memberValue(responses, ours.Content[i].Value) != mine {
			continue
		}
		content := memberValue(mine, "content")
		for j := 1; content != nil && j < len(content.Content); j += 2 {
			if k := keyNode(content.Content[j], "examples"); k != nil {
				omit[k] = true
			}
		}
	}
}
