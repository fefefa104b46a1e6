// Package interop holds errgen's generator test: the OpenAPI errgen writes,
// fed to the code generators people use (oapi-codegen and ogen, at the
// versions pinned by this module's tool directives), must give code that
// builds, and a client generated from it must decode every error a server
// writes through the generated Go package.
//
// It is a module of its own so that the generators and their dependencies
// are never required by errgen's users; run it with
//
//	cd internal/interop && go test ./...
package interop

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
)

// root is errgen's module root, relative to this package's directory.
const root = "../.."

// spec is one OpenAPI document given to the generators.
type spec struct {
	name string // case name
	file string // file name, with the extension the generators read it by
	data []byte
	cat  *catalog.Catalog // for a wrapped components document; nil for a golden
}

// catalogs lists every catalog errgen ships: the bundled one, the presets,
// the one served in several languages and the examples of the seed
// systems.
func catalogs(t *testing.T) map[string]string {
	t.Helper()
	list := map[string]string{"bundled": filepath.Join(root, "catalog.yaml"), "languages": filepath.Join(root, "testdata/languages/catalog.yaml")}
	presets, err := filepath.Glob(filepath.Join(root, "testdata/presets/*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range presets {
		list["preset-"+strings.TrimSuffix(filepath.Base(p), ".yaml")] = p
	}
	examples, err := filepath.Glob(filepath.Join(root, "examples/*/catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range examples {
		list["example-"+filepath.Base(filepath.Dir(p))] = p
	}
	if len(presets) == 0 || len(examples) == 0 {
		t.Fatalf("no presets or no examples found under %s", root)
	}
	return list
}

// components generates the OpenAPI components document of a catalog through
// errgen's public API.
func components(t *testing.T, path string) (*catalog.Catalog, []byte) {
	t.Helper()
	c, err := catalog.Load(path, errgen.Check)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	files, err := errgen.Generate(c, errgen.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, f := range files {
		if f.Output == errgen.OutputOpenAPI {
			return c, f.Data
		}
	}
	t.Fatalf("%s: errgen.Generate returned no OpenAPI document", path)
	return nil, nil
}

// responseName is the name errgen gives the response of a status (its reason
// phrase, letters and digits only), so the wrapper can tell which status each
// components.responses entry is for.
func responseName(prefix string, status int) string {
	var b strings.Builder
	for _, r := range http.StatusText(status) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return prefix + "Status" + strconv.Itoa(status)
	}
	return prefix + b.String()
}

// wrap turns a components document into a minimal spec: one operation,
// GET /errors/{code}, whose responses reference every entry of
// components.responses (a generator may skip a response nothing uses), each
// under its status, and the fallback's "Default" under "default".
func wrap(t *testing.T, c *catalog.Catalog, doc []byte) []byte {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(doc, &n); err != nil {
		t.Fatal(err)
	}
	top := n.Content[0]
	comps := member(top, "components")
	if comps == nil {
		t.Fatal("the document has no components")
	}
	resps := member(comps, "responses")
	if resps == nil {
		t.Fatal("the document has no components.responses")
	}
	statusOf := map[string]int{}
	for _, e := range c.Errors {
		statusOf[responseName(c.OpenAPI.Prefix, e.Status)] = e.Status
	}
	var responses []*yaml.Node
	for i := 0; i < len(resps.Content); i += 2 {
		name := resps.Content[i].Value
		key := "default"
		if s, ok := statusOf[name]; ok {
			key = strconv.Itoa(s)
		} else if name != c.OpenAPI.Prefix+"Default" {
			t.Fatalf("components.responses.%s: no catalog status has this name", name)
		}
		responses = append(responses, str(key), mapping(str("$ref"), str("#/components/responses/"+name)))
	}
	op := mapping(
		str("operationId"), str("getError"),
		str("summary"), str("Answers with the error of the given code."),
		str("parameters"), &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{mapping(
			str("name"), str("code"), str("in"), str("path"),
			str("required"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"},
			str("schema"), mapping(str("type"), str("string")),
		)}},
		str("responses"), mapping(responses...),
	)
	paths := mapping(str("/errors/{code}"), mapping(str("get"), op))
	if p := member(top, "paths"); p != nil {
		*p = *paths
	} else {
		top.Content = append(top.Content, str("paths"), paths)
	}
	out, err := yaml.Marshal(&n)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func member(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func mapping(kv ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: kv}
}

// specs is every document the generators are given: each catalog's
// components document wrapped into a minimal spec, and each augmented golden
// spec of internal/openapi.
func specs(t *testing.T) []spec {
	t.Helper()
	var list []spec
	for name, path := range catalogs(t) {
		c, doc := components(t, path)
		list = append(list, spec{name: name, file: "openapi.yaml", data: wrap(t, c, doc), cat: c})
	}
	goldens, err := filepath.Glob(filepath.Join(root, "internal/openapi/testdata/golden/*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(g)
		list = append(list, spec{name: "golden-" + base, file: "openapi" + filepath.Ext(base), data: data})
	}
	if len(goldens) == 0 {
		t.Fatal("no augmented golden specs found")
	}
	return list
}

// A generator turns a spec into a Go package in dir.
type generator struct {
	name string
	args func(specFile, dir string) []string // the go tool command line
}

var generators = []generator{
	{"oapi-codegen", func(specFile, dir string) []string {
		return []string{"oapi-codegen", "-generate", "types,client,std-http-server,strict-server",
			"-package", "api", "-o", filepath.Join(dir, "api.gen.go"), specFile}
	}},
	{"ogen", func(specFile, dir string) []string {
		return []string{"ogen", "--target", dir, "--package", "api", "--clean", specFile}
	}},
}

// scratch is a module in a temporary directory, with this module's
// requirements and go.sum, so the generated packages build against the
// runtimes pinned here and nothing is fetched but what go.sum names.
type scratch struct {
	dir string
}

var (
	scratchOnce sync.Once
	scratchMod  scratch
	scratchErr  error
)

// newScratch makes the scratch module once per test binary and builds the
// generators' runtime packages in it, so that parallel cases share them.
func newScratch(t *testing.T) scratch {
	t.Helper()
	scratchOnce.Do(func() {
		scratchMod, scratchErr = makeScratch()
	})
	if scratchErr != nil {
		t.Fatal(scratchErr)
	}
	return scratchMod
}

var moduleLine = regexp.MustCompile(`(?m)^module .*$`)

func makeScratch() (scratch, error) {
	dir, err := os.MkdirTemp("", "errgen-interop-")
	if err != nil {
		return scratch{}, err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return scratch{}, err
	}
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		return scratch{}, err
	}
	mod = moduleLine.ReplaceAll(mod, []byte("module interopscratch"))
	mod = bytes.ReplaceAll(mod, []byte("=> ../.."), []byte("=> "+abs))
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return scratch{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644); err != nil {
		return scratch{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		return scratch{}, err
	}
	s := scratch{dir: dir}
	// The runtimes the generated code imports, built once before the cases
	// build in parallel.
	if out, err := s.goCmd(append([]string{"build"}, runtimePackages...)...); err != nil {
		return scratch{}, fmt.Errorf("building the generators' runtimes: %v\n%s", err, out)
	}
	return s, nil
}

// goCmd runs the go command in the scratch module.
func (s scratch) goCmd(args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=readonly"))
	return cmd.CombinedOutput()
}

// generate runs a pinned generator (go tool, in this module) on sp, writing
// a package into a new directory of the scratch module, and returns the
// directory, relative to the module.
func generate(t *testing.T, s scratch, g generator, sp spec) (string, error) {
	t.Helper()
	rel := filepath.Join(g.name, sp.name)
	dir := filepath.Join(s.dir, rel)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	specFile := filepath.Join(s.dir, "specs", g.name+"-"+sp.name, sp.file)
	if err := os.MkdirAll(filepath.Dir(specFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(specFile, sp.data, 0o644); err != nil {
		t.Fatal(err)
	}
	return rel, runTool(g.args(specFile, dir))
}

// runTool runs one of this module's pinned tools: go tool, here.
func runTool(args []string) error {
	cmd := exec.Command("go", append([]string{"tool"}, args...)...)
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s failed: %v\n%s", args[0], err, out)
	}
	return nil
}

// TestGenerators gives every spec to every generator and builds the result.
func TestGenerators(t *testing.T) {
	if testing.Short() {
		t.Skip("generating and building code for every catalog takes minutes")
	}
	list := specs(t)
	s := newScratch(t)
	for _, g := range generators {
		for _, sp := range list {
			t.Run(g.name+"/"+sp.name, func(t *testing.T) {
				t.Parallel()
				rel, err := generate(t, s, g, sp)
				if err != nil {
					t.Fatalf("%s\nspec: %s (INTEROP_KEEP=1 keeps it)", firstLines(err.Error(), 30), filepath.Join(s.dir, "specs", g.name+"-"+sp.name, sp.file))
				}
				if out, err := s.goCmd("build", "./"+filepath.ToSlash(rel)); err != nil {
					t.Fatalf("go build of the %s output failed: %v\n%s", g.name, err, firstLines(string(out), 20))
				}
			})
		}
	}
}

// firstLines keeps the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		return strings.Join(lines[:n], "") + fmt.Sprintf("… (%d more lines)\n", len(lines)-n)
	}
	return s
}
