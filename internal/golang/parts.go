package golang

import (
	"bytes"
	"runtime"
	"sync"
)

// The per-error declarations are most of a generated file. They are
// written in parts, 500 errors each, that a big catalog's emitter writes
// concurrently and joins in order.

// declParts splits the per-error declarations into parts that can be written
// concurrently, 500 errors each, and joined in order.
func (g *emitter) declParts() []func(w declWriter) {
	c := g.c
	const perPart = 500
	var chunks [][2]int // errors [start, end) of each part
	for start := 0; start < len(c.Errors); start += perPart {
		chunks = append(chunks, [2]int{start, min(start+perPart, len(c.Errors))})
	}
	parts := []func(w declWriter){
		func(w declWriter) { w.codes(c); w.str("\n") },
		func(w declWriter) { w.sentinels(c); w.str("\n") },
	}
	for _, ch := range chunks {
		parts = append(parts, func(w declWriter) {
			w.b.Grow((ch[1] - ch[0]) * 1024) // about what an error's declarations take
			for i := ch[0]; i < ch[1]; i++ {
				w.errorDecls(c.Errors[i], i)
			}
		})
	}
	parts = append(parts, func(w declWriter) { w.definitionsHead(c) })
	for _, ch := range chunks {
		parts = append(parts, func(w declWriter) {
			for _, e := range c.Errors[ch[0]:ch[1]] {
				w.definition(e, g.metaNames)
			}
		})
	}
	return append(parts, func(w declWriter) { w.definitionsTail(c); w.str("\n") })
}

// writeParts writes the parts one after the other: the plain path.
func writeParts(parts []func(declWriter)) []byte {
	var b bytes.Buffer
	for _, part := range parts {
		part(declWriter{&b})
	}
	return b.Bytes()
}

// writePartsConcurrently writes each part into a buffer of its own, as many
// at once as Go may run, and joins the buffers in order: the bytes of
// writeParts (TestPartsWritersAgree), sooner (BenchmarkPartsWriters).
func writePartsConcurrently(parts []func(declWriter)) []byte {
	written := make([]bytes.Buffer, len(parts))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			part(declWriter{&written[i]})
		})
	}
	wg.Wait()
	size := 0
	for i := range written {
		size += written[i].Len()
	}
	out := make([]byte, 0, size)
	for i := range written {
		out = append(out, written[i].Bytes()...)
	}
	return out
}
