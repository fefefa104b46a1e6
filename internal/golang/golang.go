package golang

import (
	"bytes"
	"slices"
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/catalog"
)

// Standard-library import paths of the generated package.
const (
	pkgJSON    = "encoding/json"
	pkgErrors  = "errors"
	pkgHTTP    = "net/http"
	pkgIO      = "io"
	pkgStrconv = "strconv"
	pkgUTF8    = "unicode/utf8"
)

// Generate writes the Go package: per error a constant, a sentinel, a details
// struct and a constructor, written directly (decls.go); the envelope writers,
// written with jennifer (envelopes.go); and the fixed half, the same in every
// package and driven by the definitions table (fixed/), so that the package
// compiles fast even for huge catalogs.
func Generate(c *catalog.Catalog, pkg, header string) ([]byte, error) {
	return (&packageWriter{c: c, metaNames: metaNames(c)}).generate(pkg, header)
}

// generate writes the Go package pkg of the emitter's catalog.
func (g *packageWriter) generate(pkg, header string) ([]byte, error) {
	fx, err := loadFixed()
	if err != nil {
		return nil, err
	}
	c := g.c
	h, err := g.catalogHalf(pkg)
	if err != nil {
		return nil, err
	}
	head := preamble(header, pkg, packageDoc(c, pkg), append(slices.Clone(fx.imports), h.imports...))
	out := bytes.NewBuffer(make([]byte, 0, len(head)+h.size()+fx.size()))
	out.WriteString(head)
	h.writeTo(out)
	fx.writeTo(out)
	return out.Bytes(), nil
}

// catalogHalf is what the emitter writes for a catalog, between the
// preamble and the fixed half.
type catalogHalf struct {
	decls     []byte   // constants, sentinels, per-error declarations, the definitions table
	envelopes string   // the envelopes table and writers
	imports   []string // the import paths the envelope writers use
}

// catalogHalf writes the per-catalog declarations of package pkg.
func (g *packageWriter) catalogHalf(pkg string) (*catalogHalf, error) {
	// A path no import can have: named like a standard package (strconv),
	// the file would take that package's identifiers for its own.
	f := jen.NewFilePathName("errgen.generated/"+pkg, pkg)
	g.envelopes(f)
	var src bytes.Buffer
	if err := f.Render(&src); err != nil {
		return nil, err
	}
	imports, envelopes, err := splitImports("envelopes.go", src.Bytes())
	if err != nil {
		return nil, err
	}
	return &catalogHalf{decls: g.declarations(), envelopes: envelopes, imports: imports}, nil
}

// declarations writes the per-error declarations, in the generated file's
// order, one after the other. They were once written in parts of 500 errors
// concurrently; measured on the Go stage, that saved nothing (fastest of 12
// rounds on 2 busy cores: 44.5 against 34.5 ms at 1,000 errors, 513 against
// 487 ms at 10,000), and errgen's emitters already run side by side.
func (g *packageWriter) declarations() []byte {
	c := g.c
	var b bytes.Buffer
	b.Grow(len(c.Errors) * 1200) // about what an error's declarations take
	w := declWriter{b: &b, formatEvery: g.formatEvery, translated: translatedErrors(c)}
	w.codes(c)
	w.str("\n")
	w.sentinels(c)
	w.str("\n")
	for i, e := range c.Errors {
		w.errorDecls(e, i)
	}
	w.definitionsTable(c, g.metaNames, g.literalTable)
	w.catalogSettings(c)
	w.languages(c)
	w.str("\n")
	return b.Bytes()
}

// size is how many bytes writeTo writes.
func (h *catalogHalf) size() int { return len(h.decls) + len(h.envelopes) + 1 }

func (h *catalogHalf) writeTo(b *bytes.Buffer) {
	b.Write(h.decls)
	b.WriteString(h.envelopes)
	b.WriteString("\n")
}

// preamble is the generated file up to its first declaration: the header,
// the package doc, the package clause and the imports, standard library
// only, so one sorted group.
func preamble(header, pkg string, doc []string, imports []string) string {
	slices.Sort(imports)
	imports = slices.Compact(imports)
	var b bytes.Buffer
	b.WriteString("// " + header + "\n\n")
	declWriter{b: &b, formatEvery: true}.docLines(doc) // code blocks: go/doc/comment formats them
	b.WriteString("package " + pkg + "\n\nimport (\n")
	for _, path := range imports {
		b.WriteString("\t" + strconv.Quote(path) + "\n")
	}
	b.WriteString(")\n\n")
	return b.String()
}

// packageWriter writes one catalog's Go package: the per-catalog half
// beside the fixed half it copies.
type packageWriter struct {
	c         *catalog.Catalog
	metaNames []string // meta names some envelope references, sorted; index into definition.meta
	// formatEvery takes the plain path of the doc comment shortcut; see
	// declWriter.
	formatEvery bool
	// literalTable writes the definitions table as a Go composite literal,
	// the plain path beside definitionsText; see table.go.
	literalTable bool
}

// metaNames lists the meta names referenced by the envelopes in use.
func metaNames(c *catalog.Catalog) []string {
	seen := map[string]bool{}
	var names []string
	for _, env := range c.Envelopes {
		for _, r := range env.Refs() {
			if r.Name == catalog.RefMeta && !seen[r.Arg] {
				seen[r.Arg] = true
				names = append(names, r.Arg)
			}
		}
	}
	sort.Strings(names)
	return names
}
