package fixed

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRPCRoundTrip sends errors built from hostile text (see hostileError)
// as a gRPC or Connect server does, for a client asking for lang, and holds
// the status to protobuf's rule, every string UTF-8 (one that is not fails
// to marshal), and to what a client makes of it: RPCError gives back the
// code, and the details, message and request id as encoding/json
// round-trips them, as Parse does of Write's body (an id over 200 bytes
// none, as every one received); RetryInfo's delay is
// the Retry-After's seconds, however many; a call's request id is
// Write's, from the call's metadata (incomingID).
func FuzzRPCRoundTrip(f *testing.F) {
	f.Add(uint8(0), "tags\xff\u2028", "bad \"input\"\x00", 7, true, "/o/1", "", "de", "req\x00 1")
	f.Add(uint8(1), "1m", "", 23, false, "", "own", "", "")
	f.Add(uint8(2), "€\xed\xa0\x80", "custom\n", -5, true, "/o/\xfe", " own\x00id ", "fr;q=0.5", "")
	f.Add(uint8(3), "", "order \xff gone", 0, true, "", "\xff", "*", "")
	f.Add(uint8(1), "1m", "", 1<<31, false, "", "", "", "")
	f.Add(uint8(3), "", "", 0, false, "", strings.Repeat("o", 201), "", "") // an id too long to keep
	f.Fuzz(func(t *testing.T, which uint8, s, msg string, n int, setMessage bool, instance, ownID, lang, incomingID string) {
		e, details := hostileError(which, s, msg, n, setMessage, instance, ownID)
		st := RPCStatusFor(e, lang)
		if bad := notUTF8(st); bad != "" {
			t.Fatalf("%s is not UTF-8: %#v", bad, st)
		}
		got := RPCError(st)
		if got == nil || got.Code() != e.Code() {
			t.Fatalf("RPCError(RPCStatusFor(%s)) = %v", e.Code(), got)
		}
		if details != nil && !reflect.DeepEqual(got.Details(), viaJSON(details)) {
			t.Fatalf("details read back %#v, want %#v", got.Details(), viaJSON(details))
		}
		if setMessage && msg != "" && got.Message() != viaJSON(msg) {
			t.Fatalf("message read back %q, want %q", got.Message(), viaJSON(msg))
		}
		if want := time.Duration(min(max(int64(n), 0), maxDelaySeconds)) * time.Second; which%5 == 1 && st.RetryDelay != want {
			t.Fatalf("Retry-After %d: RetryDelay %v, want %v", n, st.RetryDelay, want)
		}
		if id := receivedID(sentID(ownID, "\xff")); got.RequestID() != id {
			t.Fatalf("request id read back %q, want %q", got.RequestID(), id)
		}
		checkCallID(t, e, ownID, incomingID)
	})
}

// checkCallID holds the request id of RPCStatusForCall, for a call whose
// metadata carried incomingID, to sentID (a new id for ""), as Write's,
// in RequestID and Header alike.
func checkCallID(t *testing.T, e *Error, ownID, incomingID string) {
	t.Helper()
	st := RPCStatusForCall(context.Background(), "/p.S/M", e, http.Header{requestIDHeader: {incomingID}})
	id := sentID(ownID, incomingID)
	if id != "" && st.RequestID != id || id == "" && !isNewRequestID(st.RequestID) || st.Header.Get(requestIDHeader) != st.RequestID {
		t.Fatalf("RPCStatusForCall: request id %q, header %q; want %q (own %q, incoming %q)", st.RequestID, st.Header[requestIDHeader], id, ownID, incomingID)
	}
}

// notUTF8 names the first string of s that is not UTF-8; "" when all are.
func notUTF8(s RPCStatus) string {
	texts := map[string]string{"Code": s.Code, "Message": s.Message, "Reason": s.Reason, "Domain": s.Domain,
		"RequestID": s.RequestID, "Locale": s.Locale, "LocalizedMessage": s.LocalizedMessage}
	for k, v := range s.Metadata {
		texts["metadata key "+k] = k
		texts["metadata "+k] = v
	}
	for i, l := range s.Links {
		texts["link "+string(rune('0'+i%10))] = l.Description + l.URL
	}
	for _, v := range s.FieldViolations {
		texts["field violation "+v.Field] = v.Field + v.Description
	}
	for k, vs := range s.Header {
		for _, v := range vs {
			texts["header "+k] = k + v
		}
	}
	for name, v := range texts {
		if !utf8.ValidString(v) {
			return name
		}
	}
	return ""
}

// receivedID is the request id a client keeps of an id sent: none for one
// over 200 bytes, as the docs say.
func receivedID(sent string) string {
	if len(sent) > 200 {
		return ""
	}
	return sent
}
