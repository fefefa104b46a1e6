package fixed

import "net/http"

// setHeaders sets the response headers of e: Content-Type, the catalog's
// headers, the challenge, the request id (ids, nil for none), and
// Content-Language and Vary in languages[lang] (none when lang is -1). The
// values the catalog fixes are slices made once and shared by every
// response, as gin shares its Content-Type: net/http replaces a header's
// slice and never changes it, and a slice of length and capacity one is
// copied by any append. Only the values filled from details are allocated,
// in one slice; the request id is the request's own slice when it is
// echoed as it came. A static error thus sets its headers without
// allocating. setHeadersPlain (headers_plain_test.go) allocates every value,
// as Write did before; TestSharedHeaders holds the two to the same headers
// and BenchmarkSetHeaders measures what sharing buys.
func (e *Error) setHeaders(h http.Header, ids []string, lang int) {
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
		if v := headerValue(e.fill(hd.template)); v != "" {
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
	setLanguageHeaders(h, lang, handlers > 0 || len(e.def.headers) > 0)
}

// prepareHeaders works out the header values of def that the catalog fixes.
func (def *definition) prepareHeaders(p *prepared) {
	p.holdsRequestID = def.envelope.holdsRequestID()
	p.contentType = []string{def.envelope.mediaType}
	p.headerValues = make([][]string, len(def.headers))
	for i, hd := range def.headers {
		if hd.template == nil && hd.value != "" {
			p.headerValues[i] = []string{hd.value}
		}
	}
	if def.challenge != "" {
		p.challenge = []string{def.challenge}
	}
}

// headerValue makes a header value filled from details safe to send (the
// catalog's own text was checked when it was loaded). Each control character
// but HTAB, and DEL, becomes a space, as net/http's Header.Write does with CR
// and LF: no detail can end the header line, or make a client (Go's among
// them) refuse the whole response, as a NUL does. Spaces and tabs at either
// end are trimmed, as clients trim them; a value left empty is not sent.
// Details are valid UTF-8 already (detailText), and stay so.
func headerValue(v string) string {
	i := 0
	for i < len(v) && v[i]-'!' < '\x7f'-'!' {
		i++ // printable ASCII but space, the usual request id: nothing to do
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
