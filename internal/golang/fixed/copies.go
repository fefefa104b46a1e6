package fixed

// zeroError is what a nil *Error's methods read: a function declared to
// return *Error that returns nil into an error gives a non-nil error
// holding it (Go's typed nil), on which errors.Is and errors.As call Is
// and Unwrap, and slog LogValue. Like a zero Error's, none may panic.
var zeroError Error

// orZero is e, or zeroError for a nil e.
func (e *Error) orZero() *Error {
	if e == nil {
		return &zeroError
	}
	return e
}

// WithCause returns a copy of e wrapping cause, which is logged but never written to clients.
func (e *Error) WithCause(cause error) *Error {
	loadDefinitions()
	c := *e.orZero()
	c.cause = cause
	return &c
}

// WithMessage returns a copy of e with another message.
func (e *Error) WithMessage(message string) *Error {
	loadDefinitions()
	c := *e.orZero()
	c.message = message
	c.custom = true
	return &c
}

// WithRequestID returns a copy of e carrying the request ID, as a header
// can carry it and Write sends it, in the header and in the body alike: a
// control character becomes a space, bytes that are not UTF-8 U+FFFD, and
// spaces at either end go (an id of nothing else is none).
func (e *Error) WithRequestID(id string) *Error {
	return e.withRequestID(sendableID(id))
}

// withRequestID is WithRequestID for an id that is sendable already.
func (e *Error) withRequestID(id string) *Error {
	loadDefinitions()
	c := *e.orZero()
	c.requestID, c.receivedID = id, false
	return &c
}

// WithInstance returns a copy of e carrying the URI of this occurrence.
func (e *Error) WithInstance(uri string) *Error {
	loadDefinitions()
	c := *e.orZero()
	c.instance = uri
	return &c
}
