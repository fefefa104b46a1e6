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
