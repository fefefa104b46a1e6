package augment

import "testing"

// TestMarked: a spec is errgen's to replace only with the marker where
// errgen writes it, in components or in an operation; one that mentions it
// elsewhere, or does not read, is its author's.
func TestMarked(t *testing.T) {
	tests := []struct {
		name string
		spec string
		want bool
	}{
		{"no marker", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n", false},
		{"in components", "openapi: 3.1.0\ncomponents:\n  x-errgen:\n    responses: {NotFound: abc}\n", true},
		{"in an operation", "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      x-errgen: {\"404\": abc}\n      responses: {}\n", true},
		{"in JSON", `{"openapi": "3.1.0", "components": {"x-errgen": {"created": ["responses"]}}}`, true},
		{"in a description", "openapi: 3.1.0\ninfo:\n  title: T\n  description: errgen records what it adds under x-errgen.\n", false},
		{"as a top-level key", "openapi: 3.1.0\nx-errgen: mine\n", false},
		{"under a path, not an operation", "openapi: 3.1.0\npaths:\n  /a:\n    x-errgen: mine\n", false},
		{"not YAML", "x-errgen: [unclosed\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Marked([]byte(tt.spec)); got != tt.want {
				t.Errorf("Marked = %v, want %v", got, tt.want)
			}
		})
	}
}
