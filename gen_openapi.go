package errgen

import (
	"errors"

	"github.com/errgen/errgen/catalog"
)

// emitOpenAPI writes the OpenAPI components document.
func emitOpenAPI(c *catalog.Catalog, opts Options) ([]byte, error) {
	return nil, errors.New("not implemented")
}
