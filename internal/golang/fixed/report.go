package fixed

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Config adapts the package to a service: where reports go, how errors that
// are not catalog errors map to catalog errors, where request ids come from.
// Set it once, when the service starts, with Configure; the zero Config is
// the default.
type Config struct {
	// Reporter receives each Report: a catalog error sent with a breach, an
	// error that was not a catalog error (the fallback sent), a nil error, a
	// panic, an error nothing was written for (its response had started,
	// its connection was hijacked, or http.TimeoutHandler answered first;
	// see Write). nil logs each with
	// slog.Default() at the report's level. Tests may set Strict(t.Errorf).
	Reporter func(Report)
	// Map turns an error that is not a catalog error (nor wraps one), such
	// as sql.ErrNoRows, context.DeadlineExceeded or a domain error, into the
	// catalog error to send, before Write falls back; nil, or a nil result,
	// leaves it to the fallback. An error it maps is not reported: attach
	// the cause with WithCause to keep it in logs.
	Map func(error) *Error
	// RequestID returns the id of a request (e.g. the one the service's
	// middleware put in its context), for a catalog with request ids
	// (request_id.header), when the error sent has none; "" lets Write take
	// the response's header (a middleware set it before the handler ran),
	// else the request's, else make one (26 characters of base32, as
	// crypto/rand.Text writes them). nil is the same as returning "".
	// Write takes no id that is not valid UTF-8, neither this one's nor a
	// header's (nor one of a header's over 200 bytes): the JSON body could
	// carry it only with U+FFFD for its bad bytes, the header only as it
	// came, and a client could not match the two. It goes on instead: to
	// the header's, else to a new one.
	RequestID func(*http.Request) string
}

// config holds the *Config set with Configure: an atomic.Value, not the
// generic atomic.Pointer[Config], whose methods the compiler made in
// every generated package (see index).
var config atomic.Value

// Configure sets the package's Config. Call it once, before serving; a
// later call replaces the whole Config.
func Configure(c Config) {
	config.Store(&c)
}

var defaultConfig Config

// currentConfig is the Config set with Configure, or the default.
func currentConfig() *Config {
	if c, _ := config.Load().(*Config); c != nil {
		return c
	}
	return &defaultConfig
}

// Report is what the package tells the service when it could not send an
// error as given, or sent nothing.
type Report struct {
	Level   slog.Level    // slog.LevelError; slog.LevelDebug when the request's context was canceled (its client most likely went away; the error is written all the same), http.TimeoutHandler answered first, or the RPC's context was done; slog.LevelWarn when a gRPC status's details were trimmed to fit its trailer (RPCTrimmed)
	Problem string        // what happened, in a few words
	Err     error         // the error given; nil for a nil error; for a panic, one wrapping its value
	Sent    *Error        // the error written, with the request id sent (see Config.RequestID); nil when nothing was
	Request *http.Request // the request Write answered; nil from MarshalJSON and for an RPC
	// Procedure is the RPC a gRPC or Connect server interceptor answered
	// ("/pkg.Service/Method"); "" for Write.
	Procedure string
	Stack     []byte // a panic's stack; nil otherwise

	ctx context.Context // the RPC's, for the default log (a request's is its own)
}

// String describes the report on one line, without the stack.
func (r Report) String() string {
	s := r.Problem
	if r.Err != nil {
		s += ": " + r.Err.Error()
	}
	if r.Sent != nil {
		s += fmt.Sprintf(" (sent %d %s)", r.Sent.Status(), r.Sent.Code())
	}
	if r.Request != nil && r.Request.URL != nil {
		s += " [" + r.Request.Method + " " + r.Request.URL.Path + "]"
	}
	if r.Procedure != "" {
		s += " [" + r.Procedure + "]"
	}
	return s
}

// Strict returns a Reporter for tests that calls fail with every report at
// level ERROR or above, e.g. Configure(Config{Reporter: Strict(t.Errorf)}):
// a sentinel written without its details, an unmapped error, a panic fail
// the test. It panics if fail is nil, where the Reporter would have
// panicked inside the Write it reports for.
func Strict(fail func(format string, args ...any)) func(Report) {
	if fail == nil {
		panic("Strict: nil fail function")
	}
	return func(r Report) {
		if r.Level >= slog.LevelError {
			fail("error response: %s", r)
		}
	}
}

// An origin is where an error being sent was asked for, which its reports
// name: the request Write answers, or the RPC a server interceptor does
// (its procedure and context). A nil *origin reports nothing: MarshalJSON
// may run inside a logger.
type origin struct {
	request   *http.Request
	procedure string
	ctx       context.Context
	// hold keeps the reports in held until flush names the request id
	// sent, which Write knows only once it knows the error it sends.
	hold bool
	held []Report
	// canceled lowers the reports flushed to debug level: the request's
	// context was canceled, its client most likely gone (see clientGone).
	canceled bool
}

// report hands r, made at o, to the Reporter, or holds it.
func (o *origin) report(r Report) {
	r.Request, r.Procedure, r.ctx = o.request, o.procedure, o.ctx
	if o.hold {
		o.held = append(o.held, r)
		return
	}
	report(r)
}

// flush hands the reports held to the Reporter, their Sent carrying the
// request id the response carries (ids, its header value; nil for none),
// unless it has one of its own: the log of a failure names the id its
// client was given, which the client quotes to support.
func (o *origin) flush(ids []string) {
	for _, r := range o.held {
		r.Sent = sentWithID(r.Sent, ids)
		if o.canceled {
			r.Level = min(r.Level, slog.LevelDebug)
			r.Problem += " (request context canceled: the client most likely went away)"
		}
		report(r)
	}
	o.held = nil
}

// sentWithID is sent, a report's Sent (nil for none), carrying the request
// id the response carries (ids, its header value; nil for none) unless it
// has one of its own.
func sentWithID(sent *Error, ids []string) *Error {
	if sent != nil && sent.requestID == "" && ids != nil {
		return sent.withRequestID(ids[0])
	}
	return sent
}

// report hands r to the Reporter.
func report(r Report) {
	if f := currentConfig().Reporter; f != nil {
		f(r)
		return
	}
	ctx := r.ctx
	switch {
	case r.Request != nil:
		ctx = r.Request.Context()
	case ctx == nil:
		ctx = context.Background()
	}
	l := slog.Default()
	if !l.Enabled(ctx, r.Level) {
		return
	}
	attrs := make([]slog.Attr, 0, 6)
	if r.Err != nil {
		attrs = append(attrs, slog.Any("error", r.Err))
	}
	if r.Sent != nil {
		attrs = append(attrs, slog.Any("sent", r.Sent))
	}
	if r.Request != nil && r.Request.URL != nil {
		attrs = append(attrs, slog.String("method", r.Request.Method), slog.String("path", r.Request.URL.Path))
	}
	if r.Procedure != "" {
		attrs = append(attrs, slog.String("procedure", r.Procedure))
	}
	if r.Stack != nil {
		attrs = append(attrs, slog.String("stack", string(r.Stack)))
	}
	l.LogAttrs(ctx, r.Level, "error response: "+r.Problem, attrs...)
}

// requestID is the id of a request for an error that has none: the
// service's, else the one already on the response h (a middleware's, which
// the service logs), else the request's header (up to
// maxIncomingRequestID bytes), else a new one; and the id as a header
// value. An id that is not valid UTF-8 is not taken: the body would carry
// it with U+FFFD for its bad bytes, the header as it is.
func requestID(r *http.Request, h http.Header) (id string, value []string) {
	if f := currentConfig().RequestID; f != nil {
		if id := headerValue(f(r)); id != "" && utf8.ValidString(id) {
			return id, []string{id}
		}
	}
	// requestIDHeader is canonical already: indexing skips Get's
	// canonicalization. A response without headers yet, as most are, costs
	// no lookup.
	if len(h) > 0 {
		if id, value := headerID(h[requestIDHeader]); id != "" {
			return id, value
		}
	}
	if id, value := headerID(r.Header[requestIDHeader]); id != "" {
		return id, value
	}
	return newRequestIDValue()
}

// sendableID is id as a header can carry it and as JSON does: the two
// would differ for bytes that are not UTF-8 (JSON sends U+FFFD for them)
// and control characters (JSON escapes them, headerValue blanks them).
func sendableID(id string) string {
	return headerValue(strings.ToValidUTF8(id, "\uFFFD"))
}

// headerID is the id a header's values carry, sendable, and its header
// value: the values' own slice when the id is as it came, shared; "" for
// none, one over maxIncomingRequestID bytes, or one not valid UTF-8.
func headerID(ids []string) (string, []string) {
	if len(ids) == 0 || len(ids[0]) > maxIncomingRequestID || !utf8.ValidString(ids[0]) {
		return "", nil
	}
	id := headerValue(ids[0])
	switch {
	case id == "":
		return "", nil
	case id == ids[0]:
		return id, ids[:1:1]
	}
	return id, []string{id}
}

// maxIncomingRequestID is the longest request id taken from a request, as
// Heroku's router takes one (200 characters): a longer one is replaced by a
// new id, not echoed into the response, the body and every log line. It is
// also the longest kept from a response or status (receiveRequestID).
const maxIncomingRequestID = 200

// idsPerBatch is how many request ids newRequestIDValue makes at once.
const idsPerBatch = 32

// An idBatch is request ids made together: their text is one string and
// their header values one slice, so making an id allocates nothing 31 times
// in 32. Two allocations of a few bytes each were a third of the time of a
// static Write for a request without an id, and the collections they
// brought on slowed the header map's writes, through write barriers.
type idBatch struct {
	values []string // an id each, handed out as values[i:i+1:i+1]
	next   int      // the first id not handed out
}

// idBatches keeps a batch per P, so goroutines share no counter.
var idBatches = sync.Pool{New: func() any { return new(idBatch) }}

// newRequestIDValue returns a new request id and its header value, a slice
// of its own of capacity 1 (an Add to it copies), from a batch that hands
// each id out once: only the goroutine that took the batch from the pool
// reads or moves next. Its plain path makes them one at a time:
// newRequestID (requestid_test.go) and []string{id}. TestNewRequestID
// holds both to one format and to ids never seen twice;
// BenchmarkNewRequestID compares them.
func newRequestIDValue() (string, []string) {
	b := idBatches.Get().(*idBatch)
	if b.next == len(b.values) {
		b.fill()
	}
	v := b.values[b.next : b.next+1 : b.next+1]
	b.next++
	idBatches.Put(b)
	return v[0], v
}

// fill replaces b's ids with idsPerBatch new ones.
func (b *idBatch) fill() {
	var text [idsPerBatch * requestIDLen]byte
	for i := range idsPerBatch {
		writeRequestID((*[requestIDLen]byte)(text[i*requestIDLen:]))
	}
	all := string(text[:])
	b.values = make([]string, idsPerBatch)
	for i := range b.values {
		b.values[i] = all[i*requestIDLen : (i+1)*requestIDLen]
	}
	b.next = 0
}

// requestIDLen is the length of a request id writeRequestID makes.
const requestIDLen = 26

// writeRequestID writes a new request id into b: 26 characters of RFC 4648
// base32 (A-Z, 2-7), as crypto/rand.Text writes them, from 128 random bits,
// safe in a header and in JSON. An id must be unique, not secret: the bits
// come from math/rand/v2's generator (ChaCha8, seeded by the runtime from
// the OS, per thread, without a lock), a tenth of crypto/rand's cost, which
// took half a static Write's time. Each of the first 24 characters holds 5
// bits of the two numbers, the last two the 4 bits left of each. Its plain
// path, rand.Text, is in requestid_test.go; TestNewRequestID holds the two
// to one format, BenchmarkNewRequestID measures the difference.
func writeRequestID(b *[requestIDLen]byte) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	hi, lo := rand.Uint64(), rand.Uint64()
	for i := range 12 {
		b[i] = alphabet[hi&31]
		b[12+i] = alphabet[lo&31]
		hi >>= 5
		lo >>= 5
	}
	b[24] = alphabet[hi&15]
	b[25] = alphabet[lo&15]
}
