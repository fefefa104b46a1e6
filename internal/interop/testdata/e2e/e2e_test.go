// The end-to-end test, run by ../../e2e_test.go in the scratch module, once
// per shipped catalog (its import of apierrors made that catalog's
// generated package), next to the oapi-codegen client (package api) it
// generates from the catalog's wrapped components document, and
// cases.json, which lists every error of the catalog with the example body
// of the OpenAPI document.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/generated/apierrors"

	"interopscratch/e2e/api"
)

type testCase struct {
	Code    string          `json:"code"`
	Status  int             `json:"status"`
	Body    json.RawMessage `json:"body"`
	Variant int             `json:"variant"`
}

func TestClientDecodesEveryError(t *testing.T) {
	data, err := os.ReadFile("cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []testCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Code < cases[j].Code })
	byCode := map[string]testCase{}
	for _, c := range cases {
		byCode[c.Code] = c
	}

	// The server: the error of the code in the path, built from its example
	// body by the generated Parse (so with its example details), written by
	// the generated Write.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /errors/{code}", func(w http.ResponseWriter, r *http.Request) {
		c, ok := byCode[r.PathValue("code")]
		if !ok {
			http.Error(w, "no such case", http.StatusTeapot)
			return
		}
		e, err := apierrors.Parse(c.Status, c.Body)
		if err != nil {
			http.Error(w, "apierrors.Parse of the example body: "+err.Error(), http.StatusTeapot)
			return
		}
		apierrors.Write(w, r, e)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	client, err := api.NewClientWithResponses(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Code, func(t *testing.T) {
			resp, err := client.GetErrorWithResponse(context.Background(), c.Code)
			if err != nil {
				t.Fatalf("the client did not decode the %d response: %v", c.Status, err)
			}
			if resp.StatusCode() != c.Status {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode(), c.Status, resp.Body)
			}
			// The server sent this error (not the fallback): the body reads
			// back as it.
			sent, err := apierrors.Parse(resp.StatusCode(), resp.Body)
			if err != nil || string(sent.Code()) != c.Code {
				t.Fatalf("the server did not send %s: %v, body %s", c.Code, err, resp.Body)
			}

			typed := typedField(t, resp, c.Status)
			value := typed.Interface()
			switch {
			case hasMethod(typed, "ValueByDiscriminator"):
				out := method(typed, "ValueByDiscriminator").Call(nil)
				if err, _ := out[1].Interface().(error); err != nil {
					t.Fatalf("ValueByDiscriminator: %v", err)
				}
				value = out[0].Interface()
			case c.Variant >= 0:
				as := variants(typed)
				if len(as) <= c.Variant {
					t.Fatalf("%s: the response is a union of %d shapes (%v), want one for oneOf member %d", typed.Type(), len(as), as, c.Variant)
				}
				t.Errorf("%s is a union without a discriminator (no ValueByDiscriminator): a client cannot tell which of %v holds %s but by trying each", typed.Type(), as, c.Code)
				out := method(typed, as[c.Variant]).Call(nil)
				if err, _ := out[1].Interface().(error); err != nil {
					t.Fatalf("%s: %v", as[c.Variant], err)
				}
				value = out[0].Interface()
			}
			// The typed value holds the code and every detail: encoded again,
			// it is the body that was sent.
			again, err := json.Marshal(value)
			if err != nil {
				t.Fatalf("json.Marshal(%T): %v", value, err)
			}
			if !sameJSON(again, resp.Body) {
				t.Errorf("%T does not hold the body it was decoded from:\n got %s\nwant %s", value, again, resp.Body)
			}
			if code := codeField(value); code != "" && code != c.Code {
				t.Errorf("%T's code is %q, want %q", value, code, c.Code)
			}
		})
	}
}

// typedField returns the one typed body field of resp filled for status
// (JSON404, ApplicationproblemJSON404, …; not Headers404).
func typedField(t *testing.T, resp any, status int) reflect.Value {
	t.Helper()
	v := reflect.ValueOf(resp).Elem()
	suffix := strconv.Itoa(status)
	var names, filled []string
	var found reflect.Value
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if !strings.HasSuffix(f.Name, suffix) || strings.HasPrefix(f.Name, "Headers") || f.Type.Kind() != reflect.Pointer {
			continue
		}
		names = append(names, f.Name)
		if !v.Field(i).IsNil() {
			filled = append(filled, f.Name)
			found = v.Field(i).Elem()
		}
	}
	if len(filled) != 1 {
		t.Fatalf("%T: typed fields for %d: %v, of which filled: %v; want exactly one filled", resp, status, names, filled)
	}
	return found
}

func method(v reflect.Value, name string) reflect.Value {
	if m := v.MethodByName(name); m.IsValid() {
		return m
	}
	if v.CanAddr() {
		return v.Addr().MethodByName(name)
	}
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	return p.MethodByName(name)
}

func hasMethod(v reflect.Value, name string) bool { return method(v, name).IsValid() }

// variants lists a union's As<Type><N> methods in oneOf order.
func variants(v reflect.Value) []string {
	prefix := "As" + v.Type().Name()
	pt := reflect.PointerTo(v.Type())
	byIndex := map[int]string{}
	for i := 0; i < pt.NumMethod(); i++ {
		name := pt.Method(i).Name
		if n, err := strconv.Atoi(strings.TrimPrefix(name, prefix)); strings.HasPrefix(name, prefix) && err == nil {
			byIndex[n] = name
		}
	}
	var out []string
	for i := 0; ; i++ {
		name, ok := byIndex[i]
		if !ok {
			return out
		}
		out = append(out, name)
	}
}

// codeField is the value's top-level Code field as a string, when it has one.
func codeField(value any) string {
	v := reflect.Indirect(reflect.ValueOf(value))
	if v.Kind() != reflect.Struct {
		return ""
	}
	f := v.FieldByName("Code")
	if !f.IsValid() {
		return ""
	}
	return fmt.Sprint(reflect.Indirect(f).Interface())
}

func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
