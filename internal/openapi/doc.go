// Package openapi writes a catalog's errors as OpenAPI: a components
// document (error schemas and one response per status) and the augmentation
// of an existing spec with those components and per-operation responses.
//
// Documents are built as ordered YAML node trees (package yamlnode) rather
// than with kin-openapi's types: kin-openapi keeps properties, examples and
// every other map in Go maps, so its output would list envelope members and
// details in alphabetical order, examples would no longer read as the bytes
// the Go code writes, and an augmented spec would come back sorted and without
// its comments. Tests load and validate every document with kin-openapi.
package openapi
