package example

import (
	"testing"

	"github.com/errgen/errgen/catalog"
)

// The details of an example, and DetailJSON's example of each detail: a
// detail's own example; else, for an object with fields, one made of its
// fields' examples, as the generated structs write it (catalog order,
// optional fields left out when empty, a list of one object); a required
// free-form object is {} and a required enum its first value.
func TestExampleDetails(t *testing.T) {
	for _, tt := range exampleCases {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\napi: T\nformat: flat\nerrors:\n  - code: E\n    status: 400\n    details: " + tt.details +
				"\n  - {code: INTERNAL, status: 500, fallback: true}\n"
			c, err := catalog.Parse("catalog.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			in, err := New(c.Errors[0])
			if err != nil || string(in.Details) != tt.want {
				t.Errorf("details %s, %v; want %s", in.Details, err, tt.want)
			}
			if got, err := DetailJSON(c.Errors[0].Details[0]); err != nil || string(got) != tt.detail {
				t.Errorf("DetailJSON = %s, %v; want %s", got, err, tt.detail)
			}
		})
	}
}

var exampleCases = []struct {
	name    string
	details string // the error's details, YAML
	want    string // New's details
	detail  string // DetailJSON of the first detail; "" for none
}{
	{"a list of one object of its fields' examples",
		`[{name: errs, type: "object[]", fields: [{name: field, type: string, required: true, example: title}, {name: why, type: string, example: too long}]}]`,
		`{"errs":[{"field":"title","why":"too long"}]}`, `[{"field":"title","why":"too long"}]`},
	{"catalog order, whatever the examples' order",
		`[{name: o, type: object, fields: [{name: b, type: integer, example: 2}, {name: a, type: boolean, example: true}]}]`,
		`{"o":{"b":2,"a":true}}`, `{"b":2,"a":true}`},
	{"optional fields without examples left out, required ones zero",
		`[{name: o, type: object, fields: [{name: n, type: integer, required: true}, {name: s, type: string}, {name: l, type: "string[]", example: [x]}]}]`,
		`{"o":{"n":0,"l":["x"]}}`, `{"n":0,"l":["x"]}`},
	{"an optional field whose example is empty is left out, as omitempty does",
		`[{name: o, type: object, fields: [{name: n, type: integer, example: 0}, {name: s, type: string, example: x}]}]`,
		`{"o":{"s":"x"}}`, `{"s":"x"}`},
	{"nested objects, and a required enum field its first value",
		`[{name: o, type: "object[]", fields: [{name: lim, type: object, fields: [{name: max, type: integer, example: 3}, {name: unit, type: string, required: true, enum: [chars, items]}]}]}]`,
		`{"o":[{"lim":{"max":3,"unit":"chars"}}]}`, `[{"lim":{"max":3,"unit":"chars"}}]`},
	{"an object's own example wins over its fields'",
		`[{name: o, type: object, example: {z: 1, a: 2}, fields: [{name: a, type: integer, example: 5}]}]`,
		`{"o":{"z":1,"a":2}}`, `{"z":1,"a":2}`},
	{"an own example of an any field: its JSON, HTML-escaped as a json.RawMessage is",
		`[{name: o, type: object, fields: [{name: raw, type: any, example: {z: [1, "<"]}}]}]`,
		`{"o":{"raw":{"z":[1,"\u003c"]}}}`, `{"raw":{"z":[1,"\u003c"]}}`},
	{"a required object with fields and no examples: its zero object",
		`[{name: o, type: object, required: true, fields: [{name: n, type: integer, required: true}, {name: s, type: string}]}]`,
		`{"o":{"n":0}}`, ``},
	{"an optional one: left out",
		`[{name: o, type: "object[]", fields: [{name: n, type: integer, required: true}]}]`,
		`{}`, ``},
	{"a required free-form object: {}",
		`[{name: o, type: object, required: true}]`,
		`{"o":{}}`, ``},
	{"a required enum detail: its first value",
		`[{name: k, type: string, required: true, enum: [b, a]}]`,
		`{"k":"b"}`, ``},
	{"scalars as their Go types",
		`[{name: n, type: integer, required: true, example: 7}, {name: x, type: number, example: 1.5}, {name: m, type: "map[string]string", example: {b: "1", a: "2"}}]`,
		`{"n":7,"x":1.5,"m":{"a":"2","b":"1"}}`, `7`},
}
