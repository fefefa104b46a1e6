package main

import (
	"fmt"
	"os"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/readlimit"
)

// inputLimit is the most bytes errgen reads of one kind of input, and
// what to do about a file past it, for the message.
type inputLimit struct {
	size int64
	hint string
}

// maxSpecSize bounds the specs errgen openapi reads: GitHub's description,
// among the largest public ones, is 12 MB.
const maxSpecSize = 64 << 20

var specLimit = inputLimit{maxSpecSize, "errgen's limit for a spec to augment: split the API's spec into several, each augmented on its own"}

// maxOutputSize bounds the existing outputs --check and the writer read to
// compare: far beyond what errgen writes for the largest catalog it
// accepts, and a bound on what a committed symlink to /dev/zero can cost.
const maxOutputSize = 256 << 20

var outputLimit = inputLimit{maxOutputSize, "far more than errgen writes for any catalog, so not an output of errgen's: remove it, or give the output another path"}

// maxTemplateSize bounds each --templates file.
const maxTemplateSize = 1 << 20

var templateLimit = inputLimit{maxTemplateSize, "errgen's limit for a template: trim it"}

var translationLimit = inputLimit{catalog.MaxTranslationsSize, "errgen's limit for translation files: trim long texts"}

// readInput reads a regular file of at most limit.size bytes. Anything
// else (a FIFO, which would block, or /dev/zero, which never ends) is
// refused before it is read, and so is a larger file, with limit.hint.
func readInput(path string, limit inputLimit) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (a pipe or a device, say), which errgen does not read: give the path of a file", path)
	}
	if st.Size() > limit.size {
		return nil, tooLarge(path, limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readlimit.AtMost(f, st.Size(), limit.size)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit.size {
		return nil, tooLarge(path, limit)
	}
	return data, nil
}

func tooLarge(path string, limit inputLimit) error {
	return fmt.Errorf("%s: larger than %d MiB, %s", path, limit.size>>20, limit.hint)
}
