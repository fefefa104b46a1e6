package catalog

import "go.yaml.in/yaml/v3"

// MaxErrors is the most items a catalog's errors list may hold, retired
// codes included. Generating costs time and memory in proportion to the
// errors (docs/performance.md), and the generated Go package's build time
// too: far beyond the largest real catalogs, a list this long is a mistake
// or an attack, and a catalog past it is refused before it is decoded.
const MaxErrors = 50_000

// tooManyErrors reports, at the errors list of the catalog's top mapping
// top, a list longer than MaxErrors, and whether it did.
func (r *nodeReader) tooManyErrors(top *yaml.Node) bool {
	if top.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		list := top.Content[i+1]
		if top.Content[i].Value != "errors" || list.Kind != yaml.SequenceNode || len(list.Content) <= MaxErrors {
			continue
		}
		r.probs.add(posOf(list), "errors: the list holds %d errors, more than errgen's limit of %d (catalog.MaxErrors): "+
			"split the API's errors into several catalogs, one per service or domain, each generating its own package",
			len(list.Content), MaxErrors)
		return true
	}
	return false
}
