// Package openapi writes a catalog's errors as OpenAPI components: the
// components document (error schemas and one response per status), and,
// for augmenting a spec (package augment), the components its operations
// use (Used). Component names come from package names.
//
// Documents are built as ordered YAML node trees (package yamlnode) rather
// than with kin-openapi's types: kin-openapi keeps properties, examples and
// every other map in Go maps, so its output would list envelope members and
// details in alphabetical order, and examples would no longer read as the
// bytes the Go code writes. Tests load and validate every document with
// kin-openapi.
//
// It never imports the augmentation planner or the text editor.
package openapi
