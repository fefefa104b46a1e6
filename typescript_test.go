package errgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/nodetools"
)

// v2Check is TypeScript holding what v2 of internal/interop/testdata/newcode's service sends
// at 404, a status v1 declares: a code v1 did not have.
const v2Check = `import type { components } from "./schema";
type NotFound = components["responses"]["NotFound"]["content"]["application/json"];
const v2: NotFound = { error: "The item is archived", code: "ITEM_ARCHIVED" };
export { v2 };
`

// TestTypeScriptNewCode generates TypeScript types with openapi-typescript
// (pinned in .ci/npm) from v1 of the augmented newcode spec, and has tsc
// --strict check that a v2 body, with a code v1 did not have at 404, is a
// value of the 404 response's type: it is with the open bodies (the
// default); with openapi.unions: closed it is not, which is why errgen diff
// calls the new code breaking then.
func TestTypeScriptNewCode(t *testing.T) {
	t.Parallel()
	gen, tsc := nodetools.Bin(t, "openapi-typescript"), nodetools.Bin(t, "tsc")
	for _, closed := range []bool{false, true} {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"openapi.yaml": newcodeSpec(t, closed), "check.ts": []byte(v2Check)} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if out, err := exec.Command(gen, filepath.Join(dir, "openapi.yaml"), "-o", filepath.Join(dir, "schema.d.ts")).CombinedOutput(); err != nil {
			t.Fatalf("openapi-typescript: %v\n%s", err, out)
		}
		out, err := exec.Command(tsc, "--strict", "--noEmit", filepath.Join(dir, "check.ts")).CombinedOutput()
		switch {
		case !closed && err != nil:
			t.Errorf("tsc --strict refuses a v2 body with a new code for the open spec's 404: %v\n%s", err, out)
		case closed && err == nil:
			t.Error("tsc --strict takes a v2 body with a new code for the closed spec's 404")
		}
	}
}

// newcodeSpec is internal/interop/testdata/newcode's spec augmented with v1
// of its catalog, open or closed.
func newcodeSpec(t *testing.T, closed bool) []byte {
	t.Helper()
	c, err := catalog.Load("internal/interop/testdata/newcode/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c.OpenAPI.ClosedUnions = closed
	spec, err := os.ReadFile("internal/interop/testdata/newcode/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Augment(c, spec, "openapi.yaml", AugmentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Spec
}

// zodCheck parses the v2 body with the zod schema openapi-zod-client
// generated for the 404's body.
const zodCheck = `import { schemas } from "./client";
const r = schemas.NotFoundBody.safeParse({ error: "The item is archived", code: "ITEM_ARCHIVED" });
if (!r.success) {
  throw new Error("refused: " + JSON.stringify(r.error.issues));
}
`

// TestZodClientNewCode generates an openapi-zod-client client (pinned in
// .ci/npm, with zod and @zodios/core) from v1 of the augmented newcode
// spec, compiles it with tsc and runs it on Node: its 404 schema parses a
// v2 body with a code v1 did not have; with openapi.unions: closed it
// refuses it.
func TestZodClientNewCode(t *testing.T) {
	t.Parallel()
	gen, tsc := nodetools.Bin(t, "openapi-zod-client"), nodetools.Bin(t, "tsc")
	modules := filepath.Join(nodetools.Root(t), nodetools.Dir, "node_modules")
	for _, closed := range []bool{false, true} {
		dir := t.TempDir()
		if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{"openapi.yaml": newcodeSpec(t, closed), "check.ts": []byte(zodCheck)} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		steps := [][]string{
			{gen, "openapi.yaml", "-o", "client.ts", "--export-schemas"},
			{tsc, "--module", "commonjs", "--target", "es2020", "--esModuleInterop", "--skipLibCheck", "--strict", "--outDir", "out", "check.ts", "client.ts"},
		}
		for _, step := range steps {
			cmd := exec.Command(step[0], step[1:]...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", filepath.Base(step[0]), err, out)
			}
		}
		cmd := exec.Command("node", "out/check.js")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		switch {
		case !closed && err != nil:
			t.Errorf("the zod client of the open spec refuses a v2 body with a new code: %v\n%s", err, out)
		case closed && err == nil:
			t.Error("the zod client of the closed spec takes a v2 body with a new code")
		}
	}
}
