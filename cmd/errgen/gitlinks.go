package main

import (
	"fmt"
	pathpkg "path"
	"strings"
)

// throughFolderLinks is rel (relative to top) with each folder on its way
// that is a symbolic link at the revision replaced by where the link leads,
// as the disk resolves errors/a.yaml when errors links to shared: git's
// tree holds the link, not the files under it, so a glob or an include
// through it found nothing. A link leading outside the root's folder tree
// is refused, as for a linked file (Read).
func (g *gitFiles) throughFolderLinks(rel, name string) (string, error) {
	if err := g.list(); err != nil {
		return "", err
	}
	for range maxLinks {
		link, rest, e, found := g.folderLink(rel)
		if !found {
			return rel, nil
		}
		target, err := g.blob(link, e, 4096)
		if err != nil {
			return "", err
		}
		next := pathpkg.Join(pathpkg.Dir(link), string(target))
		if pathpkg.IsAbs(string(target)) || (!g.inside(next) && next != g.dir) {
			return "", fmt.Errorf("at %s, %s is a symbolic link to %s, outside the root catalog's folder: errgen follows links only inside it", g.rev, g.Display(g.inDir(link)), target)
		}
		rel = pathpkg.Join(next, rest)
	}
	return "", fmt.Errorf("at %s, %s: more than %d symbolic links in a row", g.rev, g.Display(name), maxLinks)
}

// folderLink finds the first folder of rel, inside the root's folder tree,
// that the listing has as a symbolic link: the link's path, what of rel
// follows it, and its entry.
func (g *gitFiles) folderLink(rel string) (link, rest string, e treeEntry, found bool) {
	for i := strings.IndexByte(rel, '/'); i >= 0; i = nextSlash(rel, i) {
		link = rel[:i]
		if !g.inside(link) {
			continue
		}
		if e, ok := g.entries[g.inDir(link)]; ok && e.mode == "120000" {
			return link, rel[i+1:], e, true
		}
	}
	return "", "", treeEntry{}, false
}

// nextSlash is the index of the slash in s after the one at i, or -1.
func nextSlash(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '/')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// linkedCandidates are the names a pattern may match when a folder on the
// way to its files is a symbolic link (errors/*.yaml, errors linking to
// shared): the files where the link leads, named as under the folder the
// pattern writes, as the disk's glob names them. linked is false when no
// link is on the way, or the folder has a wildcard.
func (g *gitFiles) linkedCandidates(pattern string) (names []string, linked bool, err error) {
	folder := pathpkg.Dir(pattern)
	if folder == "." || strings.ContainsAny(folder, `*?[\`) {
		return nil, false, nil
	}
	rel := pathpkg.Join(g.dir, pattern)
	real, err := g.throughFolderLinks(rel, pattern)
	if err != nil || real == rel {
		return nil, false, err
	}
	realFolder := "."
	if f := pathpkg.Dir(real); f != g.dir {
		realFolder = g.inDir(f)
	}
	for _, name := range g.byFolder[realFolder] {
		names = append(names, folder+"/"+pathpkg.Base(name))
	}
	return names, true, nil
}
