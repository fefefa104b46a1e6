// Package textedit writes the additions made to a YAML or JSON node tree
// into the text the tree was parsed from, in that text's style, without
// re-encoding it: every byte of the text stays, in order. What was added is
// an explicit set (Additions), not guessed from missing positions.
//
// It knows YAML, JSON and yaml.v3's nodes only: it must never import the
// catalog, kin-openapi or any OpenAPI code of errgen.
package textedit
