package fixed

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
)

// representationHeaders are the headers a handler sets for the body it
// meant to send, which are wrong for the error's, and which setHeaders
// removes: a Content-Length, as http.Error knows, would cut the error's
// short or leave the client waiting; a Content-Disposition would save it
// as the file meant (report.csv); an ETag or Last-Modified would let a
// cache revalidate the error as that body. Cache-Control and
// Content-Encoding stay: middleware sets them for every response (no-store,
// a gzip writer that compresses the error too), as http.Error keeps them.
var representationHeaders = [...]string{"Content-Length", "Content-Disposition", "Etag", "Last-Modified"}

// setHeaders sets the response headers of e: Content-Type, the catalog's
// headers, the challenge, the request id (ids, nil for none), and
// Content-Language and Vary in languages[lang] (none when lang is -1); it
// removes the representationHeaders the handler set. The
// values the catalog fixes are slices made once and shared by every
// response, as gin shares its Content-Type: net/http replaces a header's
// slice and never changes it, and a slice of length and capacity one is
// copied by any append. Only the values filled from details are allocated,
// in one slice, but for an int 0 to 99 filling a header alone (intHeader);
// the request id is the request's own slice when it is echoed as it came. A
// static error thus sets its headers without allocating, and so does a 429
// whose Retry-After is under 100 seconds. setHeadersPlain (headers_plain_test.go) allocates every value,
// as Write did before; TestSharedHeaders holds the two to the same headers
// and BenchmarkSetHeaders measures what sharing buys.
func (e *Error) setHeaders(h http.Header, ids []string, lang int) {
	// Most responses have no header yet: they skip the deletes.
	if len(h) > 0 {
		for _, name := range representationHeaders {
			delete(h, name)
		}
	}
	handlers := len(h) // the headers the handler set: a Vary among them is kept
	p := e.def.prepared()
	h["Content-Type"] = p.contentType
	var values []string
	for i, hd := range e.def.headers {
		if hd.template == nil {
			if v := p.headerValues[i]; v != nil {
				h[hd.name] = v
			}
			continue
		}
		if e.details == nil {
			continue // a sentinel: nothing to fill the header with
		}
		if k := p.headerInts[i]; k >= 0 {
			if v, ok := e.intHeader(p, k); ok {
				if v != nil {
					h[hd.name] = v
				}
				continue
			}
		}
		if v := headerValue(e.fill(hd.template)); v != "" {
			if i == p.delayHeader {
				v = notNegative(v)
			}
			if values == nil {
				values = make([]string, 0, len(e.def.headers))
			}
			values = append(values, v)
			n := len(values)
			h[hd.name] = values[n-1 : n : n]
		}
	}
	if p.challenge != nil {
		h["Www-Authenticate"] = p.challenge
	}
	if ids != nil {
		h[requestIDHeader] = ids
	}
	// Only the handler's headers and the catalog's can hold a Vary to keep:
	// with neither, setLanguageHeaders need not look it up.
	setLanguageHeaders(h, lang, handlers > 0 || p.setsVary)
}

// intHeader is the value of a header whose template is one placeholder of
// an int detail, fields[k], as Retry-After's is, for the values most such
// headers hold (0 to 99): a slice of smallInts, shared by every response,
// so that filling it allocates nothing; ok is false for any other value,
// or details of another type, which fill renders. nil, ok for a detail the
// body leaves out (none is sent). TestSharedHeaders holds it to fill.
func (e *Error) intHeader(p *prepared, k int) (v []string, ok bool) {
	if !p.holds(reflect.TypeOf(e.details)) {
		return nil, false
	}
	f := &p.fields[k]
	n := e.detailsStruct().Field(f.index).Int()
	switch {
	case n == 0 && f.omitEmpty || e.isMissing(f.name):
		return nil, true
	case n < 0 || n >= int64(len(smallInts)):
		return nil, false
	}
	return smallInts[n : n+1 : n+1], true
}

// smallInts are the decimal texts of 0 to 99: the shared header values of
// intHeader. init fills them in place, where a function returning the
// array made the compiler describe [100]string, equality function included.
var smallInts [100]string

func init() {
	for i := range smallInts {
		smallInts[i] = strconv.Itoa(i)
	}
}

// prepareHeaders works out the header values of def that the catalog fixes.
// It runs once the details' fields are known (headerInts points into them).
func (def *definition) prepareHeaders(p *prepared) {
	p.holdsRequestID = def.envelope.holdsRequestID()
	p.contentType = []string{def.envelope.mediaType}
	p.headerValues = make([][]string, len(def.headers))
	p.headerInts = make([]int, len(def.headers))
	p.delayHeader = -1
	for i, hd := range def.headers {
		p.headerInts[i] = -1
		if http.CanonicalHeaderKey(hd.name) == "Retry-After" {
			p.delayHeader = i
		}
		if hd.template == nil && hd.value != "" {
			p.headerValues[i] = []string{hd.value}
		}
		p.setsVary = p.setsVary || http.CanonicalHeaderKey(hd.name) == "Vary"
		if len(hd.template) != 1 || hd.template[0].detail == "" || p.pointer == nil {
			continue
		}
		for k, f := range p.fields {
			if f.name == hd.template[0].detail && p.pointer.Elem().Field(f.index).Type.Kind() == reflect.Int {
				p.headerInts[i] = k
			}
		}
	}
	if def.challenge != "" {
		p.challenge = []string{def.challenge}
	}
}

// notNegative is v, a Retry-After filled from an int detail (the catalog
// allows no other), as it is sent: a negative number, a wait already over,
// is 0, for RFC 9110's delay-seconds are digits alone, and a client reads
// no Retry-After at all in "-5" (ParseResponse did).
func notNegative(v string) string {
	if strings.HasPrefix(v, "-") {
		return "0"
	}
	return v
}

// headerValue makes a header value filled from details safe to send (the
// catalog's own text was checked when it was loaded). Each control character
// but HTAB, and DEL, becomes a space, as net/http's Header.Write does with CR
// and LF: no detail can end the header line, or make a client (Go's among
// them) refuse the whole response, as a NUL does. Spaces and tabs at either
// end are trimmed, as clients trim them; a value left empty is not sent.
// Details are valid UTF-8 already (detailText), and stay so.
func headerValue(v string) string {
	// Printable ASCII but space, the usual request id: nothing to do. Eight
	// bytes at a time: a byte below '!' borrows in x-0x21, one of DEL or
	// above sets its top bit in x or x+1; no byte borrows or carries into
	// the next unless it is one of them.
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(v); i += 8 {
		w := v[i : i+8] // one bounds check, one load
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if (x|(x-0x21*ones)|(x+ones))&tops != 0 {
			break
		}
	}
	for i < len(v) && v[i]-'!' < '\x7f'-'!' {
		i++
	}
	if i == len(v) {
		return v
	}
	for ; i < len(v); i++ {
		if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
			b := []byte(v)
			for ; i < len(b); i++ {
				if c := b[i]; c < ' ' && c != '\t' || c == 0x7f {
					b[i] = ' '
				}
			}
			v = string(b)
		}
	}
	for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for len(v) > 0 && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
		v = v[:len(v)-1]
	}
	return v
}
