package catalogtest

import (
	"fmt"
	"strings"
)

// scaleStatuses are cycled through by Scale: no 401, whose challenge would
// make those errors differ from the rest.
var scaleStatuses = []int{400, 403, 404, 409, 422, 429, 500, 503}

// Scale returns the scale catalog of n errors with two details each, one
// required string named in the message and one optional integer: the
// catalogs the generated package's compile cost is measured on (issue 26).
// Every error has a constructor with one parameter and one with all its
// details; the first is the fallback, whose details are both optional.
func Scale(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\napi: Scale API\nformat: problem\n")
	b.WriteString("type_base: https://errors.scale.example/\ndocs_url: https://docs.scale.example/errors\n")
	b.WriteString("go: {package: scale}\nerrors:\n")
	for i := range n {
		status := scaleStatuses[i%len(scaleStatuses)]
		required := true
		if i == 0 {
			status, required = 500, false
		}
		fmt.Fprintf(&b, "  - code: E%05d_FAILED\n    status: %d\n", i, status)
		if required {
			fmt.Fprintf(&b, "    message: \"Request failed rule %d on {field}\"\n", i%97)
		} else {
			b.WriteString("    message: An unexpected error occurred\n")
		}
		fmt.Fprintf(&b, "    description: Error number %d happens when the request trips rule %d.\n", i, i%97)
		if i == 0 {
			b.WriteString("    fallback: true\n")
		}
		fmt.Fprintf(&b, "    details:\n      - {name: field, type: string, required: %v, example: email}\n", required)
		b.WriteString("      - {name: limit, type: integer, example: 100}\n")
	}
	return []byte(b.String())
}

// ScaleTranslated returns Scale(n) declaring a second language, lang, and
// that language's translation file (translations/LANG.yaml beside it), which
// translates every error's title, message (its placeholder kept) and
// description: issue 26's figures must hold for a catalog of two languages,
// whose package holds each error's texts and bodies twice, and whose docs
// are two pages.
func ScaleTranslated(n int, lang string) (root, translation []byte) {
	root = []byte(strings.Replace(string(Scale(n)), "format: problem\n",
		"format: problem\nlanguage: en\nlanguages: ["+lang+"]\n", 1))
	var b strings.Builder
	fmt.Fprintf(&b, "language: %s\nerrors:\n", lang)
	for i := range n {
		fmt.Fprintf(&b, "  E%05d_FAILED:\n    title: \"[%s] Fehler %d\"\n", i, lang, i)
		if i == 0 {
			fmt.Fprintf(&b, "    message: \"[%s] Ein unerwarteter Fehler ist aufgetreten\"\n", lang)
		} else {
			fmt.Fprintf(&b, "    message: \"[%s] Die Anfrage scheiterte an Regel %d bei {field}\"\n", lang, i%97)
		}
		fmt.Fprintf(&b, "    description: \"[%s] Fehler Nummer %d tritt auf, wenn die Anfrage Regel %d verletzt.\"\n", lang, i, i%97)
	}
	return root, []byte(b.String())
}
