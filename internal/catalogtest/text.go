package catalogtest

import (
	"fmt"
	"strings"
)

// syntheticStatuses are cycled through so that every status class and the
// multi-code responses are exercised at any size.
var syntheticStatuses = []int{400, 401, 403, 404, 409, 412, 422, 429, 500, 502, 503, 504}

// Synthetic returns a deterministic catalog of n errors with a
// realistic mix: about a third carry details (scalar, list and object
// types, required and optional), some messages and headers use
// placeholders, every error has causes and remediation.
func Synthetic(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: Synthetic API\ndescription: A generated catalog for benchmarks.\nformat: problem\n")
	b.WriteString("type_base: https://errors.synthetic.example/\ndocs_url: https://docs.synthetic.example/errors\n")
	b.WriteString("go: {package: synthetic}\nopenapi: {version: 3.1.0}\ndocs: {group_by: category}\nerrors:\n")
	for i := 0; i < n; i++ {
		status := syntheticStatuses[i%len(syntheticStatuses)]
		fmt.Fprintf(&b, "  - code: E%05d_%s\n    status: %d\n", i, []string{"INVALID", "DENIED", "MISSING", "LIMITED", "FAILED"}[i%5], status)
		fmt.Fprintf(&b, "    description: Error number %d happens when the request trips rule %d of the service.\n", i, i%97)
		fmt.Fprintf(&b, "    category: Category %d\n", i%7)
		fmt.Fprintf(&b, "    causes: [A field violates rule %d, The account is in state %d]\n", i%13, i%5)
		fmt.Fprintf(&b, "    remediation: [Fix the field named in the details, Retry after %d seconds if it persists]\n", i%60+1)
		if i%4 == 0 {
			fmt.Fprintf(&b, "    troubleshooting: [{check: Rule %d, solution: Follow rule %d.}]\n", i%13, i%13)
		}
		switch {
		case status == 500 && i == 8:
			b.WriteString("    fallback: true\n    message: An unexpected error occurred\n")
		case status == 401:
			b.WriteString("    challenge: Bearer\n    message: Authentication required\n")
		case status == 429 || status == 503:
			b.WriteString("    message: \"Slow down: retry in {retryAfter} seconds\"\n    retryable: true\n")
			b.WriteString("    headers: {Retry-After: \"{retryAfter}\"}\n")
			b.WriteString("    details:\n      - {name: retryAfter, type: integer, required: true, example: 30}\n")
			b.WriteString("      - {name: limit, type: integer, example: 100}\n")
		case i%3 == 0:
			b.WriteString("    message: \"Invalid {field}\"\n    details:\n")
			b.WriteString("      - {name: field, type: string, required: true, example: email, description: The offending field.}\n")
			b.WriteString("      - {name: reasons, type: \"string[]\", example: [too long, not an address]}\n")
			if i%7 == 0 {
				b.WriteString("      - {name: context, type: object, example: {max: 254, seen: 300}}\n")
			}
		default:
			fmt.Fprintf(&b, "    message: Request failed rule %d\n", i%97)
		}
	}
	return []byte(b.String())
}

// HostileText is catalog text that tries to escape every context it lands
// in: Go comments and strings, YAML, JSON, Markdown tables and code blocks.
const HostileText = "*/ // `raw` \"quoted\" \\back\\slash | pipe {{ .Evil }} <script>alert(1)</script> " +
	"line\u2028sep para\u2029sep bidi\u202egnp.exe\u202c zero\u200bwidth"

// Hostile returns a valid catalog whose every free-text field holds
// HostileText, with newlines and a very long line for good measure.
func Hostile() []byte {
	long := strings.Repeat("very long line ", 700)
	q := func(s string) string { // a YAML double-quoted scalar
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\u2028", `\L`, "\u2029", `\P`)
		return `"` + r.Replace(s) + `"`
	}
	h := q(HostileText)
	multi := q(HostileText + "\nsecond line\n\n| a | b |\n```\nfence")
	return []byte(`version: 1
api: ` + h + `
description: ` + multi + `
format: problem
type_base: https://errors.example.com/
docs_url: https://docs.example.com/errors
docs:
  title: ` + h + `
  groups: [{group: 400, description: ` + multi + `}]
  sections: [{title: ` + h + `, body: ` + multi + `}]
  providers:
    - name: ` + h + `
      notes: ` + multi + `
      issues: [{error: ` + h + `, cause: ` + multi + `, fix: ` + q(long) + `}]
errors:
  - code: HOSTILE
    status: 400
    title: ` + h + `
    message: ` + q(HostileText+" {field} */") + `
    description: ` + multi + `
    category: ` + h + `
    causes: [` + h + `, ` + multi + `]
    remediation: [` + q(long) + `]
    troubleshooting: [{check: ` + multi + `, solution: ` + h + `}]
    meta: {kind: ` + h + `}
    deprecated: ` + q(DocTraps+HostileText+" */") + `
    replaced_by: SECRET_FAIL
    since: ` + h + `
    details:
      - {name: field, type: string, required: true, description: ` + multi + `, example: ` + h + `}
      - {name: blob, type: object, description: ` + h + `, example: {"*/": ` + h + `, "<b>": [1, 2]}}
      - {name: tags, type: "string[]", example: [` + h + `]}
  - code: SECRET_FAIL
    status: 500
    fallback: true
    title: ` + h + `
    description: ` + h + `
  - code: NO_AUTH
    status: 401
    challenge: Bearer realm="a\"b"
    format: oauth2
  - code: RETIRED
    status: 400
    retired: true
    deprecated: ` + multi + `
    replaced_by: HOSTILE
`)
}

// DocTraps is catalog text that go/doc/comment reads as something other
// than a paragraph when a wrapped line starts with it: list items, a
// heading, a link definition, quotes it rewrites, a would-be block comment.
const DocTraps = "- dash item * star item + plus item 1. numbered 2) paren # Heading [Link]: https://example.com/x " +
	"``quoted'' /* not a block */ // not a line //go:generate x line 12 export y `raw` é😀 "

// Decls returns a catalog whose descriptions put every trap at the
// start of some wrapped comment line, and whose details have names, types
// and comments of every length, for struct alignment.
func Decls() []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: \"Decls ``quoted'' API\"\nformat: flat\nerrors:\n")
	types := []string{"string", "integer", "number", "boolean", "string[]", "map[string]string", "object"}
	for i := range 60 {
		status := 400 + i%30
		if i == 0 {
			status = 500
		} else if status == 401 || status == 407 {
			status = 422
		}
		fmt.Fprintf(&b, "  - code: E%d\n    status: %d\n    title: T%d\n", i, status, i)
		// Shift the traps along the wrap points, a character at a time.
		fmt.Fprintf(&b, "    description: %q\n", strings.Repeat("x", i)+" "+strings.Repeat(DocTraps, 3))
		if i == 0 {
			b.WriteString("    fallback: true\n")
			continue
		}
		b.WriteString("    details:\n")
		for j := range i%5 + 1 {
			name := "d" + strings.Repeat("Long", (i+j)%4) + fmt.Sprint(j)
			fmt.Fprintf(&b, "      - name: %s\n        type: %q\n        required: %v\n", name, types[(i+j)%len(types)], j%2 == 0)
			if (i+j)%7 == 6 {
				// Nothing left once made one line.
				fmt.Fprintf(&b, "        description: %q\n", []string{" ", "\t", "\u00a0", "\u2028", "\u3000"}[i%5])
			} else if (i+j)%3 != 0 {
				fmt.Fprintf(&b, "        description: %q\n", strings.Repeat("w ", (i*j)%7)+DocTraps[:(i*7+j)%len(DocTraps)])
			}
		}
	}
	// A wrapped line that is a link definition alone, which gofmt moves.
	b.WriteString("  - code: LINK\n    status: 418\n    title: Link\n    description: \"" + strings.Repeat("y", 85) + " [Docs]: https://example.com/docs\"\n")
	return []byte(b.String())
}
