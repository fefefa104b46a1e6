package augment

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/textedit"
	"github.com/errgen/errgen/internal/yamlnode"
)

// errgensResponses maps each key of an operation's responses that its
// marker names, with the hash errgen recorded, to the operation's place:
// where an author added a response of the status errgen attached, the two
// keys are one repeated, and the duplicate's message says which is whose.
func errgensResponses(root *yaml.Node) map[*yaml.Node]string {
	keys := map[*yaml.Node]string{}
	eachOperation(root, func(where string, op *yaml.Node) {
		mk, responses := memberValue(op, marker), deref(memberValue(op, "responses"))
		if mk == nil || mk.Kind != yaml.MappingNode || responses == nil || responses.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(responses.Content); i += 2 {
			k, v := responses.Content[i], responses.Content[i+1]
			if h := yamlnode.Get(mk, k.Value); h != nil && hashMatches(v, h.Value) {
				keys[k] = where
			}
		}
	})
	return keys
}

// duplicateHint says which of a repeated response key is errgen's, when
// one is: the one whose value its marker's hash names.
func duplicateHint(d textedit.Duplicate, errgens map[*yaml.Node]string) string {
	for _, k := range []*yaml.Node{d.First, d.Key} {
		if where, ok := errgens[k]; ok {
			return fmt.Sprintf(" (%s: the one at %d:%d is errgen's, as its %s marker says: delete yours, or errgen's and %q from the marker)", where, k.Line, k.Column, marker, k.Value)
		}
	}
	return ""
}
