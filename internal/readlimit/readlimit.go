// Package readlimit reads an input whose size errgen bounds (a catalog, an
// included file, a spec, an output --check compares, a blob git prints):
// never more than one byte past the limit, so a caller that gets more than
// limit bytes knows the input is too large without having read the rest.
//
// It imports the standard library only.
package readlimit

import (
	"bytes"
	"io"
)

// AtMost reads r up to limit+1 bytes. size is what the input says it
// holds (a file's stat, git cat-file -s); when it is within the limit the
// buffer is sized once instead of grown a few dozen times.
func AtMost(r io.Reader, size, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if size >= 0 && size <= limit {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	return buf.Bytes(), err
}
