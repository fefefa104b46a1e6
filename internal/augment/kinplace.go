package augment

import (
	"errors"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// kinPaths and kinComponents find the place a kin-openapi validation error
// names: an operation, or a component.
var (
	kinPaths      = regexp.MustCompile(`^invalid paths: invalid path ([^ ]+): invalid operation ([A-Z]+)`)
	kinPathParams = regexp.MustCompile(`^invalid paths: operation ([A-Z]+) ([^ ]+) must define exactly all path parameters`)
	kinComponents = regexp.MustCompile(`^invalid components: (schema|response|parameter|example|requestBody|header|securityScheme|link|callback) "([^"]+)"`)
	// kinExternalRef is the loader's refusal of a reference to another
	// file, the reference quoted as Go quotes it.
	kinExternalRef = regexp.MustCompile(`encountered disallowed external reference: ("(?:[^"\\]|\\.)*")`)
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
	if ref := externalRef(errors.New(msg)); ref != "" {
		return refNode(root, ref)
	}
	if m := kinPathParams.FindStringSubmatch(msg); m != nil {
		m[1], m[2] = m[2], m[1]
		return operationKey(root, m)
	}
	if m := kinPaths.FindStringSubmatch(msg); m != nil {
		return operationKey(root, m)
	}
	if m := kinComponents.FindStringSubmatch(msg); m != nil {
		if section := memberValue(memberValue(root, "components"), m[1]+"s"); section != nil && section.Kind == yaml.MappingNode {
			return keyNode(section, m[2])
		}
	}
	return nil
}

// operationKey is the key of the operation m[2] (a method) of the path m[1].
func operationKey(root *yaml.Node, m []string) *yaml.Node {
	item := memberValue(memberValue(root, "paths"), m[1])
	if item == nil || item.Kind != yaml.MappingNode {
		return nil
	}
	return keyNode(item, strings.ToLower(m[2]))
}

// refNode is the value of the first $ref member, in the document's order,
// that reads ref; nil when none does (an alias's target is read where it
// is written).
func refNode(n *yaml.Node, ref string) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "$ref" && v.Kind == yaml.ScalarNode && v.Value == ref {
				return v
			}
		}
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode || n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			if found := refNode(c, ref); found != nil {
				return found
			}
		}
	}
	return nil
}
