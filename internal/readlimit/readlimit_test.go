package readlimit

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// An input within the limit comes whole; a longer one stops one byte past
// the limit, whatever size claimed; a read error is returned.
func TestAtMost(t *testing.T) {
	tests := []struct {
		in          string
		size, limit int64
		want        string
	}{
		{"catalog", 7, 10, "catalog"},
		{"catalog", 7, 7, "catalog"},
		{"catalog", 7, 4, "catal"},
		{"catalog", 2, 4, "catal"}, // the size said less than there is
		{"catalog", -1, 100, "catalog"},
		{"", 0, 0, ""},
	}
	for _, tt := range tests {
		got, err := AtMost(strings.NewReader(tt.in), tt.size, tt.limit)
		if err != nil || string(got) != tt.want {
			t.Errorf("AtMost(%q, %d, %d) = %q, %v; want %q", tt.in, tt.size, tt.limit, got, err, tt.want)
		}
	}
	boom := errors.New("boom")
	if _, err := AtMost(io.MultiReader(bytes.NewReader([]byte("ab")), iotest.ErrReader(boom)), 10, 100); !errors.Is(err, boom) {
		t.Errorf("read error: got %v", err)
	}
}
