package catalog

import "testing"

func TestValidHeaderName(t *testing.T) {
	for name, want := range map[string]bool{
		"X-Request-Id": true, "Retry-After": true, "a!#$%&'*+-.^_`|~9": true,
		"": false, "X Request": false, "X:Y": false, "Ünï": false, "X\x00": false, "(x)": false,
	} {
		if got := validHeaderName(name); got != want {
			t.Errorf("validHeaderName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestValidHeaderValue(t *testing.T) {
	for v, want := range map[string]bool{
		"": true, "Bearer realm=\"api\"": true, "a\tb": true, "caf\xc3\xa9": true,
		"a\r\nb": false, "a\x00": false, "a\x7f": false, "a\nX-Evil: 1": false,
	} {
		if got := validHeaderValue(v); got != want {
			t.Errorf("validHeaderValue(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestListProblem(t *testing.T) {
	for _, tc := range []struct{ v, want string }{
		{"", ""},
		{"Bearer", ""},
		{"Bearer, Basic realm=\"a,b\"", ""},
		{"Bearer, , Basic", "an empty list element (a comma with nothing after it)"},
		{"Bearer,", "an empty list element (a comma with nothing after it)"},
		{",Bearer", "an empty list element (a comma with nothing before it)"},
		{" \t, Bearer", "an empty list element (a comma with nothing before it)"},
		{" ", "no list element, only spaces"},
		{"Basic realm=\"a", "a quoted string left open (no closing \")"},
		{"Basic realm=\"a\\\"", "a quoted string left open (no closing \")"},
	} {
		if got := listProblem(tc.v); got != tc.want {
			t.Errorf("listProblem(%q) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
