package errgen

import (
	"errors"

	"github.com/errgen/errgen/catalog"
)

// emitMarkdown writes the Markdown reference page.
func emitMarkdown(c *catalog.Catalog, opts Options) ([]byte, error) {
	return nil, errors.New("not implemented")
}
