package augment

import (
	"bytes"
	"strings"
	"testing"
)

// textCases are specs in the styles real ones come in; each augmentation
// must keep the text and write its additions in that style.
var textCases = []struct {
	name, spec string
	want       []string            // substrings of the output, in order
	notices    []string            // when not nil, Augment's notices
	check      func([]byte) string // what else must hold, "" when it does
}{
	{
		name: "blank-lines-and-comments.yaml",
		spec: "openapi: 3.0.3\n\ninfo: {title: T, version: '1'}\n\npaths:\n  /a:\n    get:\n      x-errors: [NOT_FOUND]\n      responses:\n        '200':\n          description: OK   \n        # after the last response\n\n# the end\n",
		want: []string{
			"          description: OK   \n        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '404':\n",
			"        # after the last response\ncomponents:\n  schemas:\n",
			"\n\n# the end\n",
		},
	},
	{
		name: "emoji.yaml",
		spec: "openapi: 3.1.0\ninfo:\n  title: Crabs 🦀\n  version: '1'\n  description: |\n    Plain 🦀 and block 😀.\npaths:\n  /crabs:\n    get:\n      summary: 🦀 list\n      responses:\n        '200': {description: \"OK 🦀\"}\n",
		want: []string{"  title: Crabs 🦀\n", "    Plain 🦀 and block 😀.\n", "'200': {description: \"OK 🦀\"}\n        '401':"},
	},
	{
		name: "marker.yaml",
		spec: "---\nopenapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}\n...\n",
		want: []string{"---\nopenapi", "'200': {description: OK}\n        '401'", "\n...\n"},
	},
	{
		name: "crlf.yaml",
		spec: "openapi: 3.0.3\r\ninfo: {title: T, version: '1'}\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        '200':\r\n          description: OK\r\n",
		want: []string{"          description: OK\r\n        '401':\r\n          $ref: '#/components/responses/Unauthorized'\r\n"},
		check: func(out []byte) string {
			if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
				return "a line ends in \\n alone"
			}
			return ""
		},
	},
	{
		name: "indent4.yaml",
		spec: "openapi: 3.0.3\ninfo:\n    title: T\n    version: '1'\npaths:\n    /a:\n        get:\n            responses:\n                '200':\n                    description: OK\n",
		want: []string{"                    description: OK\n                '401':\n                    $ref: '#/components/responses/Unauthorized'\n", "components:\n    schemas:\n        UnauthorizedBody:\n            type: object\n"},
	},
	{
		name: "flow.yaml",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {\n        '200': {description: OK}, # the one\n        '201': {description: Created}\n      }\ncomponents: {schemas: {}}\n",
		want: []string{
			"      responses: {\n        '200': {description: OK}, # the one\n",
			"        '201': {description: Created}, '401': {$ref: \"#/components/responses/Unauthorized\"}, '429': ",
			"\n      }\n",
			`components: {schemas: {UnauthorizedBody: {type: object`,
		},
	},
	{
		name: "indent1.yaml",
		spec: "openapi: 3.0.3\ninfo:\n title: T\n version: '1'\npaths:\n /a:\n  get:\n   responses:\n    '200':\n     description: OK\n",
		want: []string{"     description: OK\n    '401':\n     $ref: '#/components/responses/Unauthorized'\n", "components:\n schemas:\n  UnauthorizedBody:\n   type: object\n", "\n  Unauthorized:\n   description: |-\n    Unauthorized: one of these errors.\n"},
	},
	{
		name: "long-key.yaml",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /" + strings.Repeat("segment/", 20) + "end:\n    get:\n      responses:\n        '200':\n          description: OK\n",
		want: []string{"  /" + strings.Repeat("segment/", 20) + "end:\n    get:\n"},
	},
	{
		name: "anchor.yaml",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: &op\n      responses:\n        '200': {description: OK}\n  /b:\n    get: *op\n  /c:\n    get:\n      responses:\n        '200': {description: OK}\n",
		want: []string{"    get: &op\n      responses:\n        '200': {description: OK}\n  /b:\n    get: *op\n  /c:\n", "        '200': {description: OK}\n        '401'"},
		notices: []string{
			"anchor.yaml:5:10: GET /a: left alone: the spec shares it through the YAML anchor &op, and errgen adds nothing to a node that stands in several places; attach the error responses to it by hand, or write it out",
			"anchor.yaml:5:10: GET /b: left alone: the spec shares it through the YAML anchor &op, and errgen adds nothing to a node that stands in several places; attach the error responses to it by hand, or write it out",
		},
	},
	{
		name: "merge-op.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nx-base: &base\n  responses:\n    '200':\n      description: ok\npaths:\n  /a:\n    get:\n      <<: *base\n      summary: s\n",
		want: []string{"    get:\n      <<: *base\n      summary: s\n"},
		notices: []string{
			"merge-op.yaml:10:7: GET /a: left alone: it takes keys through a YAML merge key (<<), and what errgen adds could override the merged ones; attach the error responses to it by hand, or write it out",
		},
		check: func(out []byte) string {
			if bytes.Count(out, []byte("responses:")) != 1 { // the base's
				return "a responses mapping overrides the merged one"
			}
			return ""
		},
	},
	{
		name: "merge-responses.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nx-r: &r\n  '200':\n    description: ok\npaths:\n  /a:\n    get:\n      responses:\n        <<: *r\n",
		want: []string{"      responses:\n        <<: *r\n"},
		notices: []string{
			"merge-responses.yaml:9:7: GET /a: left alone: it takes keys through a YAML merge key (<<), and what errgen adds could override the merged ones; attach the error responses to it by hand, or write it out",
		},
	},
	{
		name:    "unaliased-anchor.yaml",
		spec:    "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: &op\n      responses: &rr\n        '200':\n          description: ok\n",
		want:    []string{"    get: &op\n      x-errgen: {", "\n      responses: &rr\n        '200':\n          description: ok\n        '401':\n"},
		notices: []string{},
	},
	{
		name: "comment-col0.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n# commented out: x: 1\n      \n          description: ok\n        # heads the next path\n  /b:\n    get:\n      responses:\n        '200': {description: ok}\n",
		want: []string{"# commented out: x: 1\n      \n          description: ok\n        '401':\n", "        # heads the next path\n  /b:\n"},
	},
	{
		name: "low-indent-continuations.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: \"ok\n  more\"\n    post:\n      responses:\n        '200': {description: ok,\n  x-y: 1}\n",
		want: []string{"  more\"\n        '401':\n", "  x-y: 1}\n        '401':\n"},
	},
	{
		name: "block-scalars.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: |+\n            keep\n\n    post:\n      responses:\n        '200':\n          description: |\n            # not a comment\n              \n    put:\n      responses:\n        '200':\n          description: |+\n            kept at the end\n\n\n",
		want: []string{"            keep\n\n        '401':\n", "            # not a comment\n              \n        '401':\n", "            kept at the end\n\n\n        '401':\n"},
	},
	{
		name: "empty-flow-in-block.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\ncomponents: {}\n",
		want: []string{"      responses: {\n        '401': {\n          $ref: \"#/components/responses/Unauthorized\"\n        },\n", "        }\n      }\ncomponents: {\n  schemas: {\n    UnauthorizedBody: {\n", "\n  }\n}\n"},
	},
	{
		name: "anchored-empty-flow.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: &none {}\n",
		want: []string{"      responses: &none {\n        '401': {\n          $ref: \"#/components/responses/Unauthorized\"\n        },\n"},
	},
	{
		name: "plain-status-keys.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n    post:\n      responses:\n        \"201\":\n          description: ok\n    put:\n      responses:\n        default:\n          description: ok\n",
		want: []string{"        200:\n          description: ok\n        401:\n", "        \"201\":\n          description: ok\n        \"401\":\n", "      responses:\n        401:\n"},
	},
	{
		// the keys errgen writes into an empty flow mapping are spelt like
		// the spec's: written as strings, they read as other keys than the
		// plain integers errgen's tree holds, and errgen refused the spec
		// (found by FuzzAugmentReplace)
		name: "plain-status-keys-empty-flow.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n    post:\n      responses: {}\n",
		want: []string{"        200:\n          description: ok\n        401:\n", "      responses: {\n        401: {\n", "        429: {\n"},
	},
	{
		name: "skipped.yaml",
		spec: "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    x-errors: [NOT_FOUND]\n    post:\n      responses:\n        '200': {description: ok}\n      callbacks:\n        done:\n          '{$request.body#/url}':\n            post:\n              responses:\n                '200': {description: ok}\n  /b:\n    $ref: '#/paths/~1a'\nwebhooks:\n  w:\n    post:\n      responses:\n        '200': {description: ok}\n",
		want: []string{"        '200': {description: ok}\n        '401':\n", "                '200': {description: ok}\n  /b:\n    $ref: '#/paths/~1a'\nwebhooks:\n  w:\n    post:\n      responses:\n        '200': {description: ok}\ncomponents:\n"},
		notices: []string{
			"skipped.yaml:5:5: /a: x-errors on a path item is ignored: errgen reads it on each operation; move it under the operations",
			"skipped.yaml:9:7: POST /a: callbacks not augmented: the API's clients answer them, so their responses are the client's, not the API's errors",
			"skipped.yaml:16:5: /b: not augmented: the path item is a $ref (to #/paths/~1a), and errgen augments the operations written under paths; attach the error responses where it points, by hand",
			"skipped.yaml:17:1: webhooks: not augmented: the API's clients answer them, so their responses are the client's, not the API's errors",
		},
	},
	{
		name: "before-default.yaml",
		spec: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        # the fallback\n        default:\n          description: Anything\n",
		want: []string{"      responses:\n        '401':\n          $ref: '#/components/responses/Unauthorized'\n", "        '500':\n          $ref: '#/components/responses/InternalServerError'\n        # the fallback\n        default:\n"},
	},
	{
		name: "before-default.json",
		spec: "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {\"/a\": {\"get\": {\"responses\": {\n    \"default\": {\"description\": \"Anything\"}\n  }}}}\n}\n",
		want: []string{"\"responses\": {\n    \"401\": {\n      \"$ref\": \"#/components/responses/Unauthorized\"\n    },\n", "    },\n    \"default\": {\"description\": \"Anything\"}\n"},
	},
	{
		name: "bom.yaml",
		spec: "\ufeffopenapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: OK}",
		want: []string{"\ufeffopenapi", "'200': {description: OK}\n        '401'"},
	},
	{
		name: "indented.json",
		spec: "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"responses\": {\n          \"200\": {\"description\": \"OK\"}\n        }\n      }\n    }\n  }\n}\n",
		want: []string{
			"\"200\": {\"description\": \"OK\"},\n          \"401\": {\n            \"$ref\": \"#/components/responses/Unauthorized\"\n          },\n",
			"  },\n  \"components\": {\n    \"schemas\": {\n",
		},
	},
	{
		name: "tabs.json",
		spec: "{\n\t\"openapi\": \"3.0.3\",\n\t\"info\": {\n\t\t\"title\": \"T\",\n\t\t\"version\": \"1\"\n\t},\n\t\"paths\": {\n\t\t\"/a\": {\n\t\t\t\"get\": {\n\t\t\t\t\"responses\": {}\n\t\t\t}\n\t\t}\n\t}\n}",
		want: []string{"\t\t\t\t\"responses\": {\n\t\t\t\t\t\"401\": {\n\t\t\t\t\t\t\"$ref\": \"#/components/responses/Unauthorized\"\n\t\t\t\t\t},\n"},
		check: func(out []byte) string {
			if bytes.Contains(out, []byte("\n ")) {
				return "a line is indented with spaces"
			}
			return ""
		},
	},
	{
		name: "first-key-on-brace-line.json",
		spec: "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"T\", \"version\": \"1\"},\n \"paths\": {\n  \"/a\": {\n   \"get\": {\n    \"responses\": {\n     \"200\": {\"description\": \"OK\"}\n    }\n   }\n  }\n }\n}\n",
		want: []string{"     \"200\": {\"description\": \"OK\"},\n     \"401\": {\n      \"$ref\": \"#/components/responses/Unauthorized\"\n     },\n", " },\n \"components\": {\n  \"schemas\": {\n"},
	},
	{
		name: "zero-indent.json",
		spec: "{\n\"openapi\": \"3.0.3\",\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\"paths\": {\n\"/a\": {\n\"get\": {\n\"responses\": {\n\"200\": {\"description\": \"OK\"}\n}\n}\n}\n}\n}\n",
		want: []string{"\"200\": {\"description\": \"OK\"},\n\"401\": {\n\"$ref\": \"#/components/responses/Unauthorized\"\n},\n\"429\"", "},\n\"components\": {\n\"schemas\": {\n\"UnauthorizedBody\": {\n\"type\": \"object\",\n"},
	},
	{
		name: "spaced.json",
		spec: `{ "openapi" : "3.0.3" , "info" : { "title" : "T" , "version" : "1" } , "paths" : { "/a" : { "get" : { "responses" : { "200" : { "description" : "OK" } } } } } }`,
		want: []string{`{ "description" : "OK" } , "401" : {"$ref" : "#/components/responses/Unauthorized"} , "429" : `, `} } } } , "components" : {"schemas" : {`},
	},
	{
		name: "minified.json",
		spec: `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"OK"}}}}}}`,
		want: []string{`"responses":{"200":{"description":"OK"},"401":{"$ref":"#/components/responses/Unauthorized"},`},
		check: func(out []byte) string {
			if bytes.ContainsAny(out, "\n") || bytes.Contains(out, []byte(`": `)) {
				return "not minified"
			}
			return ""
		},
	},
	{
		name: "escapes.json",
		spec: `{"openapi": "3.0.3", "info": {"title": "a\/b \ud83d\ude00", "version": "1", "x-big": 1e400}, "paths": {"/a\/b": {"get": {"responses": {"200": {"description": "OK \u00e9"}}}}}}`,
		want: []string{`"title": "a\/b \ud83d\ude00"`, `"x-big": 1e400`, `"/a\/b"`, `"description": "OK \u00e9"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "429":`},
	},
}

// Each case keeps the input as a subsequence of the output, its data and
// its style, validates, and augmenting it again changes nothing.
func TestAugmentKeepsText(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	for _, tc := range textCases {
		t.Run(tc.name, func(t *testing.T) {
			out, notices, err := Augment(c, []byte(tc.spec), tc.name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.notices != nil && strings.Join(lines(notices), "\n") != strings.Join(tc.notices, "\n") {
				t.Errorf("notices\n%s\nwant\n%s", strings.Join(lines(notices), "\n"), strings.Join(tc.notices, "\n"))
			}
			body, _ := bytes.CutPrefix(out, []byte("\ufeff"))
			loadValidOpenAPI(t, body)
			checkAugmented(t, c, []byte(tc.spec), out, tc.name, Options{})
			rest := string(out)
			for _, want := range tc.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("output lacks (in order)\n%s\n---- output:\n%s", want, out)
				}
				rest = rest[i+len(want):]
			}
			if tc.check != nil {
				if msg := tc.check(out); msg != "" {
					t.Errorf("%s:\n%s", msg, out)
				}
			}
		})
	}
}

// --force replaces the spec's response in place, in the style around it:
// the one edit that is not an insertion.
func TestAugmentForceReplacesInStyle(t *testing.T) {
	c := mustLoadCatalog(t, "catalog.yaml")
	tests := []struct{ name, spec, want, gone string }{
		{"force.json",
			"{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"responses\": {\n          \"401\": {\n            \"description\": \"Mine\"\n          },\n          \"200\": {\"description\": \"OK\"}\n        }\n      }\n    }\n  }\n}\n",
			"          \"401\": {\n            \"$ref\": \"#/components/responses/Unauthorized\"\n          },\n          \"200\": {\"description\": \"OK\"},\n          \"429\"",
			"Mine"},
		{"force-flow.yaml",
			"openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '401': {description: Mine}   # theirs\n        '200':\n          description: OK\n",
			"        '401': {\"$ref\": \"#/components/responses/Unauthorized\"}   # theirs\n        '200':\n",
			"Mine"},
		{"force-block.yaml",
			"openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '401':\n          description: Mine\n          # theirs\n        '200':\n          description: OK\n",
			"        '401':\n          $ref: '#/components/responses/Unauthorized'\n          # theirs\n        '200':\n",
			"Mine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := Augment(c, []byte(tt.spec), tt.name, Options{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			loadValidOpenAPI(t, out)
			if !strings.Contains(string(out), tt.want) || strings.Contains(string(out), tt.gone) {
				t.Errorf("output lacks\n%s\nor still has %q:\n%s", tt.want, tt.gone, out)
			}
			checkAugmented(t, c, []byte(tt.spec), out, tt.name, Options{Force: true})
		})
	}
}
