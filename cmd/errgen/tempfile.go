package main

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// createTemp is os.CreateTemp with the permissions asked for instead of
// 0600: a new output is created 0666 less the umask, like any file a
// command writes (os.CreateTemp's 0600 plus a chmod to 0644 ignored a
// umask of 077).
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for range 10_000 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, prefix+"*"), Err: fs.ErrExist}
}
