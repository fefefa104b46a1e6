package errgen

import (
	"errors"

	"github.com/errgen/errgen/catalog"
)

// emitGo writes the Go package.
func emitGo(c *catalog.Catalog, opts Options) ([]byte, error) {
	return nil, errors.New("not implemented")
}
