package fixed

// The JSON helpers: appendString writes strings as encoding/json does; the
// scanners find members in bodies that validJSON, held to json.Valid, has
// already validated.

import (
	"bytes"
	"encoding/json"
	"runtime"
	"slices"
	"strings"
	"testing"

	"unicode/utf8"

	"github.com/errgen/errgen/internal/benchpair"
)

func TestAppendString(t *testing.T) {
	cases := append([]string{
		"\u2028\u2029", "\u2027\u202a", "\x7f", "\xe2\x80", "\xe2\x80\xa8x", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"a\x00b", `\u0041`, "é\xffé", "💩\xf0\x9f\x92", "\ufeff",
	}, hostileStrings...)
	for c := range 256 {
		cases = append(cases, string([]byte{byte(c)}), "x"+string([]byte{byte(c)})+"y")
	}
	for r := rune(0x80); r < 0x3000; r += 7 {
		cases = append(cases, string(r))
	}
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
		// It appends: what is in b stays.
		if got := appendString([]byte("ab"), s); !bytes.Equal(got, append([]byte("ab"), want...)) {
			t.Errorf("appendString(ab, %q) = %s", s, got)
		}
	}
}

func TestValidUTF8(t *testing.T) {
	for _, s := range hostileStrings {
		got := validUTF8(s)
		var want string
		_ = json.Unmarshal(appendString(nil, s), &want)
		if got != want || !utf8.ValidString(got) {
			t.Errorf("validUTF8(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzAppendString holds appendString to encoding/json's output.
func FuzzAppendString(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

const nested = ` {
	"a" : { "b" : [ { "c" : "x\"}]," } , 2 ] , "s" : "\\" } ,
	"list": [],
	"n" : -1.5e+3 ,"t":true,"f":false,"z":null,
	"esc\u0061ped": "e",
	"dup": 1, "dup": {"k": [1, {"k": 2}]},
	"deep": [[[{"x": "[{"}]]]
} `

func TestSkipValue(t *testing.T) {
	tests := []struct {
		in   string
		at   int
		want string
	}{
		{`"abc" , 1`, 0, `"abc"`},
		{`"a\"b\\" x`, 0, `"a\"b\\"`},
		{`{"a":"}"} x`, 0, `{"a":"}"}`},
		{`[1,[2,{"]":3}]] x`, 0, `[1,[2,{"]":3}]]`},
		{`-1.5e3,`, 0, `-1.5e3`},
		{`true}`, 0, `true`},
		{`null]`, 0, `null`},
		{`12 `, 0, `12`},
		{`x: 7`, 3, `7`},
		{`"unterminated`, 0, `"unterminated`},
		{`{"a":[`, 0, `{"a":[`},
		{``, 0, ``},
	}
	for _, tt := range tests {
		if end := skipValue([]byte(tt.in), tt.at); tt.in[tt.at:end] != tt.want {
			t.Errorf("skipValue(%q, %d) = %q, want %q", tt.in, tt.at, tt.in[tt.at:end], tt.want)
		}
	}
	if i := skipSpace([]byte(" \t\r\n x"), 0); i != 5 {
		t.Errorf("skipSpace = %d", i)
	}
}

func TestMemberAndLookupPath(t *testing.T) {
	body := []byte(nested)
	if !json.Valid(body) {
		t.Fatal("test body is not JSON")
	}
	tests := []struct {
		path []string
		want string // "" means not found
	}{
		{[]string{"a"}, `{ "b" : [ { "c" : "x\"}]," } , 2 ] , "s" : "\\" }`},
		{[]string{"a", "b"}, `[ { "c" : "x\"}]," } , 2 ]`},
		{[]string{"a", "b", ""}, `{ "c" : "x\"}]," }`},
		{[]string{"a", "b", "", "c"}, `"x\"}],"`},
		{[]string{"a", "s"}, `"\\"`},
		{[]string{"n"}, `-1.5e+3`},
		{[]string{"t"}, `true`},
		{[]string{"f"}, `false`},
		{[]string{"z"}, `null`},
		{[]string{"escaped"}, `"e"`},
		{[]string{"dup"}, `{"k": [1, {"k": 2}]}`},
		{[]string{"dup", "k", ""}, `1`},
		{[]string{"deep", "", "", "", "x"}, `"[{"`},
		{nil, nested},
		{[]string{"c"}, ``},
		{[]string{"list", ""}, ``},
		{[]string{"a", "b", "c"}, ``},
		{[]string{"a", ""}, ``},
		{[]string{"n", "x"}, ``},
		{[]string{"t", ""}, ``},
		{[]string{"nope", "nope"}, ``},
	}
	for _, tt := range tests {
		got, ok := lookupPath(body, tt.path)
		if ok != (tt.want != "") || string(got) != tt.want {
			t.Errorf("lookupPath(%q) = %q, %v; want %q", tt.path, got, ok, tt.want)
		}
	}
	// member agrees with encoding/json on which member it finds.
	var all map[string]json.RawMessage
	if err := json.Unmarshal(body, &all); err != nil {
		t.Fatal(err)
	}
	for name, raw := range all {
		var a, b any
		_ = json.Unmarshal(raw, &a)
		_ = json.Unmarshal(member(body, name), &b)
		if got, _ := json.Marshal(b); string(got) != string(mustMarshal(t, a)) {
			t.Errorf("member(%q) = %s, encoding/json finds %s", name, member(body, name), raw)
		}
	}
	for _, b := range []string{``, ` `, `[]`, `"x"`, `{`, `{"a"`, `{"a" 1}`, `{1:2}`} {
		if got := member([]byte(b), "a"); got != nil {
			t.Errorf("member(%q, a) = %q", b, got)
		}
	}
	for _, b := range []string{``, `[]`, `[ ]`, `{}`, `"x"`, `[`} {
		if got := firstElement([]byte(b)); got != nil {
			t.Errorf("firstElement(%q) = %q", b, got)
		}
	}
}

func TestStringValue(t *testing.T) {
	tests := []struct {
		raw  string
		want string
		ok   bool
	}{
		{`"plain"`, "plain", true},
		{`""`, "", true},
		{`"\u0041\n\"\\"`, "A\n\"\\", true},
		{`"é"`, "é", true},
		{`"\ud83d\ude00"`, "😀", true},
		{`"\ud800"`, "\ufffd", true},
		{"\"\xff\"", "\ufffd", true},
		{`1`, "", false},
		{`null`, "", false},
		{`"`, "", false},
		{``, "", false},
		{`{"a":1}`, "", false},
	}
	for _, tt := range tests {
		if got, ok := stringValue([]byte(tt.raw)); got != tt.want || ok != tt.ok {
			t.Errorf("stringValue(%s) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		key, name string
		want      bool
	}{
		{`"code"`, "code", true},
		{`"c\u006fde"`, "code", true},
		{`"codes"`, "code", false},
		{`"cod"`, "code", false},
		{`"c\u006fdes"`, "code", false},
		{`""`, "", true},
	} {
		if got := keyIs([]byte(tt.key), tt.name); got != tt.want {
			t.Errorf("keyIs(%s, %q) = %v", tt.key, tt.name, got)
		}
	}
}

func TestValidJSON(t *testing.T) {
	deep := func(n int) []byte {
		return []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
	}
	for _, b := range [][]byte{
		nil, []byte(``), []byte(` `), []byte(`{}`), []byte(` {"a" : [1, -0.5e+3, true, false, null, "\u00e9\n\"\/"]} `),
		[]byte(`01`), []byte(`-`), []byte(`1.`), []byte(`1e`), []byte(`.5`), []byte(`+1`), []byte(`1E-2`), []byte(`-0`),
		[]byte(`{"a"}`), []byte(`{"a":1,}`), []byte(`[1,]`), []byte(`[,]`), []byte(`{,}`), []byte(`tru`), []byte(`nulll`),
		[]byte(`"\x"`), []byte(`"\u12"`), []byte("\"a\tb\""), []byte("\"\xff\""), []byte(`{"a":1}{}`), []byte("\ufeff{}"),
		[]byte(`{1:2}`), []byte(`[}`), []byte(`{]`), []byte(`"`), []byte(`"\`),
		deep(maxJSONDepth), deep(maxJSONDepth + 1),
	} {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Errorf("validJSON(%.40q) = %v, json.Valid says %v", b, got, want)
		}
	}
}

// FuzzValidJSON holds validJSON to json.Valid.
func FuzzValidJSON(f *testing.F) {
	for _, s := range []string{`{"error":"x","code":"A","details":{"n":[1,2.5e-3,{"k":null}]}}`, `[true,false]`, `"\ud800\u0041"`, `-0.0E+1`, `{"a":}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Fatalf("validJSON(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}

// FuzzKeyIs holds keyIs's decoding compare to encoding/json's decoding.
func FuzzKeyIs(f *testing.F) {
	for _, k := range []string{`"code"`, `"c\u006fde"`, `"\ud83d\ude00"`, `"\ud800x"`, `"a\/b"`, `"\t"`, `"\u00e9t\u00E9"`, `"x\q"`, `"\u12"`} {
		f.Add(k, "code")
		f.Add(k, "été")
	}
	f.Fuzz(func(t *testing.T, key, name string) {
		// The names keys are compared to are the catalog's, valid UTF-8:
		// keyIs compares a key's unescaped bytes as they are, which then
		// are valid too, where encoding/json would replace invalid ones.
		if !utf8.ValidString(name) {
			return
		}
		var want bool
		var s string
		if err := json.Unmarshal([]byte(key), &s); err == nil && len(key) >= 2 && key[0] == '"' {
			want = s == name
		}
		got := keyIs([]byte(key), name)
		// keyIs reads the keys of valid bodies: JSON strings, without the
		// space around them or numbers for keys.
		if got != want && json.Valid([]byte(key)) && key[0] == '"' && key[len(key)-1] == '"' {
			t.Fatalf("keyIs(%s, %q) = %v, want %v", key, name, got, want)
		}
		// keyIndex, on a JSON string, answers as keyIs does, whether or not
		// told the key has no escape.
		if len(key) >= 2 && key[0] == '"' && key[len(key)-1] == '"' && json.Valid([]byte(key)) {
			names := []string{"code", name}
			want := slices.IndexFunc(names, func(n string) bool { return keyIs([]byte(key), n) })
			if got := keyIndex([]byte(key), true, names); got != want {
				t.Fatalf("keyIndex(%s, true, %q) = %d, keyIs finds %d", key, names, got, want)
			}
			if escaped := strings.Contains(key, `\`); !escaped {
				if got := keyIndex([]byte(key), escaped, names); got != want {
					t.Fatalf("keyIndex(%s, false, %q) = %d, keyIs finds %d", key, names, got, want)
				}
			}
		}
	})
}

// BenchmarkKeyIndex measures what comparing a plain key's text as it is buys
// over keyIs in finding the members of a body that the envelopes read. See
// benchpair.Run for the figures it reports.
func BenchmarkKeyIndex(b *testing.B) {
	var keys [][]byte
	it, _ := newObjectIter(rateLimitedBody)
	for key, _, ok := it.next(); ok; key, _, ok = it.next() {
		keys = append(keys, key)
	}
	names := topNames().names
	n := 0
	benchpair.Run(b, func() {
		for range 1000 {
			for _, key := range keys {
				n += keyIndex(key, false, names)
			}
		}
	}, func() {
		for range 1000 {
			for _, key := range keys {
				for k, name := range names {
					if keyIs(key, name) {
						n += k
						break
					}
				}
			}
		}
	}, nil)
}

// Parse reads a body of a hundred thousand escaped keys in less memory
// than three times its size: no key is decoded into a string to compare it.
func TestParseEscapedKeysMemory(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"error":"x","code":"UNAUTHORIZED",`)
	for range 100_000 {
		b.WriteString(`"a\u0041":1,`)
	}
	b.WriteString(`"z":1}`)
	body := b.Bytes()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	e, err := Parse(401, body)
	runtime.ReadMemStats(&after)
	if err != nil || e.Code() != CodeUnauthorized {
		t.Fatalf("Parse = %v, %v", e, err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 3*uint64(len(body)) {
		t.Errorf("Parse allocated %d bytes for a %d-byte body; want under 3×", got, len(body))
	}
}
