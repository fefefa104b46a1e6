package augment

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
)

// isSubsequence reports whether every byte of in appears in out, in order.
func isSubsequence(in, out []byte) bool {
	i := 0
	for j := 0; i < len(in) && j < len(out); j++ {
		if in[i] == out[j] {
			i++
		}
	}
	return i == len(in)
}

// firstLost is where in stops being a subsequence of out, for messages.
func firstLost(in, out []byte) string {
	i := 0
	for j := 0; i < len(in) && j < len(out); j++ {
		if in[i] == out[j] {
			i++
		}
	}
	return fmt.Sprintf("byte %d of the input (%q) is missing", i, in[i:min(i+40, len(in))])
}

// specData parses a spec the way Augment does.
func specData(t *testing.T, data []byte) *yaml.Node {
	t.Helper()
	body, _ := bytes.CutPrefix(data, []byte("\ufeff"))
	isJSON := bytes.HasPrefix(bytes.TrimSpace(body), []byte("{"))
	file, err := readSpec(body, isJSON, "spec")
	if err != nil {
		t.Fatal(err)
	}
	return file.Content[0]
}

// extraAllowed tells where errgen may add members: a document's components,
// their responses and schemas, an operation's responses, and the
// responses themselves.
func extraAllowed(path []string) bool {
	p := strings.Join(path, "/")
	switch {
	case p == "" || p == "components" || p == "components/responses" || p == "components/schemas":
		return true
	case len(path) == 3 && path[0] == "paths" && httpMethods[path[2]]:
		return true // responses
	case len(path) == 4 && path[0] == "paths" && path[3] == "responses":
		return true
	}
	return false
}

// containsData reports the first place where out's data lacks in's: every
// member and item of in must be in out with the same value; out may only
// have members errgen adds.
func containsData(in, out *yaml.Node, path []string) error {
	in, out = deref(in), deref(out)
	where := "/" + strings.Join(path, "/")
	if in.Kind != out.Kind {
		return fmt.Errorf("%s: kind %v became %v", where, in.Kind, out.Kind)
	}
	switch in.Kind {
	case yaml.ScalarNode:
		if in.ShortTag() != out.ShortTag() || in.Value != out.Value {
			return fmt.Errorf("%s: %s %q became %s %q", where, in.ShortTag(), in.Value, out.ShortTag(), out.Value)
		}
	case yaml.SequenceNode:
		if len(in.Content) != len(out.Content) {
			return fmt.Errorf("%s: %d items became %d", where, len(in.Content), len(out.Content))
		}
		for i := range in.Content {
			if err := containsData(in.Content[i], out.Content[i], append(slices.Clip(path), fmt.Sprint(i))); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		seen := map[string]bool{}
		for i := 0; i+1 < len(in.Content); i += 2 {
			key := in.Content[i].Value
			seen[key] = true
			v := memberValue(out, key)
			if v == nil {
				return fmt.Errorf("%s: member %q lost", where, key)
			}
			if err := containsData(in.Content[i+1], v, append(slices.Clip(path), key)); err != nil {
				return err
			}
		}
		for i := 0; i+1 < len(out.Content); i += 2 {
			if key := out.Content[i].Value; !seen[key] && !extraAllowed(path) {
				return fmt.Errorf("%s: member %q added where errgen adds nothing", where, key)
			}
		}
	}
	return nil
}

// namedSchema is how a description sends readers to a schema ("one of
// ErrorCode.").
var namedSchema = regexp.MustCompile(`\bone of ([A-Z][A-Za-z0-9_]*)\.`)

// missingNamedSchemas are the schemas that descriptions in spec name and
// its components.schemas lacks, each with the description's path.
func missingNamedSchemas(spec *yaml.Node) []string {
	schemas := memberValue(memberValue(spec, "components"), "schemas")
	var missing []string
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value != "description" || v.Kind != yaml.ScalarNode {
				walk(v, path+"/"+k.Value)
				continue
			}
			for _, m := range namedSchema.FindAllStringSubmatch(v.Value, -1) {
				if memberValue(schemas, m[1]) == nil {
					missing = append(missing, path+": "+m[1])
				}
			}
		}
		for i := 0; n.Kind == yaml.SequenceNode && i < len(n.Content); i++ {
			walk(n.Content[i], fmt.Sprintf("%s/%d", path, i))
		}
	}
	walk(spec, "")
	return missing
}

// checkAugmented asserts what every augmentation guarantees: the input is
// a subsequence of the output, its data are all there, what errgen wrote
// names no schema the output lacks, and augmenting the output again
// changes nothing.
func checkAugmented(t *testing.T, c *catalog.Catalog, in, out []byte, name string, opts Options) {
	t.Helper()
	if !opts.Force && !isSubsequence(in, out) {
		t.Errorf("the input is not a subsequence of the output: %s", firstLost(in, out))
	}
	if err := containsData(specData(t, in), specData(t, out), nil); err != nil && !opts.Force {
		t.Errorf("data changed: %v", err)
	}
	if missing := slices.DeleteFunc(missingNamedSchemas(specData(t, out)), func(m string) bool {
		return slices.Contains(missingNamedSchemas(specData(t, in)), m)
	}); len(missing) > 0 {
		t.Errorf("descriptions errgen wrote name schemas the spec lacks: %v", missing)
	}
	again, _, err := Augment(c, out, name, opts)
	if err != nil {
		t.Fatalf("augmenting the output again: %v", err)
	}
	if !bytes.Equal(again, out) {
		t.Errorf("augmenting the output again changes it:\n%s", udiff.Unified("once", "twice", string(out), string(again)))
	}
}

// Every real spec of testdata/real (see its README) is augmented keeping its text (the input is a subsequence of the output),
// its data, and validity; augmenting again changes nothing. The small ones
// have goldens in testdata/golden-real.
func TestAugmentRealSpecs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(specs, "real/*.*"))
	if err != nil {
		t.Fatal(err)
	}
	c := mustLoadCatalog(t, "catalog.yaml")
	for _, path := range files {
		if filepath.Ext(path) == ".md" {
			continue
		}
		t.Run(path, func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if (testing.Short() || raceEnabled) && len(in) > 1<<20 {
				t.Skip("a big spec: kin-openapi takes seconds to validate it (minutes with -race)")
			}
			name := filepath.Base(path)
			// tictactoe.yaml is not valid as published
			opts := Options{AllowInvalidSpec: invalidAsPublished[name]}
			c := realSpecCatalog(c, name)
			out, _, err := Augment(c, in, name, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !opts.AllowInvalidSpec && len(in) < 1<<20 {
				loadValidOpenAPI(t, out)
			}
			checkAugmented(t, c, in, out, name, opts)
			if len(in) < 1<<20 {
				checkGolden(t, filepath.Join(specs, "golden-real", name), out)
			}
		})
	}
}

func checkGolden(t *testing.T, path string, out []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	golden, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Augment ./internal/augment -update)", err)
	}
	if !bytes.Equal(golden, out) {
		t.Errorf("%s is stale (run go test -run Augment ./internal/augment -update):\n%s", path, udiff.Unified(path, "augmented", string(golden), string(out)))
	}
}

// realSpecCatalog is c for augmenting the real spec name: with a prefix
// for the museum, which has responses named BadRequest, Unauthorized and
// NotFound of its own, as the docs tell a user to do.
// invalidAsPublished are the real specs kin-openapi finds invalid as their
// publishers wrote them: tictactoe.yaml, and Kubernetes' defaults that do
// not match their own schemas.
var invalidAsPublished = map[string]bool{"tictactoe.yaml": true, "kubernetes-core-v1.json": true}

func realSpecCatalog(c *catalog.Catalog, name string) *catalog.Catalog {
	if name != "museum.yaml" {
		return c
	}
	prefixed := *c
	prefixed.OpenAPI.Prefix = "Api"
	return &prefixed
}
