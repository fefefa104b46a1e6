package catalogtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// Schema is the catalog's JSON Schema, compiled by a real validator.
type Schema struct {
	s *jsonschema.Schema
}

// CompileSchema compiles the catalog's schema (errgen.Schema(), which this
// package cannot import: errgen's own tests import it), found at url.
func CompileSchema(schema []byte, url string) (*Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, err
	}
	return &Schema{s: s}, nil
}

// Validate checks a YAML catalog against the schema, as an editor's YAML
// language server does: the document is read as YAML, then judged as the
// JSON value it denotes. A document that is not YAML, or holds a value
// JSON cannot (.inf), fails too, and so does one that goes on after its
// top-level value has ended ("  a: 1\n b: 2"), which yaml.Unmarshal would
// read without the rest.
func (s *Schema) Validate(catalogYAML []byte) error {
	var v any
	dec := yaml.NewDecoder(bytes.NewReader(catalogYAML))
	if err := dec.Decode(&v); err != nil && err != io.EOF {
		return fmt.Errorf("not YAML: %w", err)
	}
	var rest yaml.Node
	if err := dec.Decode(&rest); err != nil && err != io.EOF {
		return fmt.Errorf("not YAML: %w", err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.s.Validate(inst)
}
