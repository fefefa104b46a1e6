package catalog

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// The committed JSON Schema names exactly the keys the loader reads, at
// every level, and the detail types and presets it knows: a key added to
// one and not the other fails here.
func TestSchemaKeysMatchLoader(t *testing.T) {
	data, err := os.ReadFile("../catalog.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	type object struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	var schema struct {
		object
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	props := func(raw json.RawMessage, path ...string) []string {
		for _, p := range path {
			var o object
			if err := json.Unmarshal(raw, &o); err != nil {
				t.Fatal(err)
			}
			raw = o.Properties[p]
			var items struct {
				Items json.RawMessage `json:"items"`
			}
			if json.Unmarshal(raw, &items) == nil && items.Items != nil {
				raw = items.Items
			}
		}
		var o object
		if err := json.Unmarshal(raw, &o); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range o.Properties {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return keys
	}
	root := json.RawMessage(data)
	lifecycle := []string{"deprecated", "replaced_by", "since", "retired"}
	tests := []struct {
		what string
		got  []string
		want []string
	}{
		{"catalog", props(root), append(slices.Clone(topKeys), includedKeys...)}, // one schema for root and included files
		{"request_id", props(root, "request_id"), requestIDKeys},
		{"go", props(root, "go"), goKeys},
		{"openapi", props(root, "openapi"), openAPIKeys},
		{"docs", props(root, "docs"), docsKeys},
		{"docs section", props(root, "docs", "sections"), sectionKeys},
		{"provider", props(root, "docs", "providers"), providerKeys},
		{"provider issue", props(root, "docs", "providers", "issues"), issueKeys},
		{"envelope", props(schema.Defs["envelope"]), formatKeys},
		{"error", props(schema.Defs["error"]), append(slices.Clone(errorKeys), lifecycle...)},
		{"troubleshooting row", props(schema.Defs["error"], "troubleshooting"), troubleshootKey},
		{"detail", props(schema.Defs["detail"]), detailKeys},
		{"grpc", props(root, "grpc"), grpcKeys},
		{"augment item", props(root, "openapi", "augment"), augmentKeys},
		{"group text", props(root, "docs", "groups"), groupTextKeys},
		{"help link", props(schema.Defs["error"], "help"), helpKeys},
	}
	for _, tt := range tests {
		want := slices.Compact(slices.Sorted(slices.Values(tt.want))) // lifecycle keys may be read already
		if !slices.Equal(tt.got, want) {
			t.Errorf("%s: the schema has %v, the loader reads %v", tt.what, tt.got, want)
		}
	}
	var detail struct {
		Properties struct {
			Type struct {
				Enum []string `json:"enum"`
			} `json:"type"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Defs["detail"], &detail); err != nil {
		t.Fatal(err)
	}
	if got := detail.Properties.Type.Enum; !slices.Equal(got, typeNames()) {
		t.Errorf("detail types: the schema has %v, the loader %v", got, typeNames())
	}
	for _, l := range lifecycle {
		if !contains(errorKeys, l) {
			t.Errorf("lifecycle key %s is not read by the loader", l)
		}
	}
}

// The translation files' schema names exactly the keys the loader reads.
func TestTranslationSchemaKeysMatchLoader(t *testing.T) {
	data, err := os.ReadFile("../translation.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	type node struct {
		Properties           map[string]*node `json:"properties"`
		Items                *node            `json:"items"`
		AdditionalProperties json.RawMessage  `json:"additionalProperties"`
		Defs                 map[string]*node `json:"$defs"`
	}
	var root node
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	keys := func(n *node) []string {
		var ks []string
		for k := range n.Properties {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	var detail node
	if err := json.Unmarshal(root.Defs["entry"].Properties["details"].AdditionalProperties, &detail); err != nil {
		t.Fatal(err)
	}
	docs := root.Properties["docs"]
	tests := []struct {
		what string
		got  *node
		want []string
	}{
		{"translation file", &root, translationKeys},
		{"docs", docs, translationDocsKeys},
		{"section", docs.Properties["sections"].Items, sectionKeys},
		{"provider", docs.Properties["providers"].Items, providerTransKeys},
		{"issue", docs.Properties["providers"].Items.Properties["issues"].Items, issueTransKeys},
		{"entry", root.Defs["entry"], entryKeys},
		{"troubleshooting row", root.Defs["entry"].Properties["troubleshooting"].Items, troubleshootKey},
		{"detail", &detail, detailTransKeys},
	}
	for _, tt := range tests {
		if got, want := keys(tt.got), slices.Sorted(slices.Values(tt.want)); !slices.Equal(got, want) {
			t.Errorf("%s: the schema has %v, the loader reads %v", tt.what, got, want)
		}
	}
}
