package errgen_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/catalogtest"
)

// Augment's one entry point reports problems as a *diag.List and what it
// left alone as notices, each at its place in the spec.
func TestAugmentDiagnostics(t *testing.T) {
	c, err := catalog.Load(catalogtest.Path("catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const kept = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      x-errors: [NOT_FOUND]\n      responses:\n        '200': {description: OK}\n        '404': {description: Mine}\n"
	tests := []struct {
		name, spec string
		opts       errgen.AugmentOptions
		wantErr    string // the error's text, "" for none
		wantNotice string // the first notice, position and message
	}{
		{"kept", kept, errgen.AugmentOptions{}, "", "api.yaml:9:9: GET /a: response 404 kept: the spec already defines it (errgen's is NotFound)"},
		{"forced", kept, errgen.AugmentOptions{Force: true}, "", ""},
		{"not YAML", "a: [", errgen.AugmentOptions{}, "api.yaml:1:1: invalid YAML:", ""},
		{"swagger", "swagger: '2.0'\n", errgen.AugmentOptions{}, "api.yaml: Swagger (OpenAPI 2.0) documents are not supported", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := errgen.Augment(c, []byte(tt.spec), "api.yaml", tt.opts)
			if tt.wantErr != "" {
				var l *diag.List
				if !errors.As(err, &l) || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("error %v (%T), want a *diag.List starting %q", err, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantNotice == "" {
				if len(res.Notices) > 0 {
					t.Errorf("notices %v", res.Notices)
				}
				return
			}
			if len(res.Notices) == 0 {
				t.Fatal("no notice")
			}
			n := res.Notices[0]
			if got := n.Pos.String() + ": " + n.Msg; n.Severity != diag.Notice || got != tt.wantNotice {
				t.Errorf("notice %v %q, want notice %q", n.Severity, got, tt.wantNotice)
			}
		})
	}
}
