package errgen

import (
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/openapi"
)

// Augment adds the catalog's error components to an existing OpenAPI 3.0 or
// 3.1 document (YAML or JSON) and attaches error responses to every
// operation: the codes of openapi.attach and of the operation's own
// x-errors list, by reference to the components. It returns the document in
// the input's format, or an error listing every problem (each prefixed with
// specName and, where known, line:col).
//
// What the spec already says is kept: a response the operation already has
// for a status, or a component of the same name that differs from errgen's,
// is left alone (the latter is an error) unless force is set. Like Generate,
// Augment touches no file.
func Augment(c *catalog.Catalog, spec []byte, specName string, force bool) ([]byte, error) {
	return openapi.Augment(c, spec, specName, force)
}
