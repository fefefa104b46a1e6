package fixed

import (
	"reflect"
	"strconv"
	"unicode/utf8"
)

// appendMessage appends what a bare $message writes: the message, else the title.
func (e *Error) appendMessage(b []byte) []byte {
	p := e.def.prepared()
	switch {
	case e.message == "":
		return append(b, p.title...)
	case p.message != "" && e.message == e.def.message:
		return append(b, p.message...)
	}
	return appendString(b, e.message)
}

// fill renders a message or header template from the details.
func (e *Error) fill(parts []templatePart) string {
	if len(parts) == 1 && parts[0].detail != "" {
		// A lone placeholder, as in Retry-After: no buffer needed.
		return e.detailText(parts[0].detail)
	}
	var buf [128]byte // most messages fit: one allocation, the string
	b := buf[:0]
	for _, p := range parts {
		if p.detail == "" {
			b = append(b, p.literal...)
			continue
		}
		v, ok := e.detailField(p.detail)
		switch {
		case !ok:
		case v.Kind() == reflect.String:
			b = appendValidUTF8(b, v.String())
		case v.Kind() == reflect.Int:
			b = strconv.AppendInt(b, v.Int(), 10)
		default:
			b, _ = appendValue(b, v)
		}
	}
	return string(b)
}

// detailText is a detail as templates show it: a string as it is (invalid UTF-8
// replaced, as in the body), any other value as its JSON text; "" when absent.
func (e *Error) detailText(name string) string {
	v, ok := e.detailField(name)
	if !ok {
		return ""
	}
	switch v.Kind() {
	case reflect.String:
		return validUTF8(v.String())
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	}
	b, _ := appendValue(nil, v)
	return string(b)
}

// appendValidUTF8 appends s, each invalid byte replaced with U+FFFD.
func appendValidUTF8(b []byte, s string) []byte {
	if utf8.ValidString(s) {
		return append(b, s...)
	}
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return b
}

// validUTF8 replaces each invalid byte of s with U+FFFD, as encoding/json does.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}
