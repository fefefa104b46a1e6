package fixed

import (
	"sync"
	"sync/atomic"
	"time"
)

// Definition describes one catalog error: its registry entry.
type Definition struct {
	Code      Code   // the error code
	Status    int    // the HTTP status
	Title     string // short title
	Retryable bool   // whether a client may retry the request as is
	DocsURL   string // link to the error's documentation; empty when none
	Category  string // the catalog's category; empty when none
	GRPCCode  string // canonical gRPC code name, e.g. NOT_FOUND: the catalog's, or its status's default

	Deprecated string // why the code is deprecated; empty when it is not
	ReplacedBy Code   // the code to use instead; empty when none
	Since      string // the API version that introduced the code; empty when unknown
}

// definition is a Definition plus what the runtime needs to write and parse it.
type definition struct {
	Definition
	envelope        *envelope      // the wire format
	typeURI         string         // problem type URI
	message         string         // default message when it has no placeholders
	messageTemplate []templatePart // default message with placeholders; nil when static
	headers         []header       // response headers, in catalog order
	challenge       string         // WWW-Authenticate value; empty when none
	meta            []string       // the values of the meta names envelopes reference, in the order of their sorted names
	body            string         // pre-encoded body of the error without details; empty when it has details
	zero            any            // the zero <Name>Details, whose type Parse decodes into; nil without details
	required        bool           // the error has required details: its sentinel matches, but Write never sends it
	objects         []string       // the object and object[] details, which must hold JSON objects
	fieldEnums      []fieldEnum    // the enum fields of the objects of details with fields
	reason          string         // ErrorInfo reason; empty when it is the code itself
	badRequest      string         // the object[] detail sent as BadRequest field violations; empty when none
	help            []RPCLink      // the catalog's help links
	translations    []translation  // the texts in each of the catalog's other languages, in its order; nil in a catalog of one language
	unknown         bool           // made by Parse for a code the catalog does not define; see Error.Known
	once            sync.Once
	ready           atomic.Bool // prep is made: prepared's fast path
	prep            prepared    // what the runtime works out on first use; see prepared
}

// RPCLink is a link of AIP-193's Help detail: one of an error's help links.
// It is here, not with RPCStatus, because the definitions table holds the
// help links of every catalog, and RPCStatus is there only when the catalog
// has a grpc: section.
type RPCLink struct {
	Description string
	URL         string
}

// templatePart is a literal or a {detail} placeholder of a message or header.
type templatePart struct {
	_       doNotCompare
	literal string
	detail  string // detail name; empty for a literal
}

// header is a catalog response header: a static value or a template filled from details.
type header struct {
	name     string
	value    string         // static value
	template []templatePart // nil when static
}

// envelope is a wire format: how to write a body and where Parse finds each field.
type envelope struct {
	mediaType  string
	appendBody func([]byte, *Error) []byte
	hasCode    bool // bodies carry the code; otherwise status and title identify the error
	fields     []envelopeField
}

// holdsRequestID reports whether bodies of the envelope carry the request id.
func (env *envelope) holdsRequestID() bool {
	for i := range env.fields {
		if env.fields[i].ref == "request_id" {
			return true
		}
	}
	return false
}

// envelopeField locates one reference in a body; a path step "" is an array's first element.
type envelopeField struct {
	ref     string // what the field holds: code, message, details, spread …
	arg     string // detail or meta name
	path    []string
	exclude []string // spread: the members that are not details
}

// doNotCompare, the type of the blank first field of every details struct
// and object struct, makes them not comparable: the compiler makes no
// equality function for them, and encoding/json and reflect ignore it.
// The fixed half's own structs that nothing compares have one too. A
// type of its own rather than [0]func() in each struct, which go vet and
// gopls would type-check thousands of times.
type doNotCompare [0]func()

// Error is a catalog error. It is immutable: the With methods return copies, so
// sentinels and shared errors are safe to use from many goroutines. Build
// one with its constructor, or read one with Parse: a zero Error (&Error{},
// or one json.Unmarshal filled, which reads nothing into it) has no code,
// and Write sends the fallback for it. None of its methods panics, nor any
// of a nil *Error's (a function declared to return *Error that returned
// nil as an error): they answer as a zero Error's, but Error and LogValue,
// which say "<nil>", and Write sends the fallback, reported.
type Error struct {
	def         *definition
	message     string // rendered or overridden message; empty when none
	details     any    // the error's <Name>Details, as a constructor passed it, or a pointer to its own copy (Parse's, or one it changed; see settableDetails); nil without details
	detailsJSON []byte // details encoded at construction, when they hold what the caller could still change; nil when they are encoded as written
	cause       error  // the underlying error; never written to clients
	requestID   string
	instance    string
	flaws       *flaws // what the details held that was left out; nil when nothing (most errors)
	status      int32  // the status passed to Parse; see setStatus
	parsed      bool   // made by Parse: status is the response's
	receivedID  bool   // requestID is the one a response or status carried: another request's
	custom      bool   // message was overridden, so the pre-encoded body does not apply
}

// An Error is 128 bytes, a size class of the allocator: with status an int
// it was 136, rounded up to 144, 16 bytes more for every error built
// (TestErrorSize).

// setStatus records the status Parse was given, in flaws when an int32
// cannot hold it: only while the error is built.
func (e *Error) setStatus(status int) {
	e.parsed, e.status = true, int32(status)
	if int(e.status) != status {
		e.flawsToSet().status = status
	}
}

// flaws are what few errors need beyond the rest, kept out of Error so that
// every error stays small: the details a constructor left out, the
// Retry-After ParseResponse read, and a status beyond int32 given to Parse.
type flaws struct {
	breach     []byte          // what the catalog forbids that the details held; empty when nothing
	missing    map[string]bool // the details left out, by name, and their objects' fields, by place (problems[0].field)
	holding    map[string]bool // the places holding a field left out (problems[0], problems)
	retryAfter time.Duration   // ParseResponse's Retry-After, RPCError's RetryInfo: the wait asked, when waitAsked
	status     int             // the status given to Parse when an int32 cannot hold it; 0 otherwise
	// waitAsked tells a wait of 0 from none, where retryAfter held the wait
	// plus 1ns, which overflowed to a negative Duration, no wait, for the
	// longest (a date centuries away, a RetryInfo AsDuration saturated).
	waitAsked bool
}

// breach is what the catalog forbids that the error's details held (left
// out); "" when nothing.
func (e *Error) breach() string {
	if e.flaws == nil {
		return ""
	}
	return string(e.flaws.breach)
}

// addBreach records a breach of the catalog, appended to those before it:
// a body may lack a field in each of thousands of objects, and joining
// strings one by one would copy the text so far each time.
func (e *Error) addBreach(what string) {
	f := e.flawsToSet()
	if len(f.breach) > 0 {
		f.breach = append(f.breach, "; "...)
	}
	f.breach = append(f.breach, what...)
}

// retryAfterHeader is the wait ParseResponse read of Retry-After, or
// RPCError of RetryInfo; ok is false when there was none.
func (e *Error) retryAfterHeader() (d time.Duration, ok bool) {
	if e.flaws == nil {
		return 0, false
	}
	return e.flaws.retryAfter, e.flaws.waitAsked
}

// setRetryAfter records the wait a response or status asked: only while
// the error is built.
func (e *Error) setRetryAfter(d time.Duration) {
	f := e.flawsToSet()
	f.retryAfter, f.waitAsked = d, true
}

// flawsToSet returns the error's flaws, made on first use: only while the
// error is built, before anyone else holds it.
func (e *Error) flawsToSet() *flaws {
	if e.flaws == nil {
		e.flaws = &flaws{}
	}
	return e.flaws
}

// fieldEnum is an enum field of the objects of a detail, as the definitions
// table lists it.
type fieldEnum struct {
	path     string   // JSON names from the detail down to the field: problems.kind, problems.limits.unit
	values   []string // the enum's values
	required bool     // the field is required: its empty value is a breach too
}
