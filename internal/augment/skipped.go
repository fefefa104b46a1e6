package augment

import "go.yaml.in/yaml/v3"

// noteSkipped adds a notice for each part of the spec that could hold
// operations errgen does not augment, so that none is skipped in silence:
// path items given by $ref (their operations are elsewhere, maybe in
// another file), x-errors and x-errors-attach on a path item (errgen reads
// them on operations only), a path item whose operations come through a
// YAML merge key, webhooks and callbacks (the API's client answers them:
// their responses are the client's, not the API's errors).
func (a *augmenter) noteSkipped(root *yaml.Node) {
	note := a.notef
	paths := memberValue(root, "paths")
	for i := 0; paths != nil && paths.Kind == yaml.MappingNode && i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, deref(paths.Content[i+1])
		if item.Kind != yaml.MappingNode {
			continue
		}
		if ref := memberValue(item, "$ref"); ref != nil {
			note(keyNode(item, "$ref"), "%s: not augmented: the path item is a $ref (to %s), and errgen augments the operations written under paths; attach the error responses where it points, by hand", path, ref.Value)
		}
		for _, key := range []string{"x-errors", "x-errors-attach"} {
			if k := keyNode(item, key); k != nil {
				note(k, "%s: %s on a path item is ignored: errgen reads it on each operation; move it under the operations", path, key)
			}
		}
		if k := keyNode(item, "<<"); k != nil {
			note(k, "%s: operations merged into the path item through a YAML merge key (<<) are not augmented; write them out under the path", path)
		}
	}
	if webhooks := memberValue(root, "webhooks"); webhooks != nil && len(webhooks.Content) > 0 {
		note(keyNode(root, "webhooks"), "webhooks: not augmented: the API's clients answer them, so their responses are the client's, not the API's errors")
	}
	eachOperation(root, func(where string, op *yaml.Node) {
		if cb := memberValue(op, "callbacks"); cb != nil && len(cb.Content) > 0 {
			note(keyNode(deref(op), "callbacks"), "%s: callbacks not augmented: the API's clients answer them, so their responses are the client's, not the API's errors", where)
		}
	})
}
