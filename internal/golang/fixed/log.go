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
	if e == nil {
		return slog.StringValue("<nil>") // as Error says
	}
	loadDefinitions()
	attrs := make([]slog.Attr, 0, 6)
	attrs = withAttr(attrs, "code", slog.StringValue(string(e.entry().Code)))
	attrs = withAttr(attrs, "status", slog.IntValue(e.Status()))
	attrs = withAttr(attrs, "message", slog.StringValue(e.messageOrTitle()))
	if e.details != nil && e.hasDetails() {
		attrs = withAttr(attrs, "details", slog.GroupValue(e.detailAttrs()...))
	}
	if e.requestID != "" {
		attrs = withAttr(attrs, "request_id", slog.StringValue(e.requestID))
	}
	if e.cause != nil {
		// A cause of no text adds nothing: the status error a gRPC or
		// Connect client received, whose code and message the error's are.
		if text := e.cause.Error(); text != "" {
			attrs = withAttr(attrs, "cause", slog.StringValue(text))
		}
	}
	return slog.GroupValue(attrs...)
}

// withAttr appends the attribute key=v to attrs: one function for
// LogValue's six appends of an attribute, two pointers each, which
// compiled each its own where logging is not worth it (the largest
// function of the fixed half to compile, before).
//
//go:noinline
func withAttr(attrs []slog.Attr, key string, v slog.Value) []slog.Attr {
	return append(attrs, slog.Attr{Key: key, Value: v})
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
