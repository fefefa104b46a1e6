// Package translate writes and updates a catalog's translation files
// (translations/LANG.yaml), for errgen translate: it adds an entry, with
// the source texts as comments and its translations left empty, for every
// text the file does not translate yet, marks the entries whose source
// texts changed since (stale), records the entries a translator marked
// reviewed, and takes out the obsolete ones (for what the catalog no
// longer has). It edits the file's text through textedit, never
// re-encoding it: every other byte a translator wrote stays, and a second
// run changes nothing.
//
// It reads a loaded catalog and writes YAML text; it never imports an
// emitter.
package translate

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
	"github.com/errgen/errgen/internal/textedit"
	"github.com/errgen/errgen/internal/yamlnode"
)

// Word is one of the page's own words in the catalog's language: a heading
// such as "Causes", by the key the Markdown output gives it.
type Word struct {
	Key, Text string
	Lang      string // Text's language: the catalog's, or en where it has none
}

// Options are what Update needs besides the catalog.
type Options struct {
	// Words are the page's own words, added to the file's page mapping
	// when it lacks them.
	Words []Word
	// Prog is how errgen was invoked (go tool errgen), which a new file's
	// header names errgen translate after; "" for plain errgen.
	Prog string
}

// Result is an updated translation file and what changed in it.
type Result struct {
	File     []byte
	Added    int // entries (and top-level texts) added for translators to fill in
	Stale    int // entries newly marked stale
	Reviewed int // entries whose review was recorded: a new source hash
	// Texts counts the texts added for translators to fill in, each ""
	// one text to write (a troubleshooting row two, a list of causes one
	// a cause); TopTexts those of them at the file's top (the page's
	// words, the description, docs and categories), and Entries the
	// errors' entries the others are in, new or not.
	Texts, TopTexts, Entries int
	// Removed are the obsolete entries taken out: those of codes, details,
	// enum values, categories and groups the catalog no longer has.
	Removed []Removal
}

// StaleMark is the comment errgen translate writes after the source hash
// of an entry whose source texts changed since it was translated; it
// takes it back when the entry is marked reviewed.
const StaleMark = "stale: the source texts changed since; review the translation, then add reviewed: true"

// Update returns lang's translation file for c, a catalog Load returned
// with its translations: text, the file as it is (nil when there is
// none), with obsolete entries removed, what is missing added, stale
// entries marked and reviewed ones recorded. For the catalog's own
// language it asks for the page's words alone (opts.Words; none, an
// error), as ownWords says.
func Update(c *catalog.Catalog, lang string, text []byte, opts Options) (*Result, error) {
	t := c.Translations[lang]
	switch {
	case lang == c.Language && len(opts.Words) == 0:
		return nil, fmt.Errorf("%s is the catalog's own language: its texts are the catalog's, and need no translation", lang)
	case lang == c.Language:
		return ownWords(c, text, opts.Words)
	case t == nil:
		return nil, fmt.Errorf("%s is not among the catalog's languages (%v): add it to languages first", lang, c.Languages)
	}
	if text == nil {
		text = header(c, lang, opts.Prog)
	}
	u := &updater{c: c, t: t, in: inheritance{own: t, chain: c.Inherited(lang)}, opts: opts, res: &Result{}}
	text, err := u.removeObsolete(text)
	if err != nil {
		return nil, err
	}
	text, doc, err := u.recordReviews(text)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		if doc, err = parse(text); err != nil {
			return nil, err
		}
	}
	u.adds = textedit.NewAdditions()
	u.top(doc.Content[0])
	out, err := textedit.New(doc, text, false, u.adds).Write(nil)
	if err != nil {
		return nil, inFile(t.File, err)
	}
	u.res.File = out
	return u.res, nil
}

// header is a new file's text: a comment saying what it is, naming errgen
// translate as prog runs it, and its language.
func header(c *catalog.Catalog, lang, prog string) []byte {
	return fmt.Appendf(nil, "# The %s texts of %s's errors, beside the %s of the catalog: fill in each \"\",\n"+
		"# keep the {placeholders}. %s adds what is missing and marks what\n"+
		"# is stale; add reviewed: true to an entry once it is checked again.\n"+
		"language: %s\n", lang, c.API, c.Language, diag.Command("translate "+lang).As(prog), lang)
}

func parse(text []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the translation file is not a mapping")
	}
	return &doc, nil
}

// updater plans the edits of one translation file.
type updater struct {
	c    *catalog.Catalog
	t    *catalog.Translation
	in   inheritance // what the file's shorter tags give, left out of what it is asked for
	opts Options
	adds *textedit.Additions
	res  *Result
}

// recordReviews takes the reviewed: true keys out of the text, their
// comments kept (a translator's note on the mark's line stays, as a
// comment line of its own): the mappings that held them are recorded with
// a new source hash in the next pass. When there are none it returns the
// text unchanged with its tree, doc, which the next pass reads instead of
// parsing the text again (a node per key and text of the whole file); doc
// is nil when the text changed.
func (u *updater) recordReviews(text []byte) (_ []byte, doc *yaml.Node, _ error) {
	doc, err := parse(text)
	if err != nil {
		return nil, nil, err
	}
	keys := map[*yaml.Node]bool{}
	mark := func(m *yaml.Node) {
		if k, v := member(m, "reviewed"); k != nil && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" && v.Value == "true" {
			keys[k] = true
		}
	}
	top := doc.Content[0]
	mark(top)
	if _, errs := member(top, "errors"); errs != nil && errs.Kind == yaml.MappingNode {
		for i := 1; i < len(errs.Content); i += 2 {
			if errs.Content[i].Kind == yaml.MappingNode {
				mark(errs.Content[i])
			}
		}
	}
	if len(keys) == 0 {
		return text, doc, nil
	}
	removed, err := textedit.RemoveKeepingComments(doc, text, keys)
	if err != nil {
		return nil, nil, inFile(u.t.File, err)
	}
	u.res.Reviewed = len(keys)
	return removed.Text, nil, nil
}

// inFile is err, an editor's, in the file's name: file:line:col: message
// for one at a place of the file, file: message for any other.
func inFile(file string, err error) error {
	var pe *textedit.PosError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%w", file, err)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// member returns the key and value of m's member key, or nils.
func member(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// add appends the member key: v to m, as an addition.
func (u *updater) add(m *yaml.Node, key string, v *yaml.Node) {
	yamlnode.Set(m, key, v)
	u.adds.Add(m.Content[len(m.Content)-2], v)
}

// fill adds to m each member of want it lacks and, into each member both
// hold as mappings, what that lacks; it counts the members added.
func (u *updater) fill(m, want *yaml.Node) int {
	n := 0
	lookup := members(m, len(want.Content)/2)
	for i := 0; i+1 < len(want.Content); i += 2 {
		k, v := want.Content[i], want.Content[i+1]
		_, have := lookup(k.Value)
		switch {
		case have == nil && k.Value == "page" && v.Kind == yaml.MappingNode:
			m.Content = append(m.Content, k, v)
			u.adds.Add(k, v)
			n += len(v.Content) / 2 // each word a text to translate, as when the mapping was there
		case have == nil:
			m.Content = append(m.Content, k, v)
			u.adds.Add(k, v)
			n++
		case have.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode:
			n += u.fill(have, v)
		}
	}
	return n
}

// byPosition are the keys of the lists a translation matches to the
// catalog's by position, which must be as long: troubleshooting rows,
// sections, providers and a provider's issues. Causes and remediation are
// free lists (one sentence may read better as two): what a translator
// wrote there is not to be lengthened.
var byPosition = map[string]bool{"troubleshooting": true, "sections": true, "providers": true, "issues": true}

// lengthen appends to each list of m translated by position, and to those
// inside its items, the items of want's list it lacks, in the catalog's
// order, and to each item it has the cells (members) it lacks: a row the catalog added since gets its "" texts under its source
// text, as a new entry would. It counts the items added. A row inserted
// before others leaves the later ones' translations a row early, which
// refreshComments shows: each row's source text is brought up to today's
// above the old translation, for the reviewer of the stale entry.
func (u *updater) lengthen(m, want *yaml.Node) int {
	n := 0
	for i := 0; i+1 < len(want.Content); i += 2 {
		wk, wv := want.Content[i], want.Content[i+1]
		_, v := member(m, wk.Value)
		switch {
		case v == nil:
		case wv.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode:
			n += u.lengthen(v, wv)
		case wv.Kind == yaml.SequenceNode && v.Kind == yaml.SequenceNode && byPosition[wk.Value]:
			for j, item := range wv.Content {
				if j < len(v.Content) {
					if item.Kind == yaml.MappingNode && v.Content[j].Kind == yaml.MappingNode {
						// a row without a cell (a check alone) reads it
						// in the catalog's language, as a row the list
						// lacks does
						n += u.fill(v.Content[j], item)
						n += u.lengthen(v.Content[j], item) // a provider's issues
					}
					continue
				}
				v.Content = append(v.Content, item)
				u.adds.AddItems(item)
				n++
			}
		}
	}
	return n
}

// source records, marks or adds the source hash of m, an entry or the
// top, whose texts hash to now today: a reviewed one gets now, and so
// does one that translates nothing yet (there is nothing to review, and
// errgen validate calls it untranslated, not stale); a changed one that
// translates texts is marked stale, once. One that translates texts
// without a source stays so (errgen validate says to review it): errgen
// never vouches for a translation itself.
func (u *updater) source(m *yaml.Node, now string, reviewed, translates bool) {
	k, v := member(m, "source")
	switch {
	case v == nil && (reviewed || !translates):
		at := 0 // first in an entry; after the language at the top, below the file's heading comment
		if lk, _ := member(m, "language"); lk != nil {
			at = indexOf(m, lk) + 2
		}
		yamlnode.Insert(m, at/2, "source", yamlnode.Str(now))
		u.adds.Add(m.Content[at], m.Content[at+1])
	case v == nil:
	case reviewed || !translates && v.Kind == yaml.ScalarNode:
		// an entry translating nothing yet gets today's hash, as a new
		// one would: its translator translates the texts its comments
		// show, today's, and would be told the translation is stale
		if v.Value != now {
			nv := yamlnode.Str(now)
			m.Content[indexOf(m, k)+1] = nv
			u.adds.Replace(v, nv)
		}
		if strings.HasSuffix(v.LineComment, "# "+StaleMark) {
			u.adds.Mark(v, StaleMark, false)
		}
	case translates && v.Value != now && !strings.HasSuffix(v.LineComment, "# "+StaleMark) && v.Kind == yaml.ScalarNode && m.Style&yaml.FlowStyle == 0:
		u.adds.Mark(v, StaleMark, true)
		u.res.Stale++
	}
}

// refreshComments brings the source texts errgen wrote as comments above
// the texts of m, an entry whose source texts changed since it was
// translated, up to date from want, the entry as it would be written now:
// a translator asked to review it reads the new text above the old
// translation. Comments of the translator's own, above, below, between
// or beside errgen's, stay; a text whose comment the translator took out
// gets none. A free list whose items no longer match the catalog's one for
// one gets today's whole list as one block (refreshWholeList).
func (u *updater) refreshComments(m, want *yaml.Node) {
	first := sourceLinesOf(u.c.Language).first
	lookup := members(m, len(want.Content)/2)
	for i := 0; i+1 < len(want.Content); i += 2 {
		wk, wv := want.Content[i], want.Content[i+1]
		k, v := lookup(wk.Value)
		switch {
		case k == nil:
		case wk.HeadComment != "":
			u.adds.ReplaceComment(k, first, wk.HeadComment)
		case wv.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode:
			u.refreshComments(v, wv)
		case wv.Kind == yaml.SequenceNode && v.Kind == yaml.SequenceNode && !byPosition[wk.Value] && wholeList(wv, v, first):
			u.refreshWholeList(v, wv, first)
		case wv.Kind == yaml.SequenceNode && v.Kind == yaml.SequenceNode && len(wv.Content) == len(v.Content):
			for j, item := range wv.Content {
				// a text, or a row whose texts' comments hoist put above it (a
				// provider's or an issue's below the name heading them, which
				// stays as a comment of the translator's would)
				comment := item.HeadComment
				if i := strings.Index(comment, "\n"+first); i >= 0 && !strings.HasPrefix(comment, first) {
					comment = comment[i+1:]
				}
				if strings.HasPrefix(comment, first) && item.Kind == v.Content[j].Kind && (item.Kind == yaml.ScalarNode || item.Kind == yaml.MappingNode && v.Content[j].Style&yaml.FlowStyle == 0) {
					u.adds.ReplaceComment(v.Content[j], first, comment)
				}
				if item.Kind == yaml.MappingNode && v.Content[j].Kind == yaml.MappingNode {
					u.refreshComments(v.Content[j], item) // a section's body, under its title
				}
			}
		}
	}
}

func indexOf(m, k *yaml.Node) int {
	for i, c := range m.Content {
		if c == k {
			return i
		}
	}
	return -1
}

// sourceLines tells the lines of a comment enComment wrote for a language
// from others: the line it opens with ("# en: Not found") and the lines
// that continue it, lined up under the first or empty ("#").
type sourceLines struct{ first, more string }

func sourceLinesOf(lang string) sourceLines {
	return sourceLines{first: "# " + lang + ":", more: "# " + strings.Repeat(" ", len(lang)+2)}
}

// opens reports whether the comment c opens a source text.
func (s sourceLines) opens(c string) bool { return strings.HasPrefix(c, s.first) }

// continues reports whether the comment c can be a further line of one.
func (s sourceLines) continues(c string) bool { return c == "#" || strings.HasPrefix(c, s.more) }

// enComment is text as a comment naming its language ("en: Not found"),
// its further lines lined up under the first (see sourceLines).
//
// A one-line text with a space at either end, as the page's list_separator
// (", "), is quoted: the comment showed "# en: , ", its space lost to the
// eye and to an editor that trims lines.
func enComment(lang, text string) string {
	text = string(bytes.TrimRight(normalizeBreaks([]byte(text)), "\n"))
	if !strings.Contains(text, "\n") && strings.TrimSpace(text) != text {
		text = strconv.Quote(text)
	}
	var b bytes.Buffer
	pad := bytes.Repeat([]byte(" "), len(lang)+2)
	for i, line := range bytes.Split([]byte(text), []byte("\n")) {
		switch {
		case i == 0:
			fmt.Fprintf(&b, "# %s: %s", lang, line)
		case len(line) == 0:
			b.WriteString("\n#")
		default:
			fmt.Fprintf(&b, "\n# %s%s", pad, line)
		}
	}
	return b.String()
}

// normalizeBreaks makes every line break of a text \n, since a comment
// line ends at any break YAML knows (\r, NEL, LS, PS), and every character
// YAML does not print (a control character, a BOM) U+FFFD.
func normalizeBreaks(text []byte) []byte {
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	return bytes.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\t' || r == '\n' || r >= 0x20 && r <= 0x7e || r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd && r != 0xfeff || r >= 0x10000:
			return r
		}
		return '\ufffd'
	}, text)
}

// normalizeBreaksOneLine is normalizeBreaks with the breaks made spaces.
func normalizeBreaksOneLine(text []byte) []byte {
	return bytes.ReplaceAll(normalizeBreaks(text), []byte("\n"), []byte(" "))
}
