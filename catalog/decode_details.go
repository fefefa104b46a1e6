package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// usableName reports whether d, read from n, has a name a detail can
// have, and reports why not; nameNode is the name key's value, nil when
// there is none.
func (cr *catalogReader) usableName(n, nameNode *yaml.Node, d *Detail) bool {
	switch {
	case d.Name != "" && namePattern.MatchString(d.Name):
		return true
	case d.Name != "":
		cr.probs.add(d.Pos, "detail name %q must start with an ASCII letter and hold only ASCII letters, digits and _: rename it", d.Name)
	case nameNode == nil:
		cr.probs.hint(posOf(n), ": add name: the detail's name, such as resource_id", "detail: missing required key \"name\"")
	case nameNode.Kind == yaml.ScalarNode && nameNode.ShortTag() == "!!str":
		cr.probs.add(d.Pos, "detail name is empty: give the detail its name")
	} // else str said what the name's value is instead
	return false
}

// detail reads one detail, or returns nil when it has no usable name.
func (cr *catalogReader) detail(n *yaml.Node) *Detail {
	d := &Detail{Pos: posOf(n)}
	var example, enum, fields *yaml.Node
	var nameNode *yaml.Node // the value of the detail's name key, even one str refused
	var buf [fieldsOnStack]field
	for _, f := range cr.fieldsIn(buf[:0], n, "detail", detailKeys, nil) {
		switch f.key {
		case "name":
			d.Name = cr.str(f.value, "detail name")
			d.Pos, nameNode = posOf(f.value), f.value
		case "type":
			t := cr.str(f.value, "detail type")
			d.Type = DetailType(t)
			if t != "" && !detailTypeKnown(d.Type) {
				cr.probs.add(posOf(f.value), "detail type %q is not one of %s%s", t, strings.Join(typeNames(), ", "), cr.probs.suggestKey(t, typeNames()))
				d.Type = ""
			}
		case "required":
			d.Required = cr.boolean(f.value, "detail required")
		case "description":
			d.Description = cr.str(f.value, "detail description")
		case "example":
			example = f.value
		case "enum":
			enum = f.value
		case "fields":
			fields = f.value
		case "grpc":
			cr.detailGRPC(f.value, d)
		}
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if !cr.usableName(n, nameNode, d) {
		return nil
	}
	if d.Type == "" {
		if !cr.hasKey(n, "type") {
			cr.probs.hint(posOf(n), ": add type: one of "+strings.Join(typeNames(), ", "), "detail %q: missing required key \"type\"", d.Name)
		}
		return d
	}
	if enum != nil {
		d.Enum = cr.enum(enum, d)
	}
	if fields != nil {
		d.Fields = cr.objectFields(fields, d)
	}
	if example != nil {
		d.Example = cr.example(example, d)
	}
	return d
}

// enum reads the allowed values of a string detail: a list of {value,
// description} mappings, or of bare strings when the values need no
// description. Each value must be a non-empty string.
func (cr *catalogReader) enum(n *yaml.Node, d *Detail) []EnumValue {
	if d.Type != TypeString {
		cr.probs.add(posOf(n), "detail %q: enum is only for string details, not %s: drop the enum or make the detail a string", d.Name, d.Type)
		return nil
	}
	items := cr.list(n, fmt.Sprintf("detail %q: enum", d.Name))
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		cr.probs.add(posOf(n), "detail %q: enum is empty: list the allowed values, or drop it", d.Name)
		return nil
	}
	values := make([]EnumValue, 0, len(items))
	for _, item := range items {
		v := EnumValue{Pos: posOf(item)}
		valueNode := item
		if item.Kind == yaml.MappingNode {
			valueNode = nil
			for _, f := range cr.fields(item, fmt.Sprintf("detail %q: enum value", d.Name), enumKeys, nil) {
				switch f.key {
				case "value":
					valueNode = f.value
				case "description":
					v.Description = cr.str(f.value, "enum value description")
				}
			}
			if valueNode == nil {
				cr.probs.hint(posOf(item), ": add value: the value sent on the wire, or write the item as the value alone", "detail %q: enum value: missing required key \"value\"", d.Name)
				continue
			}
		}
		v.Value = cr.str(valueNode, fmt.Sprintf("detail %q: enum value", d.Name))
		v.Pos = posOf(valueNode)
		if v.Value == "" {
			if valueNode.Kind == yaml.ScalarNode && valueNode.ShortTag() == "!!str" {
				cr.probs.add(v.Pos, "detail %q: an enum value is empty: remove it or fill it in", d.Name)
			}
			continue
		}
		values = append(values, v)
	}
	return values
}

func (cr *catalogReader) hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func detailTypeKnown(t DetailType) bool {
	for _, k := range detailTypes {
		if k == t {
			return true
		}
	}
	return false
}

func typeNames() []string {
	out := make([]string, len(detailTypes))
	for i, t := range detailTypes {
		out[i] = string(t)
	}
	return out
}

// example reads an example value of the detail's type.
func (cr *catalogReader) example(n *yaml.Node, d *Detail) any {
	if !exampleShapeFits(n, d.Type) {
		cr.probs.add(posOf(n), "%s", exampleMismatch(n, d))
		return nil
	}
	switch d.Type {
	case TypeString:
		return cr.exampleString(n, d)
	case TypeInteger:
		return cr.exampleInteger(n, d)
	case TypeNumber:
		return cr.exampleNumber(n, d)
	case TypeBoolean:
		var v bool
		_ = n.Decode(&v)
		return v
	case TypeStrings:
		return cr.exampleStrings(n, d)
	case TypeStringMap:
		return cr.exampleStringMap(n, d)
	case TypeObject, TypeObjects, TypeAny:
		return cr.exampleJSON(n, d)
	}
	return nil
}

// exampleShapeFits reports whether an example is a node of the kind and
// tag its type takes. exampleJSON checks those of JSON types itself.
func exampleShapeFits(n *yaml.Node, t DetailType) bool {
	scalar := func(tags ...string) bool { return n.Kind == yaml.ScalarNode && slices.Contains(tags, n.ShortTag()) }
	switch t {
	case TypeString:
		return scalar("!!str")
	case TypeInteger:
		return scalar("!!int")
	case TypeNumber:
		return scalar("!!int", "!!float")
	case TypeBoolean:
		return scalar("!!bool")
	case TypeStrings:
		return n.Kind == yaml.SequenceNode
	case TypeStringMap:
		return n.Kind == yaml.MappingNode
	}
	return true
}

// exampleString reads a string example, one of the enum values if any.
func (cr *catalogReader) exampleString(n *yaml.Node, d *Detail) any {
	if len(d.Enum) > 0 && !slices.ContainsFunc(d.Enum, func(v EnumValue) bool { return v.Value == n.Value }) {
		cr.probs.add(posOf(n), "detail %q: example %q is not one of its enum values: use one of them, or add it to the enum", d.Name, n.Value)
		return nil
	}
	return n.Value
}

// exampleInteger reads an integer example of 64 bits.
func (cr *catalogReader) exampleInteger(n *yaml.Node, d *Detail) any {
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil {
		cr.probs.add(posOf(n), "detail %q: example %q does not fit in 64 bits: use a smaller number, or type number", d.Name, n.Value)
		return nil
	}
	return v
}

// exampleNumber reads a finite number example, which JSON can hold.
func (cr *catalogReader) exampleNumber(n *yaml.Node, d *Detail) any {
	var v float64
	if err := n.Decode(&v); err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		cr.probs.add(posOf(n), "detail %q: example %q is not a finite number: JSON has no infinity or NaN; use a finite one", d.Name, n.Value)
		return nil
	}
	return v
}

// exampleStrings reads a string[] example, a list of strings.
func (cr *catalogReader) exampleStrings(n *yaml.Node, d *Detail) any {
	out := []string{}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.ShortTag() != "!!str" {
			cr.probs.add(posOf(item), "detail %q is of type string[], but an item of its example is %s: quote it", d.Name, kindName(item))
			return nil
		}
		out = append(out, item.Value)
	}
	return out
}

// exampleStringMap reads a map[string]string example, a mapping of strings.
func (cr *catalogReader) exampleStringMap(n *yaml.Node, d *Detail) any {
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
			cr.probs.add(posOf(v), "detail %q is of type map[string]string, but its example's %q is %s: give it a string", d.Name, k.Value, kindName(v))
			return nil
		}
		out[k.Value] = v.Value
	}
	return out
}

// exampleOf says what an example of each type looks like.
var exampleOf = map[DetailType]string{
	TypeString:    "a string (quote it)",
	TypeInteger:   "a whole number such as 30",
	TypeNumber:    "a number such as 1.5",
	TypeBoolean:   "true or false",
	TypeStrings:   "a list of strings such as [a, b]",
	TypeStringMap: "a mapping of strings such as {field: message}",
	TypeObject:    "a mapping such as {field: value}",
	TypeObjects:   "a list of mappings such as [{field: value}]",
}

// exampleMismatch says that an example is not of its detail's type, and
// what to write instead.
func exampleMismatch(n *yaml.Node, d *Detail) string {
	got := kindName(n)
	switch tag := n.ShortTag(); {
	case n.Kind != yaml.ScalarNode || tag == "!!null":
	case d.Type == TypeInteger && tag == "!!float":
		return fmt.Sprintf("detail %q is of type integer, but its example %s is not a whole number of 64 bits: write one such as 30, or use type number", d.Name, n.Value)
	case tag == "!!str":
		got = fmt.Sprintf("the string %q", n.Value)
	default:
		got = "the " + strings.TrimPrefix(strings.TrimPrefix(got, "an "), "a ") + " " + n.Value
	}
	return fmt.Sprintf("detail %q is of type %s, but its example is %s: write %s, or change the type", d.Name, d.Type, got, exampleOf[d.Type])
}

// exampleJSON reads the example of an object, object[] or any detail as
// JSON: an object's must be a mapping, an object[]'s a list of mappings.
func (cr *catalogReader) exampleJSON(n *yaml.Node, d *Detail) any {
	switch {
	case d.Type == TypeObject && n.Kind != yaml.MappingNode,
		d.Type == TypeObjects && n.Kind != yaml.SequenceNode:
		cr.probs.add(posOf(n), "%s", exampleMismatch(n, d))
		return nil
	case d.Type == TypeObjects:
		for _, item := range n.Content {
			if item.Kind != yaml.MappingNode {
				cr.probs.add(posOf(item), "detail %q is of type object[], but an item of its example is %s: make each item a mapping", d.Name, kindName(item))
				return nil
			}
		}
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, n); err != nil {
		cr.probs.add(posOf(n), "detail %q: example: %v", d.Name, err)
		return nil
	}
	return ExampleJSON(buf.Bytes())
}

// writeJSON writes a YAML node as compact JSON, keeping mapping order (which
// encoding/json's maps would lose).
func writeJSON(buf *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				buf.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			buf.Write(k)
			buf.WriteByte(':')
			if err := writeJSON(buf, n.Content[i+1]); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, item := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeJSON(buf, item); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		var v any
		if err := n.Decode(&v); err != nil {
			return err
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("%q is not representable in JSON", n.Value)
		}
		buf.Write(b)
	default:
		return fmt.Errorf("unexpected %s", kindName(n))
	}
	return nil
}

// objectFields reads the fields of an object or object[] detail: each is
// read as a detail is, nesting allowed, and their names are unique.
func (cr *catalogReader) objectFields(n *yaml.Node, d *Detail) []*Detail {
	if d.Type != TypeObject && d.Type != TypeObjects {
		cr.probs.add(posOf(n), "detail %q: fields are only for object and object[] details, not %s: drop them or make the detail an object", d.Name, d.Type)
		return nil
	}
	if cr.tooDeep(n, d.Name) {
		return nil
	}
	items := cr.list(n, fmt.Sprintf("detail %q: fields", d.Name))
	if n.Kind == yaml.SequenceNode && len(items) == 0 {
		cr.probs.add(posOf(n), "detail %q: fields is empty: list the members, or drop it for a free-form object", d.Name)
		return nil
	}
	cr.fieldDepth++
	defer func() { cr.fieldDepth-- }()
	var fields []*Detail
	seen := map[string]bool{}
	for _, item := range items {
		f := cr.detail(item)
		if f == nil {
			continue
		}
		if pos, ok := cr.detailGRPCPos[f]; ok {
			cr.probs.add(pos, "detail %q: field %q: grpc is only for an error's own details, not the fields of their objects: move it to the detail", d.Name, f.Name)
			delete(cr.detailGRPCPos, f)
			f.GRPC = ""
		}
		if seen[strings.ToLower(f.Name)] || seen[GoName(f.Name)] {
			cr.probs.add(f.Pos, "detail %q: field %q is declared twice (Go and JSON match names without case, Go names as GoName spells them): remove one", d.Name, f.Name)
			continue
		}
		seen[strings.ToLower(f.Name)], seen[GoName(f.Name)] = true, true
		fields = append(fields, f)
	}
	return fields
}
