package fixed

import (
	"strconv"
	"time"
)

// ParseError is why Parse could not read a body; Kind tells the cases apart.
// A nil *ParseError's methods answer as a zero ParseError's, but Error, which
// says "<nil>", as a nil *Error's do.
type ParseError struct {
	Kind   ParseErrorKind
	Status int    // the status given to Parse: the response's
	Code   Code   // ParseBadDetail: the code of the error
	Detail string // ParseBadDetail: the detail of the wrong type; "" when the details are not an object
	Err    error  // the error of encoding/json, or ParseReadFailed's of reading the body

	retryAfter    time.Duration // ParseResponse: what the response's Retry-After said
	hasRetryAfter bool
	requestID     string // ParseResponse: the response's request id header, if short enough
	empty         bool   // ParseNotJSON: the body is empty, or JSON's white space alone
}

// zeroParseError is what a nil *ParseError's methods read: a typed nil in
// an error, on which errors.Is and errors.As call Unwrap and a logger
// Error, must not panic there, as a nil *Error does not (see zeroError).
var zeroParseError ParseError

// orZero is e, or zeroParseError for a nil e.
func (e *ParseError) orZero() *ParseError {
	if e == nil {
		return &zeroParseError
	}
	return e
}

// RetryAfter returns how long the response ParseResponse could not read
// asked to wait before retrying, as (*Error).RetryAfter would have: a
// proxy's or rate limiter's 429 or 503 sends Retry-After with a body of its
// own. ok is false when it sent none, and for Parse, which sees no header.
func (e *ParseError) RetryAfter() (d time.Duration, ok bool) {
	e = e.orZero()
	return e.retryAfter, e.hasRetryAfter
}

// ParseErrorKind is the kind of a ParseError.
type ParseErrorKind int

// The kinds of ParseError.
const (
	ParseNotJSON     ParseErrorKind = iota + 1 // the body is not JSON, e.g. a proxy's HTML error page
	ParseNotEnvelope                           // the body is JSON, but in none of the catalog's envelopes
	ParseBadDetail                             // a catalog error whose detail has the wrong type
	ParseTooLarge                              // ParseResponse: the body is over its limit
	ParseReadFailed                            // ParseResponse: reading the body failed
	ParseNoResponse                            // ParseResponse: no response (nil), as http.Client.Do returns with a request's error
)

// String is the kind's name, as its constant spells it, for logs.
func (k ParseErrorKind) String() string {
	switch k {
	case ParseNotJSON:
		return "ParseNotJSON"
	case ParseNotEnvelope:
		return "ParseNotEnvelope"
	case ParseBadDetail:
		return "ParseBadDetail"
	case ParseTooLarge:
		return "ParseTooLarge"
	case ParseReadFailed:
		return "ParseReadFailed"
	case ParseNoResponse:
		return "ParseNoResponse"
	}
	return "ParseErrorKind(" + strconv.Itoa(int(k)) + ")"
}

// Error describes the failure.
func (e *ParseError) Error() string {
	if e == nil {
		return "<nil>" // as fmt prints a nil pointer
	}
	s := "parse error response: "
	if e.Status != 0 {
		// A client logs this in place of the API's error: the status is
		// what it has left to go by (a gateway's 502, a proxy's 413).
		s = "parse error response (status " + strconv.Itoa(e.Status) + "): "
	}
	switch e.Kind {
	case ParseNotJSON:
		if e.empty { // not JSON's "unexpected end of JSON input": none was cut short
			return s + "body is empty"
		}
		s += "body is not JSON"
	case ParseNotEnvelope:
		s += "body is not in an error envelope of this API"
	case ParseBadDetail:
		s += string(e.Code) + ": "
		if e.Detail == "" {
			s += "details are not an object"
		} else {
			s += "detail " + strconv.Quote(e.Detail) + " has the wrong type"
		}
	case ParseTooLarge:
		s += "body over " + strconv.Itoa(maxResponseBody) + " bytes"
	case ParseReadFailed:
		s += "reading the body failed"
	case ParseNoResponse:
		s += "no response (a nil *http.Response: the request failed)"
	default:
		s += "kind " + strconv.Itoa(int(e.Kind))
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns Err: the error of encoding/json, or of reading the body.
func (e *ParseError) Unwrap() error {
	e = e.orZero()
	return e.Err
}

// Retryable reports whether the request whose response ParseResponse could
// not read may be sent again as it is: for ParseBadDetail, the catalog's
// word for its code; otherwise, as (*Error).Retryable judges a code the
// catalog does not define, whether the status is 429, 502, 503 or 504, or
// the response said when to retry. A gateway's or proxy's own page for an
// overloaded or restarting service is the usual body that is not the API's.
func (e *ParseError) Retryable() bool {
	e = e.orZero()
	if e.Kind == ParseBadDetail {
		if def, ok := Lookup(e.Code); ok {
			return def.Retryable
		}
	}
	return retryableStatus(e.Status) || e.hasRetryAfter
}

// RequestID returns the id of the request whose response ParseResponse
// could not read, from the response's request id header (up to 200 bytes,
// as an *Error keeps one): what to quote to the API's support, and to find
// in its logs. It is "" without one, and for Parse, which sees no header.
func (e *ParseError) RequestID() string {
	e = e.orZero()
	return e.requestID
}
