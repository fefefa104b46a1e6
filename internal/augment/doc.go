// Package augment adds a catalog's error responses to an existing OpenAPI
// 3.0 or 3.1 document: it plans each operation's responses on the spec's
// node tree, asks package openapi for the components they use and package
// names for their names, and has package textedit write the additions into
// the spec's text. kin-openapi validates the result.
//
// It reports with package diag: every problem at once, each at its place
// in the spec.
package augment
