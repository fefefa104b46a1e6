package fixed

// This file is a hand-written stand-in for the per-catalog half of a generated
// package: what the Go emitter writes before the runtime, for a small catalog
// of six errors in two envelopes (flat and problem). Its shapes mirror the
// emitter's output exactly (compare a golden such as
// testdata/presets/problem/problemerrors/errors.go), so that runtime.go
// compiles here and its tests exercise every path a catalog can take: static
// pre-encoded bodies, required and optional details of every kind, message and
// header templates (headers from an integer and from a string detail), a
// challenge, a spread of details, and the fallback.
//
// It is never copied into generated packages. When the emitter changes what it
// writes, change this file to match.

import (
	"encoding/json"
	"strconv"
)

// Code is a machine-readable error code, stable across releases.
type Code string

// The error codes of the stand-in catalog, in catalog order.
const (
	// CodeUnauthorized is UNAUTHORIZED (401 Unauthorized).
	CodeUnauthorized Code = "UNAUTHORIZED"
	// CodeInvalidInput is INVALID_INPUT (400 Bad Request).
	CodeInvalidInput Code = "INVALID_INPUT"
	// CodeRateLimited is RATE_LIMITED (429 Too Many Requests).
	CodeRateLimited Code = "RATE_LIMITED"
	// CodeOrderNotFound is ORDER_NOT_FOUND (404 Order not found).
	CodeOrderNotFound Code = "ORDER_NOT_FOUND"
	// CodeOutOfCredit is OUT_OF_CREDIT (403 You do not have enough credit.).
	CodeOutOfCredit Code = "OUT_OF_CREDIT"
	// CodeInternal is INTERNAL (500 Internal Server Error).
	CodeInternal Code = "INTERNAL"
)

// Sentinels, one per code, for errors.Is. Every error of a code matches its
// sentinel, whatever its details, message or cause.
var (
	// ErrUnauthorized is the UNAUTHORIZED error, and matches every copy of it.
	ErrUnauthorized = &Error{def: &definitions[0], message: "Authentication required"}
	// ErrInvalidInput matches every INVALID_INPUT error; build them with NewInvalidInput.
	ErrInvalidInput = &Error{def: &definitions[1]}
	// ErrRateLimited matches every RATE_LIMITED error; build them with NewRateLimited.
	ErrRateLimited = &Error{def: &definitions[2]}
	// ErrOrderNotFound is the ORDER_NOT_FOUND error, and matches every copy of it.
	ErrOrderNotFound = &Error{def: &definitions[3]}
	// ErrOutOfCredit matches every OUT_OF_CREDIT error; build them with NewOutOfCredit.
	ErrOutOfCredit = &Error{def: &definitions[4]}
	// ErrInternal is the INTERNAL error, and matches every copy of it.
	ErrInternal = &Error{def: &definitions[5], message: "An unexpected error occurred"}
)

// InvalidInputRule is the rule detail of INVALID_INPUT errors: one of the
// constants below. The rule the field broke first.
type InvalidInputRule string

// The values of InvalidInputRule.
const (
	// InvalidInputRuleTooLong is "too_long". The value is longer than allowed.
	InvalidInputRuleTooLong InvalidInputRule = "too_long"
	// InvalidInputRuleFormat is "format".
	InvalidInputRuleFormat InvalidInputRule = "format"
)

// Valid reports whether v is one of the values of InvalidInputRule.
func (v InvalidInputRule) Valid() bool {
	switch v {
	case InvalidInputRuleTooLong, InvalidInputRuleFormat:
		return true
	}
	return false
}

// InvalidInputDetails are the details of INVALID_INPUT errors: one required,
// the others optional, of the kinds newError encodes or checks at
// construction: an enum, an object, an object[] and an any detail among them.
type InvalidInputDetails struct {
	Field       string            `json:"field"`                 // The first field that failed validation.
	Reasons     []string          `json:"reasons,omitempty"`     // Every rule the field broke.
	FieldErrors map[string]string `json:"fieldErrors,omitempty"` // Maps each invalid field to a message.
	Value       json.RawMessage   `json:"value,omitempty"`       // The rejected value, as sent.
	Rule        InvalidInputRule  `json:"rule,omitempty"`        // The rule the field broke first.
	Schema      json.RawMessage   `json:"schema,omitempty"`      // The JSON Schema of the field.
	Errors      []json.RawMessage `json:"errors,omitempty"`      // One object per problem found.
}

// NewInvalidInput returns the INVALID_INPUT error (400 Bad Request).
func NewInvalidInput(field string) *Error {
	return newError(&definitions[1], InvalidInputDetails{Field: field})
}

// NewInvalidInputWithDetails returns the INVALID_INPUT error with all its details, optional ones included.
func NewInvalidInputWithDetails(d InvalidInputDetails) *Error {
	return newError(&definitions[1], d)
}

// RateLimitedDetails are the details of RATE_LIMITED errors: required scalars,
// encoded as they are written.
type RateLimitedDetails struct {
	Limit      int    `json:"limit"`      // The number of requests allowed per window.
	Window     string `json:"window"`     // The length of the rate-limit window.
	RetryAfter int    `json:"retryAfter"` // Seconds to wait before retrying.
}

// NewRateLimited returns the RATE_LIMITED error (429 Too Many Requests).
func NewRateLimited(limit int, window string, retryAfter int) *Error {
	return newError(&definitions[2], RateLimitedDetails{Limit: limit, Window: window, RetryAfter: retryAfter})
}

// NewOrderNotFound returns the ORDER_NOT_FOUND error (404 Order not found): ErrOrderNotFound.
func NewOrderNotFound() *Error {
	return ErrOrderNotFound
}

// OutOfCreditDetails are the details of OUT_OF_CREDIT errors: scalars with a
// float64, which newError checks but does not encode.
type OutOfCreditDetails struct {
	Balance   float64 `json:"balance"`             // The current balance.
	Cost      int     `json:"cost"`                // The price of the purchase.
	Currency  string  `json:"currency,omitempty"`  // The currency of both.
	Overdraft bool    `json:"overdraft,omitempty"` // Whether the account may go below zero.
}

// NewOutOfCredit returns the OUT_OF_CREDIT error (403 You do not have enough credit.).
func NewOutOfCredit(balance float64, cost int) *Error {
	return newError(&definitions[4], OutOfCreditDetails{Balance: balance, Cost: cost})
}

// NewOutOfCreditWithDetails returns the OUT_OF_CREDIT error with all its details, optional ones included.
func NewOutOfCreditWithDetails(d OutOfCreditDetails) *Error {
	return newError(&definitions[4], d)
}

// NewInternal returns the INTERNAL error (500 Internal Server Error): ErrInternal.
func NewInternal() *Error {
	return ErrInternal
}

// definitions is the registry: everything the runtime needs to know about each
// code, in catalog order. Sentinels and constructors point into it.
var definitions = [6]definition{
	{Definition: Definition{Code: CodeUnauthorized, Status: 401, Title: "Unauthorized", DocsURL: "https://docs.example.com/errors#unauthorized", Category: "Authentication errors"}, envelope: &envelopes[0], message: "Authentication required", challenge: "Bearer", body: "{\"error\":\"Authentication required\",\"code\":\"UNAUTHORIZED\"}"},
	{Definition: Definition{Code: CodeInvalidInput, Status: 400, Title: "Bad Request", Category: "Validation errors"}, envelope: &envelopes[0], headers: []header{{name: "X-Invalid-Field", template: []templatePart{{detail: "field"}}}}, zero: InvalidInputDetails{}, required: true, objects: []string{"schema", "errors"}},
	{Definition: Definition{Code: CodeRateLimited, Status: 429, Title: "Too Many Requests", Retryable: true, DocsURL: "https://docs.example.com/errors#rate-limited", Category: "Rate limiting"}, envelope: &envelopes[0], messageTemplate: []templatePart{{literal: "Rate limit of "}, {detail: "limit"}, {literal: " requests per "}, {detail: "window"}, {literal: " exceeded"}}, headers: []header{{name: "Retry-After", template: []templatePart{{detail: "retryAfter"}}}, {name: "Cache-Control", value: "no-store"}}, zero: RateLimitedDetails{}, required: true},
	{Definition: Definition{Code: CodeOrderNotFound, Status: 404, Title: "Order not found", Category: "Not found errors"}, envelope: &envelopes[1], typeURI: "https://example.com/probs/order-not-found", body: "{\"type\":\"https://example.com/probs/order-not-found\",\"title\":\"Order not found\",\"status\":404,\"code\":\"ORDER_NOT_FOUND\"}"},
	{Definition: Definition{Code: CodeOutOfCredit, Status: 403, Title: "You do not have enough credit.", Category: "Billing errors"}, envelope: &envelopes[1], typeURI: "https://example.com/probs/out-of-credit", messageTemplate: []templatePart{{literal: "Your current balance is "}, {detail: "balance"}, {literal: ", but that costs "}, {detail: "cost"}, {literal: "."}}, zero: OutOfCreditDetails{}, required: true},
	{Definition: Definition{Code: CodeInternal, Status: 500, Title: "Internal Server Error", Retryable: true, Category: "Server errors"}, envelope: &envelopes[0], message: "An unexpected error occurred", body: "{\"error\":\"An unexpected error occurred\",\"code\":\"INTERNAL\"}"},
}

// fallback stands in for every error that is not a catalog error.
var fallback = ErrInternal

// requestIDHeader carries request ids in and out (the catalog's request_id.header).
const requestIDHeader = "X-Request-Id"

// envelopes are the wire formats in use; definitions point into this table.
var envelopes = [2]envelope{
	{
		appendBody: appendFlatBody,
		fields: []envelopeField{{
			path: []string{"error"},
			ref:  "message",
		}, {
			path: []string{"code"},
			ref:  "code",
		}, {
			path: []string{"details"},
			ref:  "details",
		}},
		hasCode:   true,
		mediaType: "application/json",
	},
	{
		appendBody: appendProblemBody,
		fields: []envelopeField{{
			path: []string{"type"},
			ref:  "type",
		}, {
			path: []string{"title"},
			ref:  "title",
		}, {
			path: []string{"status"},
			ref:  "status",
		}, {
			path: []string{"detail"},
			ref:  "message",
		}, {
			path: []string{"instance"},
			ref:  "instance",
		}, {
			path: []string{"code"},
			ref:  "code",
		}, {
			exclude: []string{"type", "title", "status", "detail", "instance", "code"},
			path:    nil,
			ref:     "spread",
		}},
		hasCode:   true,
		mediaType: "application/problem+json",
	},
}

// appendFlatBody writes the flat envelope (application/json).
func appendFlatBody(b []byte, e *Error) []byte {
	b = append(b, "{\"error\":"...)
	b = e.appendMessage(b)
	b = append(b, ",\"code\":"...)
	b = append(b, e.def.prepared().code...)
	if e.hasDetails() {
		b = append(b, ",\"details\":"...)
		b = e.appendDetails(b)
	}
	b = append(b, "}"...)
	return b
}

// appendProblemBody writes the problem envelope (application/problem+json).
func appendProblemBody(b []byte, e *Error) []byte {
	b = append(b, "{\"type\":"...)
	b = appendString(b, e.def.typeURI)
	b = append(b, ",\"title\":"...)
	b = append(b, e.def.prepared().title...)
	b = append(b, ",\"status\":"...)
	b = strconv.AppendInt(b, int64(e.def.Status), 10)
	if v := e.message; v != "" {
		b = append(b, ",\"detail\":"...)
		b = appendString(b, v)
	}
	if v := e.instance; v != "" {
		b = append(b, ",\"instance\":"...)
		b = appendString(b, v)
	}
	b = append(b, ",\"code\":"...)
	b = append(b, e.def.prepared().code...)
	if e.hasDetails() {
		b = append(b, ","...)
		b = e.appendDetailMembers(b)
	}
	b = append(b, "}"...)
	return b
}
