package augment

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// kinPaths and kinComponents find the place a kin-openapi validation error
// names: an operation, or a component.
var (
	kinPaths      = regexp.MustCompile(`^invalid paths: invalid path ([^ ]+): invalid operation ([A-Z]+)`)
	kinComponents = regexp.MustCompile(`^invalid components: (schema|response|parameter|example|requestBody|header|securityScheme|link|callback) "([^"]+)"`)
)

// kinPlace is the node of the input that a kin-openapi error is about, or
// nil: kin-openapi's errors carry no position, but name the operation or
// the component. The input is parsed again: its tree was let go before
// validation, which only fails this way when something is wrong.
func (a *augmenter) kinPlace(input []byte, isJSON bool, err error) *yaml.Node {
	if err == nil {
		return nil
	}
	file, perr := readSpec(input, isJSON, a.specName)
	if perr != nil {
		return nil
	}
	return kinPlaceIn(file.Content[0], err.Error())
}

func kinPlaceIn(root *yaml.Node, msg string) *yaml.Node {
	if m := kinPaths.FindStringSubmatch(msg); m != nil {
		item := memberValue(memberValue(root, "paths"), m[1])
		if item == nil || item.Kind != yaml.MappingNode {
			return nil
		}
		return keyNode(item, strings.ToLower(m[2]))
	}
	if m := kinComponents.FindStringSubmatch(msg); m != nil {
		if section := memberValue(memberValue(root, "components"), m[1]+"s"); section != nil && section.Kind == yaml.MappingNode {
			return keyNode(section, m[2])
		}
	}
	return nil
}
