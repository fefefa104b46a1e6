package catalog

import (
	"fmt"
	"io/fs"
	"path"
)

// MemFiles is a catalog's files held in memory, by slash-separated name
// relative to the root's folder: a root, the files it includes and its
// translation files, for tests and tools that have no disk.
type MemFiles map[string][]byte

// Read returns the named file, as much of it as limit+1 bytes.
func (m MemFiles) Read(name string, limit int64) ([]byte, string, error) {
	data, ok := m[name]
	if !ok {
		return nil, "", noSuchFile(fmt.Sprintf("no such file %s", name))
	}
	if int64(len(data)) > limit+1 {
		data = data[:limit+1]
	}
	return data, name, nil
}

// Glob returns the names that match pattern.
func (m MemFiles) Glob(pattern string) ([]string, error) {
	var names []string
	for name := range m {
		ok, err := path.Match(pattern, name)
		if err != nil {
			return nil, err
		}
		if ok {
			names = append(names, name)
		}
	}
	return names, nil
}

// Display is the name itself.
func (m MemFiles) Display(name string) string { return name }

// noSuchFile is a Files' error for a name that is no file: it says so in
// its own words, and is fs.ErrNotExist to errors.Is, which is how the
// loader tells a language without translation file from a file it could
// not read.
type noSuchFile string

func (e noSuchFile) Error() string        { return string(e) }
func (e noSuchFile) Is(target error) bool { return target == fs.ErrNotExist }
