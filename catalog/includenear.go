package catalog

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
)

// nearFile is a " (did you mean X?)" hint naming the file an include of
// name, which does not exist, likely meant: one in name's folder whose
// name without its extension is close to name's, with name's extension
// or, of .yaml and .yml, the other. A file of another kind is no catalog
// file, however close its name; and the extension, shared, would make
// any short name look close to another ("gone.yaml" to "e.yaml"). A
// folder with no file is likely misspelt: nearFolder looks beside it.
func (l *loader) nearFile(name string) string {
	if !l.probs.keeps() {
		return "" // a problem past those kept is not shown: its hint is not looked for
	}
	dir, base := path.Split(name) // expand passed name on as no glob: dir has no * ? or [
	ext := path.Ext(base)
	exts := meantExts(ext)
	names, err := l.glob(dir + "*")
	if err != nil {
		return ""
	}
	if len(names) == 0 && dir != "" {
		return l.nearFolder(dir, base)
	}
	stem := strings.TrimSuffix(base, ext)
	var files, stems []string
	// Glob's order is any, and its list the include cache's: sorted, a
	// copy, so that the first of two as close is the same each run.
	for _, n := range slices.Sorted(slices.Values(names)) {
		f := path.Base(n)
		s := strings.TrimSuffix(f, path.Ext(f))
		// A name of one or two characters is one edit from too many ("b"
		// from "a"): only its other extension is suggested.
		if slices.Contains(exts, path.Ext(n)) && (len(stem) >= minMeantLen || s == stem) {
			files, stems = append(files, f), append(stems, s)
		}
	}
	budget := maxSuggestCost
	if best := closest(stem, stems, &budget); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", dir+files[slices.Index(stems, best)])
	}
	return ""
}

// meantExts are the extensions a file named with ext may have been meant
// to have: its own, and of .yaml and .yml, the other.
func meantExts(ext string) []string {
	switch ext {
	case ".yaml":
		return []string{ext, ".yml"}
	case ".yml":
		return []string{ext, ".yaml"}
	}
	return []string{ext}
}

// nearFolder is nearFile's hint for the file base in dir, a folder that
// holds no file: base (or, of .yaml and .yml, with the other) in a folder
// beside dir whose name is close to dir's ("errors/core.yaml" for
// "error/core.yaml"). One folder's name is corrected, the last, not the
// file's too, which would make a guess of two slips. The folders beside
// dir are listed once, by one glob of their files, which the include
// cache keeps for the next misspelt folder there.
func (l *loader) nearFolder(dir, base string) string {
	parent, misspelt := path.Split(strings.TrimSuffix(dir, "/"))
	names, err := l.glob(parent + "*/*")
	if err != nil {
		return ""
	}
	stem, exts := strings.TrimSuffix(base, path.Ext(base)), meantExts(path.Ext(base))
	holding := map[string]string{} // a folder beside → the file of base's in it
	for _, n := range names {
		folder, file := path.Split(n)
		if strings.TrimSuffix(file, path.Ext(file)) != stem || !slices.Contains(exts, path.Ext(file)) {
			continue
		}
		folder = path.Base(folder)
		if _, ok := holding[folder]; !ok || file == base {
			holding[folder] = file
		}
	}
	budget := maxSuggestCost
	if best := closest(misspelt, slices.Sorted(maps.Keys(holding)), &budget); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", parent+best+"/"+holding[best])
	}
	return ""
}
