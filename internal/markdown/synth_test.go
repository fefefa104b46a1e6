package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// syntheticCatalog is a copy of the root package's (synth_test.go): test
// files cannot be shared between packages.

// syntheticStatuses are cycled through so that every status class and the
// multi-code responses are exercised at any size.
var syntheticStatuses = []int{400, 401, 403, 404, 409, 412, 422, 429, 500, 502, 503, 504}

// syntheticCatalog returns a deterministic catalog of n errors with a
// realistic mix: about a third carry details (scalar, list and object
// types, required and optional), some messages and headers use
// placeholders, every error has causes and remediation.
func syntheticCatalog(n int) []byte {
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

// benchSizes are the catalog sizes the performance tricks are judged on.
var benchSizes = []int{1000, 10000}

func loadSynthetic(b *testing.B, n int) *catalog.Catalog {
	b.Helper()
	c, err := catalog.Parse("synthetic.yaml", syntheticCatalog(n))
	if err != nil {
		b.Fatal(err)
	}
	return c
}
