package markdown

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Every ## heading of a page is a sibling of the others: the page's own
// (Error codes, Handling errors, …), its groups (statuses or categories)
// and the catalog's sections. Two that read the same fail markdownlint's
// MD024, which each page configures with siblings_only, and the second
// gets no link of its own: a link to "#handling-errors" lands on the
// first. A team writing a section of its own advice titles it as errgen's
// does ("Handling errors") easily, so the catalog is refused, at the
// heading that repeats, in every language the page is written in. The
// providers' names, the ### headings under the providers heading, are
// siblings too.

// pageHeading is one ## (or provider ###) heading of a page: its text as
// a renderer reads it, what names it in a message, and where the catalog or
// a translation file gives it (zero for a bundled word).
type pageHeading struct {
	text, what string
	fix        string // what to do when it repeats another
	pos        catalog.Pos
}

// headingRules reports the headings of each language's page that repeat a
// sibling.
func headingRules(c *catalog.Catalog, overridden bool) []diag.Diagnostic {
	if c.Docs.Out == catalog.OutputOff {
		return nil
	}
	var probs []diag.Diagnostic
	// with templates of its own (the run's or docs.templates), those decide
	// the ## headings: renderedHeadingRules judges the pages they write
	if !overridden && len(c.Docs.TemplateFiles) == 0 {
		for _, lang := range append([]string{c.Language}, c.Languages...) {
			probs = append(probs, repeatedHeadings(c, lang, topHeadings(c, lang))...)
		}
	}
	// provider names are not translated: one report, of the default page
	var providers []pageHeading
	for _, p := range c.Docs.Providers {
		providers = append(providers, pageHeading{renderedHeading(heading(p.Name)), fmt.Sprintf("provider %q", p.Name), "merge the two providers, or rename one", p.Pos})
	}
	return append(probs, repeatedHeadings(c, c.Language, providers)...)
}

// topHeadings lists the ## headings of lang's page in the page's order
// (which headings follow is what matters, see repeatedHeadings): its own
// words, its groups, the catalog's sections.
func topHeadings(c *catalog.Catalog, lang string) []pageHeading {
	w := wordsIn(c, lang)
	t := c.Translations[lang]
	var hs []pageHeading
	word := func(key string) {
		at := catalog.Pos{}
		if givenWord(t, key) != "" {
			at = wordPos(t, key)
		}
		hs = append(hs, pageHeading{renderedHeading(w[key]), "page word " + key, "translate the word otherwise", at})
	}
	word("envelope_heading")
	word("handling_heading")
	word("reference_heading")
	hs = append(hs, groupHeadings(c, t)...)
	if len(c.Retired) > 0 {
		word("retired_heading")
	}
	if len(c.Docs.Providers) > 0 {
		word("providers_heading")
	}
	for i, s := range c.Docs.Sections {
		title, at := s.Title, s.Pos
		if t != nil && i < len(t.Sections) && t.Sections[i].Title != "" {
			title, at = t.Sections[i].Title, t.Sections[i].Pos
		}
		hs = append(hs, pageHeading{renderedHeading(heading(title)), fmt.Sprintf("docs section %q", title), "give the section another title", at})
	}
	return hs
}

// groupHeadings lists the page's groups as groupErrors titles them, each
// once: its categories (as t translates them) at the first error of each,
// else its statuses, which come from no text of the catalog. A group's
// strings are made once, not once an error.
func groupHeadings(c *catalog.Catalog, t *catalog.Translation) []pageHeading {
	var hs []pageHeading
	if c.Docs.GroupBy != "category" {
		seen := map[int]bool{}
		for _, e := range c.Errors {
			if !seen[e.Status] {
				seen[e.Status] = true
				title := strings.TrimSpace(strconv.Itoa(e.Status) + " " + http.StatusText(e.Status))
				hs = append(hs, pageHeading{renderedHeading(heading(title)), "the group of status " + strconv.Itoa(e.Status), "", catalog.Pos{}})
			}
		}
		return hs
	}
	seen, titled := map[string]bool{}, map[string]bool{}
	for _, e := range c.Errors {
		if seen[e.Category] {
			continue
		}
		seen[e.Category] = true
		title, what, at := e.Category, "", e.Pos
		if tr := translatedCategory(t, e.Category); tr != "" {
			title, at = tr, t.CategoryPos[e.Category]
		}
		if titled[title] {
			continue // two categories one translation names alike: one group, as groupErrors makes it
		}
		titled[title] = true
		if title == e.Category {
			what = fmt.Sprintf("category %q (of %s)", title, e.Code)
		} else {
			what = fmt.Sprintf("category %q", title)
		}
		hs = append(hs, pageHeading{renderedHeading(heading(title)), what, "rename the category", at})
	}
	return hs
}

// translatedCategory is t's translation of category, "" when none.
func translatedCategory(t *catalog.Translation, category string) string {
	if t == nil {
		return ""
	}
	return t.Categories[category]
}

// renderedHeading is the text of a ## heading holding escaped as a reader
// (and markdownlint) sees it.
func renderedHeading(escaped string) string {
	return headingText("## " + escaped)
}

// repeatedHeadings reports each heading of hs whose text one before it
// has, at the later one's position, or when that is a bundled word's (no
// position), at the earlier one's.
func repeatedHeadings(c *catalog.Catalog, lang string, hs []pageHeading) []diag.Diagnostic {
	var probs []diag.Diagnostic
	first := map[string]int{}
	for i, h := range hs {
		j, repeated := first[h.text]
		if !repeated {
			first[h.text] = i
			continue
		}
		at, other := h, hs[j]
		if at.pos.Line == 0 {
			at, other = other, at
		}
		if at.pos.Line == 0 {
			continue // two bundled words: errgen's own, which its tests keep apart
		}
		page := "page"
		if len(c.Languages) > 0 {
			page = "page in " + lang
		}
		probs = append(probs, diag.Diagnostic{
			Pos:  at.pos,
			Msg:  fmt.Sprintf("%s: the %s already has a heading %q (%s)", at.what, page, h.text, other.what),
			Hint: ": sibling headings that read the same fail markdownlint (MD024), and a link to the second lands on the first; " + at.fix,
		})
	}
	return probs
}
