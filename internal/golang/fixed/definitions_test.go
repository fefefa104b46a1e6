package fixed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestDefinitionsText: the table decoded from definitionsText is the one
// the plain path writes as a composite literal (table_plain_test.go), field
// for field but what the runtime works out on first use (translations are
// compared by their texts), and the stand-in sets every field of a row in
// some row (but two it lacks), so that none goes undecoded unseen.
func TestDefinitionsText(t *testing.T) {
	loadDefinitions()
	notInRows := map[string]bool{"once": true, "ready": true, "prep": true, "zero": true, "unknown": true, "translations": true}
	typ := reflect.TypeFor[definition]()
	set := map[string]bool{}
	for i := range definitions {
		got, want := reflect.ValueOf(&definitions[i]).Elem(), reflect.ValueOf(&plainDefinitions[i]).Elem()
		for j := range typ.NumField() {
			if name := typ.Field(j).Name; !notInRows[name] {
				g, w := fmt.Sprintf("%#v", got.Field(j)), fmt.Sprintf("%#v", want.Field(j))
				if g != w {
					t.Errorf("definitions[%d].%s = %s, the plain path's %s", i, name, g, w)
				}
				set[name] = set[name] || !want.Field(j).IsZero()
			}
		}
		g, w := fmt.Sprintf("%#v", translationTexts(definitions[i].translations)), fmt.Sprintf("%#v", translationTexts(plainDefinitions[i].translations))
		if g != w {
			t.Errorf("definitions[%d].translations = %s, the plain path's %s", i, g, w)
		}
		set["translations"] = set["translations"] || plainDefinitions[i].translations != nil
	}
	// The stand-in has no envelope with $meta, nor a reason of its own; in
	// the build of one language (table_one_language.go), no translations,
	// and in that without enum fields (table_no_field_enums.go), none.
	standInLacks := map[string]bool{"meta": true, "reason": true, "translations": languages == nil, "fieldEnums": !fieldEnumsBuilt}
	for j := range typ.NumField() {
		if name := typ.Field(j).Name; !set[name] && !standInLacks[name] && (!notInRows[name] || name == "translations") {
			t.Errorf("no row of the stand-in sets %s", name)
		}
	}
}

// translationText is a translation's texts, without what the runtime works
// out on first use.
type translationText struct {
	title, message  string
	messageTemplate []templatePart
	body            string
}

// translationTexts are the texts of a row's translations; nil for none.
func translationTexts(trs []translation) []translationText {
	var out []translationText
	for i := range trs {
		tr := &trs[i]
		out = append(out, translationText{tr.title, tr.message, tr.messageTemplate, tr.body})
	}
	return out
}

// resetDefinitions undoes loadDefinitions, as if the table had never been
// used.
func resetDefinitions() {
	for i := range definitions {
		definitions[i] = definition{}
		sentinels[i] = Error{}
	}
	definitionsOnce = sync.Once{}
	definitionsLoaded.Store(false)
}

// TestFirstUseLoadsDefinitions: every exported method of Error, called on
// a sentinel before anything used the table, and every exported function
// that reaches a definition, gives what it gives once the table is loaded.
func TestFirstUseLoadsDefinitions(t *testing.T) {
	defer loadDefinitions()
	calls := map[string]func() string{}
	for _, sentinel := range []*Error{ErrUnauthorized, ErrRateLimited} {
		typ := reflect.TypeOf(sentinel)
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			calls[string(sentinel.Code())+"."+m.Name] = func() string {
				args := []reflect.Value{reflect.ValueOf(sentinel)}
				for k := 1; k < m.Type.NumIn(); k++ {
					args = append(args, reflect.Zero(m.Type.In(k)))
				}
				var out []string
				for _, v := range m.Func.Call(args) {
					out = append(out, fmt.Sprint(v.Interface()))
				}
				return strings.Join(out, " ")
			}
		}
	}
	calls["Write"] = func() string {
		rec := httptest.NewRecorder()
		Write(rec, benchRequest, ErrUnauthorized)
		return fmt.Sprint(rec.Code, rec.Header(), rec.Body)
	}
	calls["errors.Is"] = func() string {
		return fmt.Sprint(ErrUnauthorized.Is(ErrRateLimited), ErrRateLimited.Is(ErrRateLimited))
	}
	calls["New"] = func() string { return NewRateLimited(1, "1m", 2).Error() }
	calls["NewWithDetails"] = func() string { return NewWithDetails(RateLimitedDetails{Limit: 1}).Error() }
	calls["Parse"] = func() string {
		e, err := Parse(http.StatusTooManyRequests, rateLimitedBody)
		return fmt.Sprint(e, err)
	}
	calls["Lookup"] = func() string { return fmt.Sprint(Lookup(CodeInternal)) }
	calls["Definitions"] = func() string { return fmt.Sprint(Definitions()) }
	calls["RPCStatusOf"] = func() string { return fmt.Sprint(RPCStatusOf(ErrRateLimited)) }
	calls["RPCStatusFor"] = func() string { return fmt.Sprint(RPCStatusFor(ErrRateLimited, "de")) }
	calls["RPCError"] = func() string { return fmt.Sprint(RPCError(RPCStatus{Reason: "RATE_LIMITED", Domain: rpcDomain})) }
	calls["RPCPanic"] = func() string {
		return fmt.Sprint(RPCPanic(context.Background(), "/shop.v1.Orders/Get", "boom",
			http.Header{"Accept-Language": {"de"}, "X-Request-Id": {"r-1"}}))
	}
	for name, call := range calls {
		loadDefinitions()
		want := call()
		resetDefinitions()
		if got := call(); got != want {
			t.Errorf("%s before the table was used: %s, after: %s", name, got, want)
		}
	}
}

// TestBadRows: a row the emitter does not write panics, saying what is
// wrong with it where, whichever field holds it.
func TestBadRows(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{`C status=x4`, `bad number at byte 11 of "C status=x4"`},
		{`C title="a\q"`, `bad string at byte 8 of "C title=\"a\\q\""`},
		{`C header=Retry-After`, `want : at byte 20 of "C header=Retry-After"`},
		{`C message={field`, `unclosed placeholder at byte 10 of "C message={field"`},
		{`C message=!`, `bad template at byte 10 of "C message=!"`},
		{`C nonsense=1`, `unknown field nonsense at byte 11 of "C nonsense=1"`},
		{`C lang.title=x`, `lang.title before lang at byte 13 of "C lang.title=x"`},
	} {
		got := func() (msg any) {
			defer func() { msg = recover() }()
			decodeDefinitions("\n"+tt.line, make([]definition, 1))
			return nil
		}()
		if want := "definitions table: " + tt.want; got != want {
			t.Errorf("%s: panic %v\nwant %s", tt.line, got, want)
		}
	}
}
