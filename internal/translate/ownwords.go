package translate

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/textedit"
	"github.com/errgen/errgen/internal/yamlnode"
)

// ownWords returns the file of the catalog's own language, text (nil when
// there is none), with every word of words it lacks under page:, "" under
// the English word as a comment. Such a file holds the page's words
// alone, for a language errgen bundles none of: the catalog's texts are
// in its own language already, and a source hash has nothing to track.
func ownWords(c *catalog.Catalog, text []byte, words []Word) (*Result, error) {
	file := catalog.TranslationFile(c.Language)
	if t := c.Translations[c.Language]; t != nil {
		file = t.File
	}
	if text == nil {
		text = fmt.Appendf(nil, "# The words of %s's error page in %s, its catalog's language, which errgen\n"+
			"# bundles none of: headings, labels, sentences. Fill in each \"\", keep the\n"+
			"# {placeholders}. The catalog's own texts stay in the catalog.\nlanguage: %s\n", c.API, c.Language, c.Language)
	}
	doc, err := parse(text)
	if err != nil {
		return nil, inFile(file, err)
	}
	u := &updater{c: c, t: &catalog.Translation{Language: c.Language, File: file}, res: &Result{}, adds: textedit.NewAdditions()}
	top := doc.Content[0]
	if k, _ := member(top, "language"); k == nil {
		yamlnode.Insert(top, 0, "language", yamlnode.Str(c.Language))
		u.adds.Add(top.Content[0], top.Content[1])
	}
	_, page := member(top, "page")
	want := yamlnode.Map()
	for _, w := range words {
		if page == nil || !has(page, w.Key) {
			yamlnode.Set(want, w.Key, yamlnode.Str(""))
			want.Content[len(want.Content)-2].HeadComment = enComment("en", w.Text)
			u.res.Added++
			u.res.Texts++
			u.res.TopTexts++
		}
	}
	switch {
	case len(want.Content) == 0:
	case page == nil:
		u.add(top, "page", want)
	case page.Kind == yaml.MappingNode:
		u.fill(page, want)
	}
	out, err := textedit.New(doc, text, false, u.adds).Write(nil)
	if err != nil {
		return nil, inFile(file, err)
	}
	u.res.File = out
	return u.res, nil
}

// has reports whether the mapping m has the key.
func has(m *yaml.Node, key string) bool {
	k, _ := member(m, key)
	return k != nil
}

// refreshWords brings the source comment above each of the page's words in
// top's page mapping up to the word want gives it today. The words have no
// source hash to mark stale, and their source changes language when the
// catalog's own file fills in (or takes out) a word errgen first asked for
// in English: without this, a file written before the catalog's own one
// was filled would show the English words for good. A comment block of
// neither language (the translator's own) stays.
func (u *updater) refreshWords(top, want *yaml.Node) {
	_, page := member(top, "page")
	_, wantPage := member(want, "page")
	if page == nil || wantPage == nil || page.Kind != yaml.MappingNode {
		return
	}
	lookup := members(page, len(wantPage.Content)/2)
	for i := 0; i+1 < len(wantPage.Content); i += 2 {
		wk := wantPage.Content[i]
		k, _ := lookup(wk.Value)
		if k == nil || wk.HeadComment == "" {
			continue
		}
		for _, lang := range []string{u.c.Language, "en"} {
			first := sourceLinesOf(lang).first
			if hasLine(k.HeadComment, first) {
				u.adds.ReplaceComment(k, first, wk.HeadComment)
				break
			}
		}
	}
}

// hasLine reports whether a line of comment starts with prefix.
func hasLine(comment, prefix string) bool {
	for line := range strings.SplitSeq(comment, "\n") {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}
