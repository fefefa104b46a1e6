package errgen

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/internal/catalogtest"
	"github.com/errgen/errgen/internal/example"
	"github.com/errgen/errgen/internal/names"
	"github.com/errgen/errgen/internal/nodetools"
)

// zodCase is one error body a zod client must parse: with the schema of its
// status's response, and with its code's own schema (titled by the code).
type zodCase struct {
	Client string          `json:"client"`
	Code   string          `json:"code"`
	Schema string          `json:"schema"`
	Own    string          `json:"own"`
	Body   json.RawMessage `json:"body"`
}

// zodDecodeAll parses every case with the clients' exported schemas and
// fails listing those refused.
const zodDecodeAll = `import * as fs from "fs";
%s
const clients: Record<string, Record<string, any>> = { %s };
const cases: { client: string; code: string; schema: string; own: string; body: unknown }[] = JSON.parse(fs.readFileSync("cases.json", "utf8"));
const refused: string[] = [];
for (const c of cases) {
  for (const name of [c.schema, c.own]) {
    const schema = clients[c.client][name];
    const r = schema ? schema.safeParse(c.body) : { success: false, error: { issues: "no schema " + name } };
    if (!r.success) refused.push(c.client + " " + c.code + " (" + name + "): " + JSON.stringify(r.error.issues));
  }
}
if (refused.length > 0) throw new Error("refused:\n" + refused.join("\n"));
console.log(cases.length + " bodies parsed");
`

// TestZodClientDecodesEveryError generates an openapi-zod-client client
// (schemas exported) from the OpenAPI of every shipped catalog, compiles
// them with tsc --strict and runs them on Node: every error's body, as the
// generated Write sends it, parses with its status's response schema and
// with its code's own schema.
func TestZodClientDecodesEveryError(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs Node")
	}
	t.Parallel()
	gen, tsc := nodetools.Bin(t, "openapi-zod-client"), nodetools.Bin(t, "tsc")
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(nodetools.Root(t), nodetools.Dir, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	var cases []zodCase
	var imports, clients, sources []string
	var wg sync.WaitGroup
	failures := make([]string, len(catalogtest.All(t)))
	for i, tc := range catalogtest.All(t) {
		client := fmt.Sprintf("c%d", i)
		doc := generated(t, tc.C, OutputOpenAPI)
		writeFile(t, filepath.Join(dir, client+".yaml"), doc)
		// The generator starts slowly: the catalogs' clients are made at once.
		wg.Go(func() {
			cmd := exec.Command(gen, client+".yaml", "-o", client+".ts", "--export-schemas")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				failures[i] = fmt.Sprintf("openapi-zod-client, %s: %v\n%s", tc.Name, err, out)
			}
		})
		imports = append(imports, fmt.Sprintf("import { schemas as %s } from \"./%s\";", client, client))
		clients, sources = append(clients, client), append(sources, client+".ts")
		cases = append(cases, zodCases(t, tc, client, doc)...)
	}
	wg.Wait()
	if f := strings.Join(failures, ""); f != "" {
		t.Fatal(f)
	}
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "cases.json"), data)
	writeFile(t, filepath.Join(dir, "check.ts"), fmt.Appendf(nil, zodDecodeAll, strings.Join(imports, "\n"), strings.Join(clients, ", ")))
	run(t, dir, tsc, append([]string{"--module", "commonjs", "--target", "es2020", "--esModuleInterop", "--skipLibCheck", "--strict", "--outDir", "out", "check.ts"}, sources...)...)
	run(t, dir, "node", filepath.Join("out", "check.js"))
}

// zodCases are tc's errors with the bodies Write sends (their example
// bodies: TestContract holds them equal) and the names of the schemas that
// must parse them, read from doc.
func zodCases(t *testing.T, tc catalogtest.Catalog, client string, doc []byte) []zodCase {
	t.Helper()
	var d struct {
		Components struct {
			Schemas map[string]struct {
				Title string `yaml:"title"`
			} `yaml:"schemas"`
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `yaml:"$ref"`
					} `yaml:"schema"`
				} `yaml:"content"`
			} `yaml:"responses"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	own := map[string]string{}
	for name, s := range d.Components.Schemas {
		if s.Title != "" {
			own[s.Title] = name
		}
	}
	var cases []zodCase
	for _, e := range tc.C.Errors {
		body, err := example.Body(e)
		if err != nil {
			t.Fatal(err)
		}
		media, ok := d.Components.Responses[names.Response(tc.C, e.Status)].Content[e.Envelope.MediaType]
		if !ok || own[e.Code] == "" {
			t.Fatalf("%s %s: no response schema for %s, or no schema titled by the code", tc.Name, e.Code, e.Envelope.MediaType)
		}
		cases = append(cases, zodCase{Client: client, Code: e.Code, Schema: strings.TrimPrefix(media.Schema.Ref, "#/components/schemas/"), Own: own[e.Code], Body: body})
	}
	return cases
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
}
