package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen"
	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/markdown"
)

// orphanPages lists the Markdown pages beside the default language's page
// that errgen wrote for a language the catalog no longer speaks: named as
// errgen.PagePath names a page in a language (a tag the catalog could
// declare: catalog.LanguageProblem), their first line errgen's
// header, linking the default language's page near their top (the
// languages line), and not among targets. Left there, a removed language's
// page would go on being published, stale. A hand-written file of such a
// name, without the header, is not errgen's and is left alone, and so is a
// copy of the default language's page (errors.bak.md), which does not link
// itself.
func orphanPages(targets []target) ([]string, error) {
	page := ""
	keep := map[string]bool{}
	for _, t := range targets {
		keep[filepath.Clean(t.path)] = true
		if p, ok := t.gen.(errgen.Planned); ok && p.Output == errgen.OutputMarkdown && p.Language == "" {
			page = t.path
		}
	}
	if page == "" {
		return nil, nil
	}
	dir, name := filepath.Split(page)
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext) + "."
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var orphans []string
	for _, e := range entries {
		tag, named := strings.CutPrefix(e.Name(), stem)
		tag, tagged := strings.CutSuffix(tag, ext)
		if !named || !tagged || !e.Type().IsRegular() || catalog.LanguageProblem(tag) != "" {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if keep[filepath.Clean(path)] {
			continue
		}
		head, err := readHead(path, 4096) // the header and the languages line
		if err != nil {
			return nil, err
		}
		// The languages line links the page by its name escaped for a link
		// (my%20errors.md), as the markdown package writes it.
		if generatedByErrgen(head) && bytes.Contains(head, []byte("]("+url.PathEscape(name)+")")) {
			orphans = append(orphans, path)
		}
	}
	return orphans, nil
}

// readHead returns the first n bytes of the file, or all of a shorter one,
// past the front matter a page opens with: errgen's header and the
// languages line are below it, however long it is (a page's own
// page.tmpl writes it).
func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, n)
	got, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	head = head[:got]
	bom := len(head) - len(bytes.TrimPrefix(head, []byte("\ufeff")))
	if got < n || !markdown.OpensFrontMatter(head[bom:]) {
		return head, nil
	}
	more := int64(maxOutputSize) // up to where the front matter closes, not known yet
	if front := markdown.FrontMatterLen(head[bom:]); front > 0 {
		more = int64(bom + front + n - got)
	}
	rest, err := io.ReadAll(io.LimitReader(f, more))
	if err != nil {
		return nil, err
	}
	head = append(head, rest...)
	end := bom + markdown.FrontMatterLen(head[bom:]) + n
	return head[:min(len(head), end)], nil
}

// removeOrphans removes the pages orphanPages found, once every output is
// written, and says so.
func removeOrphans(orphans []string, stdout io.Writer) error {
	for _, path := range orphans {
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("%w (a page in a language the catalog no longer speaks)", err)
		}
		fmt.Fprintf(stdout, "removed %s: the catalog no longer speaks its language\n", path)
	}
	return nil
}
