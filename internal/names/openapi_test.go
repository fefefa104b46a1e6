package names

import "testing"

func TestStatusResponse(t *testing.T) {
	for status, want := range map[int]string{
		400: "BadRequest", 401: "Unauthorized", 412: "PreconditionFailed", 418: "Imateapot",
		429: "TooManyRequests", 500: "InternalServerError", 504: "GatewayTimeout", 599: "Status599",
	} {
		if got := StatusResponse(status); got != want {
			t.Errorf("StatusResponse(%d) = %q, want %q", status, got, want)
		}
	}
}
