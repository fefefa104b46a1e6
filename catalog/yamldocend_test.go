package catalog

import "testing"

// Text after the end of the file's top-level value (a line indented less
// than an indented first key, after a flow or quoted root, after a ...
// line) is reported where it starts: yaml.v3 names the line before it,
// counting this error's lines from 0, blank and comment lines included.
func TestYAMLErrorAfterDocument(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       Pos
	}{
		{"an indented root", "  version: 1\nerrors: []\n", Pos{Line: 2, Col: 1}},
		{"less indented, after a comment and a blank line", "  a: 1\n  # c\n\n b: 2\n", Pos{Line: 4, Col: 2}},
		{"CRLF breaks", "  a: 1\r\nb: 2\r\n", Pos{Line: 2, Col: 1}},
		{"after a flow root", "{version: 1}\napi: A\n", Pos{Line: 2, Col: 1}},
		{"after a ... line", "version: 1\n...\napi: A\n", Pos{Line: 3, Col: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := plainYAML([]byte(tt.text))
			if err == nil {
				t.Fatalf("%q reads", tt.text)
			}
			if got := yamlErrorPos(err, []byte(tt.text)); got != tt.want {
				t.Errorf("%v at %d:%d, want %d:%d", err, got.Line, got.Col, tt.want.Line, tt.want.Col)
			}
		})
	}
}
