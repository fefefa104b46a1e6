package catalogtest

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// A Regional catalog is served in some of the tags of RegionalChain, each
// with a translation file or without, each file giving each of
// RegionalTexts or leaving it out, as two numbers say: fuzz targets and
// property tests check what errgen reads of a regional language against
// Reads, a model of RFC 4647's lookup written without the catalog's code.

// RegionalChain are the tags a Regional catalog may serve, longest first:
// each truncates, as RFC 4647's lookup does, to those after it.
var RegionalChain = [...]string{"zh-Hant-TW", "zh-Hant", "zh"}

// RegionalText is one text each of a Regional catalog's files may give.
type RegionalText struct {
	Code string // the error's; "" for a text of the catalog's own
	Key  string // the error's text as Error.Untranslated names it: several share "details" or "troubleshooting"
	Word bool   // a page word, which In does not read: the page does
}

// RegionalTexts are the texts a Regional catalog's files may give, in the
// order of the bits that say which each file gives.
var RegionalTexts = []RegionalText{
	{Key: "description"}, {Key: "category"}, {Key: "causes", Word: true},
	{"NOT_FOUND", "title", false}, {"NOT_FOUND", "message", false}, {"NOT_FOUND", "description", false},
	{"NOT_FOUND", "causes", false}, {"NOT_FOUND", "remediation", false},
	{"NOT_FOUND", "troubleshooting", false}, {"NOT_FOUND", "troubleshooting", false},
	{"NOT_FOUND", "details", false}, {"NOT_FOUND", "details", false},
	{"CONFLICT", "title", false}, {"CONFLICT", "message", false},
}

// regionalCatalog is the catalog: every text of RegionalTexts, in English,
// and a fallback error no file translates.
const regionalCatalog = `version: 1
api: Shop API
language: %s
languages: [%s]
description: Errors of the Shop API.
errors:
  - code: NOT_FOUND
    status: 404
    category: lookup
    title: Not found
    message: "{resource} was not found"
    description: The resource is not there.
    causes: [A typo in the id.]
    remediation: [Check the id.]
    troubleshooting:
      - {check: The id is a number, solution: Send its digits.}
    details:
      - {name: resource, type: string, required: true, description: What was looked for.}
      - {name: kind, type: string, enum: [{value: book, description: A book.}]}
  - code: CONFLICT
    status: 409
    title: Conflict
    message: The resource changed.
  - code: INTERNAL_ERROR
    status: 500
    title: Internal error
    message: Something went wrong.
    fallback: true
`

// Regional is a catalog of RegionalTexts served in some of RegionalChain.
type Regional struct {
	Language string            // the catalog's own: en, or zh, whose file gives page words alone
	Served   []string          // the languages listed, as RegionalChain orders them
	HasFile  map[string]bool   // by tag of RegionalChain: whether it has its file, written when the catalog serves it or speaks it
	Gives    map[string][]bool // by language: whether its file gives each of RegionalTexts
	SetAside map[string]bool   // by language: its file's NOT_FOUND message (given) names a detail the catalog renamed, its entry stale: the loader sets it aside
	Files    catalog.MemFiles  // catalog.yaml and the translation files
	C        *catalog.Catalog  // the catalog loaded from Files
	sources  map[string]string // the source hash of each error, "" of the top-level texts
}

// NewRegional makes the Regional catalog serve says: bit i serves
// RegionalChain[i] (one at least is), bit 3+i gives it its file; bit 6
// makes zh the catalog's own language, served by no file (its file, the
// page words of the catalog's own language, gives the word alone); bit
// i*len(RegionalTexts)+j of gives has the file of RegionalChain[i] give
// RegionalTexts[j], and bit 3*len(RegionalTexts)+i sets its NOT_FOUND
// message aside (SetAside). Each text a file gives reads "LANG j"
// (FileText).
func NewRegional(tb testing.TB, serve uint8, gives uint64) *Regional {
	tb.Helper()
	r := &Regional{Language: "en", HasFile: map[string]bool{}, Gives: map[string][]bool{}, SetAside: map[string]bool{}, Files: catalog.MemFiles{}}
	served := serve & 7
	if serve&0x40 != 0 {
		r.Language, served = "zh", serve&3
	}
	for i, lang := range RegionalChain {
		r.HasFile[lang] = serve&(1<<(3+i)) != 0
		r.Gives[lang] = make([]bool, len(RegionalTexts))
		for j := range RegionalTexts {
			r.Gives[lang][j] = gives&(1<<(i*len(RegionalTexts)+j)) != 0
		}
		r.SetAside[lang] = r.Gives[lang][4] && gives&(1<<(3*len(RegionalTexts)+i)) != 0
		if lang == r.Language {
			if r.HasFile[lang] && r.Gives[lang][2] {
				r.Files[catalog.TranslationFile(lang)] = fmt.Appendf(nil, "language: %s\npage: {causes: %q}\n", lang, Text(lang, 2))
			}
			continue
		}
		if served&(1<<i) == 0 && !(i == 0 && served == 0) {
			continue
		}
		r.Served = append(r.Served, lang)
	}
	r.Files["catalog.yaml"] = fmt.Appendf(nil, regionalCatalog, r.Language, strings.Join(r.Served, ", "))
	r.sources = regionalSources(tb, r.Files)
	for _, lang := range r.Served {
		if r.HasFile[lang] {
			r.Files[catalog.TranslationFile(lang)] = r.file(lang)
		}
	}
	c, err := catalog.LoadFiles(r.Files, "catalog.yaml")
	if err != nil {
		tb.Fatalf("the catalog of serve %#x, gives %#x: %v", serve, gives, err)
	}
	r.C = c
	return r
}

// regionalSources are the source hashes the translation files record:
// each is up to date, so that no text is stale.
func regionalSources(tb testing.TB, files catalog.MemFiles) map[string]string {
	c, err := catalog.LoadFiles(files, "catalog.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	sources := map[string]string{"": catalog.TopSourceHash(c)}
	for _, e := range c.Errors {
		sources[e.Code] = catalog.SourceHash(e)
	}
	return sources
}

// Text is what lang's file gives for RegionalTexts[j].
func Text(lang string, j int) string {
	if RegionalTexts[j].Key == "message" && RegionalTexts[j].Code == "NOT_FOUND" {
		return fmt.Sprintf("{resource} %s %d", lang, j)
	}
	return fmt.Sprintf("%s %d", lang, j)
}

// FileText is what lang's file holds for RegionalTexts[j]: Text, or
// for a message set aside, one naming a detail the catalog has not.
func (r *Regional) FileText(lang string, j int) string {
	if j == 4 && r.SetAside[lang] {
		return strings.Replace(Text(lang, j), "{resource}", "{gone}", 1)
	}
	return Text(lang, j)
}

// Reads is what lang reads RegionalTexts[j] in: the nearest language of
// its chain, itself first, that the catalog serves with a file that gives
// it and does not set it aside; "" for the catalog's own language. The
// catalog's own language ends the chain: its texts are all there, and its
// file gives page words alone.
func (r *Regional) Reads(lang string, j int) string {
	for _, tag := range RegionalChain[slices.Index(RegionalChain[:], lang):] {
		if tag == r.Language && !RegionalTexts[j].Word {
			return ""
		}
		if r.HasFile[tag] && r.Gives[tag][j] && !(j == 4 && r.SetAside[tag]) && (tag == r.Language || slices.Contains(r.Served, tag)) {
			return tag
		}
	}
	return ""
}

// Chain are the tags after lang in its chain whose files it reads, nearest
// first: those the catalog serves with a file, up to its own language.
func (r *Regional) Chain(lang string) []string {
	var tags []string
	for _, tag := range RegionalChain[slices.Index(RegionalChain[:], lang)+1:] {
		if tag == r.Language {
			break
		}
		if r.HasFile[tag] && slices.Contains(r.Served, tag) {
			tags = append(tags, tag)
		}
	}
	return tags
}

// Untranslated are the keys of code's texts that lang reads in the
// catalog's language, in RegionalTexts' order, each once.
func (r *Regional) Untranslated(lang, code string) []string {
	var keys []string
	for j, text := range RegionalTexts {
		if text.Code == code && r.Reads(lang, j) == "" && !slices.Contains(keys, text.Key) {
			keys = append(keys, text.Key)
		}
	}
	return keys
}

// file is lang's translation file: the texts Gives says it gives, each
// entry with its up-to-date source hash.
func (r *Regional) file(lang string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "language: %s\nsource: %s\n", lang, r.sources[""])
	line := func(j int, format string) string {
		if !r.Gives[lang][j] {
			return ""
		}
		return fmt.Sprintf(format, r.FileText(lang, j))
	}
	b.WriteString(line(0, "description: %q\n"))
	b.WriteString(line(1, "categories: {lookup: %q}\n"))
	b.WriteString(line(2, "page: {causes: %q}\n"))
	notFound := line(3, "    title: %q\n") + line(4, "    message: %q\n") + line(5, "    description: %q\n") +
		line(6, "    causes: [%q]\n") + line(7, "    remediation: [%q]\n")
	if row := strings.Trim(line(8, "check: %q")+", "+line(9, "solution: %q"), ", "); row != "" {
		notFound += "    troubleshooting:\n      - {" + row + "}\n"
	}
	if details := line(10, "      resource: {description: %q}\n") + line(11, "      kind: {enum: {book: %q}}\n"); details != "" {
		notFound += "    details:\n" + details
	}
	conflict := line(12, "    title: %q\n") + line(13, "    message: %q\n")
	for _, entry := range []struct{ code, lines string }{{"NOT_FOUND", notFound}, {"CONFLICT", conflict}} {
		if entry.lines != "" {
			if !strings.Contains(b.String(), "\nerrors:\n") {
				b.WriteString("errors:\n")
			}
			source := r.sources[entry.code]
			if entry.code == "NOT_FOUND" && r.SetAside[lang] {
				source = "0000beef" // a change of the catalog since the file was made
			}
			fmt.Fprintf(&b, "  %s:\n    source: %s\n%s", entry.code, source, entry.lines)
		}
	}
	return []byte(b.String())
}

// English is the catalog's own text of each of RegionalTexts, as the
// catalog reads it: what a text no file gives reads.
var English = []string{
	"Errors of the Shop API.", "lookup", "", "Not found", "{resource} was not found", "The resource is not there.",
	"A typo in the id.", "Check the id.", "The id is a number", "Send its digits.", "What was looked for.", "A book.",
	"Conflict", "The resource changed.",
}

// ReadText is RegionalTexts[j] of c, a Regional catalog In returned; ""
// for a page word, which In does not read.
func ReadText(c *catalog.Catalog, j int) string {
	nf, conflict := c.Errors[0], c.Errors[1]
	texts := []func() string{
		func() string { return c.Description }, func() string { return nf.Category }, func() string { return "" },
		func() string { return nf.Title }, func() string { return nf.Message.Source }, func() string { return nf.Description },
		func() string { return nf.Causes[0] }, func() string { return nf.Remediation[0] },
		func() string { return nf.Troubleshooting[0].Check }, func() string { return nf.Troubleshooting[0].Solution },
		func() string { return nf.Details[0].Description }, func() string { return nf.Details[1].Enum[0].Description },
		func() string { return conflict.Title }, func() string { return conflict.Message.Source },
	}
	return texts[j]()
}

// AddRegionalSeeds adds to f, a fuzz target taking NewRegional's serve and
// gives, the seeds every regional target starts from: every language with
// a file and none or all texts given, alternate texts, single chains, the
// own language, a message set aside.
func AddRegionalSeeds(f *testing.F) {
	for _, seed := range []struct {
		serve uint8
		gives uint64
	}{
		{0x3f, 0}, {0x3f, 1<<42 - 1}, {0x7f, 1<<42 - 1}, {0x3f, 1<<45 - 1}, {0x3f, 7<<42 | 1<<4 | 1<<18}, {0x7b, 7<<42 | 0x3fff<<14}, {0x7b, 0x5555555555}, {0x3f, 0x5555555555}, {0x3f, 0x2aaaaaaaaa}, {0x3e, 0x2aaaaaaaaa}, {0x3d, 0x3fff << 14},
		{0x3b, 0x3fff}, {0x1f, 0x0f0f0f0f0f}, {0x07, 1<<42 - 1}, {0x2d, 0x123456789}, {0x36, 0x3fff<<28 | 0x3fff},
	} {
		f.Add(seed.serve, seed.gives)
	}
}

// LanguagesAlsoDECH loads testdata/languages (served in de and fr) served
// in de-CH too, from memory: its files, and files over them (de-CH's
// translation file, as a test wants it; none for a de-CH without one).
func LanguagesAlsoDECH(tb testing.TB, files catalog.MemFiles) *catalog.Catalog {
	tb.Helper()
	all := catalog.MemFiles{}
	for _, name := range []string{"catalog.yaml", "translations/de.yaml", "translations/fr.yaml"} {
		data, err := os.ReadFile(Path("testdata/languages/" + name))
		if err != nil {
			tb.Fatal(err)
		}
		all[name] = data
	}
	all["catalog.yaml"] = []byte(strings.Replace(string(all["catalog.yaml"]), "languages: [de, fr]", "languages: [de, fr, de-CH]", 1))
	maps.Copy(all, files)
	c, err := catalog.LoadFiles(all, "catalog.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
