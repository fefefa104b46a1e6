package errgen

import (
	"fmt"
	"io"

	"github.com/errgen/errgen/catalog"
)

// Planned is one of Generate's files that Plan checked and has not
// computed: a File without its data, which WriteTo writes.
type Planned struct {
	Output   Output // which output
	Path     string // default path, relative to the output directory, slash-separated
	Language string // a Markdown page's language when it is not the default language's page; "" for every other file
	write    func(w io.Writer) error
}

// Plan makes Generate's checks and returns the files Generate would
// return, in its order, not yet computed. Writing them one after another
// holds one file in memory at a time, and the Go file and the OpenAPI
// document not even that: Generate holds every file at once, and the
// emitters' work beside.
func Plan(c *catalog.Catalog, opts Options) ([]Planned, error) {
	chosen, err := checked(c, opts)
	if err != nil {
		return nil, err
	}
	var plans []Planned
	for _, em := range chosen {
		for _, p := range em.parts(c, opts) {
			plans = append(plans, Planned{Output: em.output, Path: p.path, Language: p.language, write: p.write})
		}
	}
	return plans, nil
}

// WriteTo computes the file and writes it to w: the bytes Generate returns
// in its File. On error, what w got is to be thrown away.
func (p Planned) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	if err := p.write(cw); err != nil {
		return cw.n, fmt.Errorf("%s output: %w", p.Output, err)
	}
	return cw.n, nil
}

// countingWriter counts what it writes through.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
