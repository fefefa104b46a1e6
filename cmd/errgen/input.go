package main

import (
	"fmt"
	"os"

	"github.com/errgen/errgen/internal/readlimit"
)

// maxSpecSize bounds the specs errgen openapi reads: GitHub's description,
// among the largest public ones, is 12 MB.
const maxSpecSize = 64 << 20

// maxOutputSize bounds the existing outputs --check and the writer read to
// compare: far beyond what errgen writes for the largest catalog it
// accepts, and a bound on what a committed symlink to /dev/zero can cost.
const maxOutputSize = 256 << 20

// maxTemplateSize bounds each --templates file.
const maxTemplateSize = 1 << 20

// readInput reads a regular file of at most limit bytes. Anything else (a
// FIFO, which would block, or /dev/zero, which never ends) is refused
// before it is read.
func readInput(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (a pipe or a device, say), which errgen does not read: give the path of a file", path)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, limit>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readlimit.AtMost(f, st.Size(), limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, limit>>20)
	}
	return data, nil
}
