package yamlnode

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The two shortcuts of this package, each beside what it stands in for:
// Marshal beside yaml.v3's encoder, FromJSON's direct reader beside
// json.Decoder's tokens. Compare with benchstat, or read the ratio off one
// run: go test -run '^$' -bench . ./internal/yamlnode

// bigJSON is about what the OpenAPI document holds per error, n times.
func bigJSON(n int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"https://errors.example/e%05d","title":"Not Found","status":404,"detail":"ticket tkt_%d not found","code":"E%05d","fields":{"title":"required","tags":["a","b"],"n":1.5,"ok":true,"none":null}}`, i, i, i)
	}
	b.WriteByte(']')
	return b.String()
}

func benchTree(b *testing.B) *yaml.Node {
	n, err := FromJSON([]byte(bigJSON(1000)))
	if err != nil {
		b.Fatal(err)
	}
	return n
}

func BenchmarkMarshal(b *testing.B) {
	n := benchTree(b)
	for b.Loop() {
		if _, err := Marshal(n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalBaseline(b *testing.B) {
	n := benchTree(b)
	for b.Loop() {
		if _, err := Encode(n, 2); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFromJSON(b *testing.B) {
	data := []byte(bigJSON(1000))
	for b.Loop() {
		if _, err := FromJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFromJSONBaseline(b *testing.B) {
	data := bigJSON(1000)
	for b.Loop() {
		decodeJSON(b, data)
	}
}
