package fixed

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/growth"
)

// A body whose objects each lack a required field costs Parse, and Write
// passing the error on, time in proportion to it: the breach's text joined
// place by place and each place looked up among all those left out took a
// body of 16,000 such objects (256 KB) 8.3 s to parse, 64 times the time of
// 2,000.
func TestReceivedLackingGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("parses bodies of 2,000 and 16,000 objects")
	}
	Configure(Config{Reporter: func(Report) {}})
	defer Configure(Config{Reporter: recordReport}) // this package's tests' reporter, TestMain's
	cost := func(n int) time.Duration {
		body := []byte(`{"code":"INVALID_INPUT","details":{"field":"f","problems":[` +
			strings.TrimSuffix(strings.Repeat(`{"message":"m"},`, n), ",") + `]}}`)
		return growth.Fastest(3, func() {
			e, err := Parse(400, body)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(e.breach(), `"problems[`+strconv.Itoa(n-1)+`].field"`) {
				t.Fatalf("the last object's field is not reported left out: %.200s", e.breach())
			}
			Write(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil), e)
		})
	}
	if ratio, small, large := growth.Eightfold(2000, cost); ratio > growth.MaxEightfold {
		t.Errorf("8 times the objects took %.1f times as long (%v, %v): want about 8", ratio, small, large)
	} else {
		t.Logf("8 times the objects took %.1f times as long (%v, %v)", ratio, small, large)
	}
}

// A detail repeated in a body replaces the places its previous value
// lacked, at a cost of its own: one repeated thousands of times beside
// another detail lacking thousands of fields filtered those each time.
func TestNoteLackingRepeatedGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("notes 2,000 and 16,000 places")
	}
	field := []nestedField{{name: "field", required: true}}
	nested := [][]nestedField{field, field}
	cost := func(n int) time.Duration {
		many := []byte("[" + strings.TrimSuffix(strings.Repeat("{},", n), ",") + "]")
		return growth.Fastest(3, func() {
			var lacking [][]string
			noteLacking(&lacking, nested, 0, "problems", many)
			for range n {
				noteLacking(&lacking, nested, 1, "other", []byte("{}"))
			}
			if len(lacking) != 2 || len(lacking[0]) != n || len(lacking[1]) != 1 {
				t.Fatalf("lacking holds %d details (%d, %d places), want 2 (%d, 1)", len(lacking), len(lacking[0]), len(lacking[len(lacking)-1]), n)
			}
		})
	}
	if ratio, small, large := growth.Eightfold(2000, cost); ratio > growth.MaxEightfold {
		t.Errorf("8 times the places took %.1f times as long (%v, %v): want about 8", ratio, small, large)
	}
}
