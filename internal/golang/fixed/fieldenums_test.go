//go:build !errgen_no_field_enums

package fixed

import (
	"net/http/httptest"
	"reflect"
	"slices"
	"testing"
)

// fieldEnumsBuilt: this build holds fieldenums.go, and its stand-in enum
// fields (table.go).
const fieldEnumsBuilt = true

// An enum field of an object detail is checked as an enum detail is, from
// the definitions table: a value outside its enum (or a required field's
// empty one) is left out of the object, the rest of the body is sent, and
// Write reports the breach; MarshalJSON writes the same body.
func TestFieldEnums(t *testing.T) {
	for _, tt := range fieldEnumCases {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.problems)
			e := NewWithDetails(InvalidInputDetails{Field: "f", Problems: tt.problems})
			want := `{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"f","problems":` + tt.body + `}}`
			rec := httptest.NewRecorder()
			reports := recordReports(t, func() { Write(rec, nil, e) })
			if rec.Code != 400 || rec.Body.String() != want {
				t.Errorf("Write sent %d %s\nwant 400 %s", rec.Code, rec.Body, want)
			}
			if body, err := e.MarshalJSON(); err != nil || string(body) != want {
				t.Errorf("MarshalJSON = %s, %v", body, err)
			}
			switch {
			case tt.breach == "" && len(reports) != 0:
				t.Errorf("reported %v", reports)
			case tt.breach != "" && (len(reports) != 1 || reports[0].Problem != "sent with a breach: "+tt.breach || reports[0].Sent != e):
				t.Errorf("reported %v, want the breach %q", reports, tt.breach)
			}
			if !reflect.DeepEqual(tt.problems, before) {
				t.Errorf("the caller's objects changed: %+v", tt.problems)
			}
			// Details() shows what was sent: the values left out are empty.
			d, _ := DetailsAs[InvalidInputDetails](e)
			for i, p := range d.Problems {
				want := before[i].Kind
				if want != "" && want != InvalidInputProblemsKindMissing && want != InvalidInputProblemsKindInvalid {
					want = ""
				}
				if p.Kind != want {
					t.Errorf("Details().Problems[%d].Kind = %q, want %q", i, p.Kind, want)
				}
			}
		})
	}
}

// Parse decodes enum fields typed. A value outside the enum (a newer
// server's) is left out, as Parse leaves out an enum detail's: the error it
// gives is built as newError builds one, and Details() shows what a Write of
// it would send.
func TestFieldEnumsParse(t *testing.T) {
	body := `{"error":"Bad Request","code":"INVALID_INPUT","details":{"field":"f","problems":[{"field":"a","kind":"invalid","limits":{"max":3,"unit":"items"}},{"field":"b","kind":"newer"}]}}`
	e, err := Parse(400, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	d, ok := DetailsAs[InvalidInputDetails](e)
	if !ok || len(d.Problems) != 2 {
		t.Fatalf("Details() = %#v", e.Details())
	}
	if p := d.Problems[0]; p.Kind != InvalidInputProblemsKindInvalid || p.Limits.Unit != InvalidInputProblemsLimitsUnitItems {
		t.Errorf("Problems[0] = %+v", p)
	}
	if d.Problems[1].Kind != "" || d.Problems[1].Field != "b" {
		t.Errorf("Problems[1] = %+v, want its kind left out", d.Problems[1])
	}
	var kind any = d.Problems[0].Kind
	if _, ok := kind.(InvalidInputProblemsKind); !ok {
		t.Errorf("Kind is a %T", kind)
	}
}

// Every enum field the emitter lists is found in the details struct: one
// that were not would go unchecked.
func TestFieldEnumsResolve(t *testing.T) {
	loadDefinitions()
	for i := range definitions {
		def := &definitions[i]
		if got := len(def.prepared().enums); got != len(def.fieldEnums) {
			t.Errorf("%s: %d of %d enum fields found", def.Code, got, len(def.fieldEnums))
		}
	}
}

var fieldEnumCases = []struct {
	name     string
	problems []InvalidInputProblems
	body     string // the details' problems member as sent
	breach   string // "" when nothing is reported
}{
	{"values of their enums", []InvalidInputProblems{{Field: "a", Kind: InvalidInputProblemsKindMissing}, {Field: "b", Kind: "invalid", Limits: limits80(InvalidInputProblemsLimitsUnitChars)}},
		`[{"field":"a","kind":"missing"},{"field":"b","kind":"invalid","limits":{"max":80,"unit":"chars"}}]`, ""},
	{"an optional field left empty", []InvalidInputProblems{{Field: "a"}},
		`[{"field":"a"}]`, ""},
	{"a required field of an object the body leaves out", []InvalidInputProblems{{Field: "a", Limits: InvalidInputProblemsLimits{}}},
		`[{"field":"a"}]`, ""},
	{"a value outside the enum", []InvalidInputProblems{{Field: "a", Kind: "missing"}, {Field: "b", Kind: "bogus", Message: "m"}},
		`[{"field":"a","kind":"missing"},{"field":"b","message":"m"}]`, `field "problems[1].kind": "bogus" is not one of its values`},
	{"a case of its own", []InvalidInputProblems{{Field: "a", Kind: "Missing"}},
		`[{"field":"a"}]`, `field "problems[0].kind": "Missing" is not one of its values`},
	{"a required nested field left empty", []InvalidInputProblems{{Field: "a", Limits: limits80("")}},
		`[{"field":"a","limits":{"max":80}}]`, `field "problems[0].limits.unit": "" is not one of its values`},
	{"several, each reported", []InvalidInputProblems{{Field: "a", Kind: "x", Limits: limits80("bytes")}, {Field: "b", Kind: "y"}},
		`[{"field":"a","limits":{"max":80}},{"field":"b"}]`,
		`field "problems[0].kind": "x" is not one of its values; field "problems[1].kind": "y" is not one of its values; field "problems[0].limits.unit": "bytes" is not one of its values`},
}

func limits80(unit InvalidInputProblemsLimitsUnit) InvalidInputProblemsLimits {
	return InvalidInputProblemsLimits{Max: 80, Unit: unit}
}
