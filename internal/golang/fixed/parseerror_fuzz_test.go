package fixed

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// FuzzParseErrorText holds a ParseError's text to what a client logging it
// in place of the API's error needs, for any body Parse or ParseResponse
// refuses and any ParseError a caller builds: it never panics, leads with
// "parse error response", names the status whenever there is one, and says
// "body is empty" exactly when the body had nothing but JSON's white space
// (space, tab, CR, LF: a form feed or a BOM is a body that is not JSON).
func FuzzParseErrorText(f *testing.F) {
	for _, seed := range []struct {
		status int
		body   string
		head   bool
	}{
		{502, "", false}, {503, " \r\n\t", false}, {500, `{"code":`, false}, {0, "", false},
		{404, "[1]", false}, {502, "\f", false}, {502, "\ufeff", false}, {502, "\v", false},
		{-1, "<html>", false}, {200, "x", true}, {204, "{}", false}, {500, " \u00a0", false},
	} {
		f.Add(seed.status, []byte(seed.body), seed.head, 3, "id")
	}
	f.Fuzz(func(t *testing.T, status int, body []byte, head bool, kind int, detail string) {
		empty := len(bytes.Trim(body, " \t\r\n")) == 0
		if _, err := Parse(status, body); err != nil {
			checkParseErrorText(t, "Parse", err, status, empty)
		} else if empty {
			t.Fatalf("Parse(%d, %q) read an error from no body", status, body)
		}
		if status >= 100 && status <= 999 {
			resp := &http.Response{StatusCode: status, Body: io.NopCloser(bytes.NewReader(body)), Header: http.Header{}}
			if head {
				resp.Request, _ = http.NewRequest(http.MethodHead, "http://api.test/", nil)
			}
			if _, err := ParseResponse(resp); err != nil {
				checkParseErrorText(t, "ParseResponse", err, status, empty || noContent(resp))
			}
		}
		built := &ParseError{Kind: ParseErrorKind(kind), Status: status, Code: Code(detail), Detail: detail}
		if kind%2 == 0 {
			built.Err = errors.New(strconv.Quote(detail))
		}
		checkParseErrorText(t, "a built ParseError", built, status, false)
	})
}

// checkParseErrorText checks err, a *ParseError, against the status and
// whether the body it read was empty.
func checkParseErrorText(t *testing.T, from string, err error, status int, empty bool) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("%s: %T %v, want a *ParseError", from, err, err)
	}
	text := pe.Error()
	prefix := "parse error response: "
	if status != 0 {
		prefix = "parse error response (status " + strconv.Itoa(status) + "): "
	}
	if !strings.HasPrefix(text, prefix) {
		t.Fatalf("%s: %q, want it to start %q", from, text, prefix)
	}
	if says := strings.HasSuffix(text, "): body is empty") || text == "parse error response: body is empty"; says != empty {
		t.Fatalf("%s: %q says the body is empty: %v, want %v", from, text, says, empty)
	}
}
