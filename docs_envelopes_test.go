package errgen

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// envelopeCatalog is a minimal catalog in the given format, so that a test
// can read the envelope errgen makes of it.
func envelopeCatalog(t *testing.T, format string) *catalog.Envelope {
	t.Helper()
	src := "version: 1\napi: Envelopes\nformat: " + format + "\ngo: {package: envelopeerrors}\n" +
		"errors:\n  - {code: INTERNAL, status: 500, fallback: true}\n"
	c, err := catalog.Parse("catalog.yaml", []byte(src))
	if err != nil {
		t.Fatalf("format: %s: %v", format, err)
	}
	return c.DefaultEnvelope
}

// envelopeMembers lists an envelope's members in the order it writes them:
// each name with "?" when the member is omitted when empty, "..." for a
// spread of the details.
func envelopeMembers(n *catalog.Node) []string {
	var members []string
	switch n.Kind {
	case catalog.KindObject:
		for _, m := range n.Members {
			if m.Spread {
				members = append(members, "...")
				continue
			}
			name := m.Key
			if m.Value.Kind == catalog.KindRef && m.Value.Ref.Optional {
				name += "?"
			}
			members = append(append(members, name), envelopeMembers(m.Value)...)
		}
	case catalog.KindArray:
		members = envelopeMembers(n.Elem)
	}
	return members
}

// docMember is one member of a body in the presets' table:
// "name", "name"?, "name": $ref, "name": $ref?, or a spread (...details).
var docMember = regexp.MustCompile(`"(\w+)"(\?)?(?::\s*\$[\w.]+(\?)?)?|\.\.\.`)

// TestEnvelopesDocPresets: docs/envelopes.md's table of presets gives each
// preset's media type and its body's members as Write sends them: in order,
// the optional ones marked, the spread of the details where it is.
func TestEnvelopesDocPresets(t *testing.T) {
	doc, err := os.ReadFile("docs/envelopes.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `(\\w+)` \\| ([^ |]+) \\| `(.+)` \\|$")
	documented := map[string]bool{}
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		name, mediaType, body := m[1], m[2], m[3]
		documented[name] = true
		env := envelopeCatalog(t, name)
		if env.MediaType != mediaType {
			t.Errorf("%s: the page says media type %s, errgen sends %s", name, mediaType, env.MediaType)
		}
		var said []string
		for _, mm := range docMember.FindAllStringSubmatch(body, -1) {
			if mm[0] == "..." {
				said = append(said, "...")
			} else {
				said = append(said, mm[1]+mm[2]+mm[3])
			}
		}
		if want := envelopeMembers(env.Body); !slices.Equal(said, want) {
			t.Errorf("%s: the page's body has members %s; errgen's has %s", name, strings.Join(said, " "), strings.Join(want, " "))
		}
	}
	for _, name := range catalog.PresetNames() {
		if !documented[name] {
			t.Errorf("docs/envelopes.md's table has no row for the preset %s", name)
		}
	}
}

// TestEnvelopesDocCustom: the custom envelope docs/envelopes.md shows is
// one errgen accepts, with the media type it names.
func TestEnvelopesDocCustom(t *testing.T) {
	doc, err := os.ReadFile("docs/envelopes.md")
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(doc)), " ")
	m := regexp.MustCompile("`format: (\\{[^`]+\\})`").FindStringSubmatch(flat)
	if m == nil {
		t.Fatal("docs/envelopes.md shows no custom envelope (`format: {…}`): update the test")
	}
	if env := envelopeCatalog(t, m[1]); env.MediaType != "application/json" || env.Name != "kestrel" {
		t.Errorf("docs/envelopes.md's custom envelope reads as %s, %s", env.Name, env.MediaType)
	}
}
