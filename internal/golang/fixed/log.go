package fixed

import (
	"encoding/json"
	"log/slog"
	"strconv"
)

// LogValue makes the error a group in slog records, for the service's logs:
// code, status, message, details (each an attribute, as the body carries
// them), request_id when set, and cause (its text) when the error wraps one
// whose text is not empty.
func (e *Error) LogValue() slog.Value {
	loadDefinitions()
	attrs := make([]slog.Attr, 0, 6)
	attrs = append(attrs,
		slog.String("code", string(e.Code())),
		slog.Int("status", e.Status()),
		slog.String("message", e.messageOrTitle()))
	if e.details != nil && e.hasDetails() {
		attrs = append(attrs, slog.Attr{Key: "details", Value: slog.GroupValue(e.detailAttrs()...)})
	}
	if e.requestID != "" {
		attrs = append(attrs, slog.String("request_id", e.requestID))
	}
	if e.cause != nil {
		// A cause of no text adds nothing: the status error a gRPC or
		// Connect client received, whose code and message the error's are.
		if text := e.cause.Error(); text != "" {
			attrs = append(attrs, slog.String("cause", text))
		}
	}
	return slog.GroupValue(attrs...)
}

// detailAttrs are the details as the body carries them, one attribute each:
// strings, numbers and booleans as such, objects and arrays decoded.
func (e *Error) detailAttrs() []slog.Attr {
	obj := e.appendDetails(nil)
	var attrs []slog.Attr
	it, _ := newObjectIter(obj)
	for key, val, ok := it.next(); ok; key, val, ok = it.next() {
		name, _ := stringValue(key)
		attrs = append(attrs, slog.Attr{Key: name, Value: jsonLogValue(val)})
	}
	return attrs
}

// jsonLogValue is a JSON value as a slog.Value.
func jsonLogValue(raw []byte) slog.Value {
	switch raw[0] {
	case '"':
		s, _ := stringValue(raw)
		return slog.StringValue(s)
	case 't', 'f':
		return slog.BoolValue(raw[0] == 't')
	case '{', '[', 'n':
		var v any
		_ = json.Unmarshal(raw, &v)
		return slog.AnyValue(v)
	}
	if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return slog.Int64Value(n)
	}
	x, _ := strconv.ParseFloat(string(raw), 64)
	return slog.Float64Value(x)
}
