package augment

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Every problem carries as data the flag of errgen openapi that gets past
// it, so that the catalog's openapi.augment says which to run without
// reading the message's words; and the remedy is true: that flag alone
// settles the problem, while a problem without one stays with every flag.
// Before, the CLI read the flags from the words, so a problem that named
// --force without --force getting past it (a part --force wrote referring
// to a response errgen no longer writes), or a spec's own text quoted in
// a problem, drew a --force run that failed on the same problem.
func TestProblemRemedies(t *testing.T) {
	bundled := mustLoadCatalog(t, "catalog.yaml")
	v1, out1 := augmentedV1(t)
	v2 := loadRerunCatalog(t, "catalog-v2.yaml")
	forced, _, err := Augment(v1, []byte(replacedSpec), "api.yaml", Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	const minimal = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /things:\n    get:\n      x-errors: [NOT_FOUND]\n      responses:\n        '200': {description: OK}\n"
	edited := func(old, new string) string {
		if !bytes.Contains(out1, []byte(old)) {
			t.Fatalf("the augmented spec has no %q", old)
		}
		return strings.Replace(string(out1), old, new, 1)
	}
	for _, tc := range []struct {
		name string
		c    *catalog.Catalog
		spec string
		want diag.Remedy
	}{
		{"a component of the spec's that differs", bundled, minimal + "components:\n  responses:\n    NotFound: {description: Not here}\n",
			diag.Remedy{Kind: diag.ForceReplacesComponent, Component: "components.responses.NotFound"}},
		{"a part of errgen's edited by hand", v1, edited("      description: 'The body of a 400 Bad Request response.", "      description: 'My 400 body."),
			diag.Remedy{Kind: diag.ForceRewritesPart}},
		{"a comment in errgen's part", v1, edited("          $ref: '#/components/responses/NotFound'\n        '410'", "          $ref: '#/components/responses/NotFound' # see ADR-12\n        '410'"),
			diag.Remedy{Kind: diag.ForceDropsComment}},
		{"an operation's security not a list", bundled, strings.Replace(minimal, "      responses:", "      security: {bearerAuth: []}\n      responses:", 1),
			diag.Remedy{Kind: diag.AllowInvalidSpec}},
		{"an input kin-openapi finds invalid", bundled, badExample, diag.Remedy{Kind: diag.AllowInvalidSpec}},
		{"an input kin-openapi cannot read", bundled, pathItems, diag.Remedy{Kind: diag.AllowInvalidSpec}},
		{"an example naming the flags", bundled, strings.Replace(badExample, "not a number", "'--force, even with --allow-invalid-spec'", 1),
			diag.Remedy{Kind: diag.AllowInvalidSpec}},
		{"a duplicate key", bundled, minimal + "paths: {}\n", diag.Remedy{}},
		{"an unknown code naming --force", bundled, strings.Replace(minimal, "[NOT_FOUND]", "[NOT_FOUND--force]", 1), diag.Remedy{}},
		{"a part --force wrote referring to a response errgen no longer writes", v2,
			strings.Replace(string(forced), "x-errors: [GONE_AWAY]", "x-errors: []", 1), diag.Remedy{}},
	} {
		_, _, err := Augment(tc.c, []byte(tc.spec), "api.yaml", Options{})
		var problems *diag.List
		if !errors.As(err, &problems) || len(problems.Items) == 0 {
			t.Errorf("%s: err %v, want problems", tc.name, err)
			continue
		}
		for _, d := range problems.Items {
			if d.Remedy != tc.want {
				t.Errorf("%s: %s: remedy %+v, want %+v", tc.name, d, d.Remedy, tc.want)
			}
		}
		_, _, err = Augment(tc.c, []byte(tc.spec), "api.yaml", remedyOptions(tc.want))
		switch {
		case tc.want.Kind == diag.NoRemedy && err == nil:
			t.Errorf("%s: --force --allow-invalid-spec gets past a problem with no remedy", tc.name)
		case tc.want.Kind != diag.NoRemedy && err != nil:
			t.Errorf("%s: the remedy %+v leaves: %v", tc.name, tc.want, err)
		}
	}
}

// remedyOptions are the options of the flag r names; for no remedy, every
// flag at once.
func remedyOptions(r diag.Remedy) Options {
	switch r.Kind {
	case diag.ForceReplacesComponent:
		return Options{Replace: []string{r.Component}}
	case diag.ForceRewritesPart, diag.ForceDropsComment:
		return Options{Force: true}
	case diag.AllowInvalidSpec:
		return Options{AllowInvalidSpec: true}
	}
	return Options{Force: true, AllowInvalidSpec: true}
}
