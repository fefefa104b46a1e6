package markdown

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// The translation files' schema names every word of the page, with its
// English text, and no other: an editor completes page: keys, and flags
// an unknown one as errgen validate does ("page: unknown word").
func TestTranslationSchemaWords(t *testing.T) {
	data, err := os.ReadFile("../../translation.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Page struct {
				AdditionalProperties json.RawMessage `json:"additionalProperties"`
				Properties           map[string]struct {
					Description string `json:"description"`
				} `json:"properties"`
			} `json:"page"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	page := schema.Properties.Page
	if string(page.AdditionalProperties) != "false" {
		t.Errorf("page takes other keys (additionalProperties %s): the loader refuses them", page.AdditionalProperties)
	}
	var keys []string
	for k := range page.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := slices.Sorted(slices.Values(wordKeys())); !slices.Equal(keys, want) {
		t.Errorf("the schema's page words are %v, the page's %v", keys, want)
	}
	for _, row := range wordTable {
		if got := page.Properties[row.key].Description; got != row.en {
			t.Errorf("page.%s: the schema describes it %q, the page's English is %q", row.key, got, row.en)
		}
	}
}
