package golang

import (
	"bytes"
	"io"
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

// Write is Generate writing the file to w as it goes, about flushSize bytes
// at a time, holding neither the file nor its declarations whole: the
// stream beside Generate, which is its plain path (TestWriteIsGenerate).
func Write(w io.Writer, c *catalog.Catalog, pkg, header string) error {
	return (&packageWriter{c: c, metaNames: metaNames(c)}).write(w, pkg, header)
}

// flushSize is about how much Write holds before writing it out.
const flushSize = 64 << 10

// write is Write.
func (g *packageWriter) write(w io.Writer, pkg, header string) error {
	fx, err := loadFixed(variantOf(g.c))
	if err != nil {
		return err
	}
	imports, envelopes, err := g.envelopeWriters(pkg)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Grow(2 * flushSize)
	b.WriteString(preamble(header, pkg, packageDoc(g.c, pkg), append(slices.Clone(fx.imports), imports...)))
	var werr error // the first of w's errors, after which nothing more is written
	flush := func(size int) {
		if b.Len() >= size && werr == nil {
			_, werr = w.Write(b.Bytes())
		}
		if b.Len() >= size || werr != nil {
			b.Reset()
		}
	}
	g.writeDeclarations(&b, func() { flush(flushSize) })
	b.WriteString(envelopes)
	b.WriteString("\n")
	fx.writeTo(&b)
	flush(0)
	return werr
}

// generate writes the Go package pkg of the emitter's catalog.
func (g *packageWriter) generate(pkg, header string) ([]byte, error) {
	fx, err := loadFixed(variantOf(g.c))
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
	imports, envelopes, err := g.envelopeWriters(pkg)
	if err != nil {
		return nil, err
	}
	return &catalogHalf{decls: g.declarations(), envelopes: envelopes, imports: imports}, nil
}

// envelopeWriters writes the envelopes table and writers of package pkg,
// and lists the import paths they use.
func (g *packageWriter) envelopeWriters(pkg string) (imports []string, envelopes string, err error) {
	// A path no import can have: named like a standard package (strconv),
	// the file would take that package's identifiers for its own.
	f := jen.NewFilePathName("errgen.generated/"+pkg, pkg)
	g.envelopes(f)
	var src bytes.Buffer
	if err := f.Render(&src); err != nil {
		return nil, "", err
	}
	return splitImports("envelopes.go", src.Bytes())
}

// declarations writes the per-error declarations, in the generated file's
// order, one after the other. They were once written in parts of 500 errors
// concurrently; measured on the Go stage, that saved nothing (fastest of 12
// rounds on 2 busy cores: 44.5 against 34.5 ms at 1,000 errors, 513 against
// 487 ms at 10,000), and errgen's emitters already run side by side.
func (g *packageWriter) declarations() []byte {
	var b bytes.Buffer
	b.Grow(len(g.c.Errors) * 1200) // about what an error's declarations take
	g.writeDeclarations(&b, func() {})
	return b.Bytes()
}

// writeDeclarations writes the declarations to b, calling spill after each
// error's and after the definitions table, when b may be written out and
// emptied.
func (g *packageWriter) writeDeclarations(b *bytes.Buffer, spill func()) {
	c := g.c
	w := declWriter{b: b, formatEvery: g.formatEvery, translated: translatedErrors(c), cols: new(columns)}
	w.codes(c)
	w.str("\n")
	w.sentinels(c)
	w.str("\n")
	for i, e := range c.Errors {
		w.errorDecls(e, i)
		spill()
	}
	w.definitionsTable(c, g.metaNames, g.literalTable) // a row an error: held whole, a fraction of the file
	spill()
	w.catalogSettings(c)
	w.languages(c)
	w.str("\n")
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
