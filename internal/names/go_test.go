package names

import (
	"reflect"
	"testing"

	"github.com/errgen/errgen/catalog"
)

func TestParam(t *testing.T) {
	params := map[string]string{"resourceId": "resourceID", "ID": "id", "URLPath": "urlPath", "retry_after": "retryAfter", "x": "x"}
	for in, want := range params {
		if got := Param(in); got != want {
			t.Errorf("Param(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGoNames holds each name to the spelling DESIGN.md gives it.
func TestGoNames(t *testing.T) {
	d := &catalog.Detail{Name: "decline_code", GoName: "DeclineCode"}
	e := &catalog.Error{Name: "CardDeclined", Details: []*catalog.Detail{d}}
	v := catalog.EnumValue{Value: "expired_card", GoName: "ExpiredCard"}
	for got, want := range map[string]string{
		Code(e):            "CodeCardDeclined",
		Sentinel(e):        "ErrCardDeclined",
		New(e):             "NewCardDeclined",
		Details(e):         "CardDeclinedDetails",
		Enum(e, d):         "CardDeclinedDeclineCode",
		EnumValue(e, d, v): "CardDeclinedDeclineCodeExpiredCard",
		FieldEnum("ValidationErrorFieldErrors", d):         "ValidationErrorFieldErrorsDeclineCode",
		FieldEnumValue("ValidationErrorFieldErrors", d, v): "ValidationErrorFieldErrorsDeclineCodeExpiredCard",
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

// TestDeclared lists what errors of each shape declare, in the order the
// generated file declares it.
func TestDeclared(t *testing.T) {
	enum := &catalog.Detail{Name: "rule", GoName: "Rule", Enum: []catalog.EnumValue{{Value: "a", GoName: "A"}, {Value: "a.", GoName: "A"}, {Value: "-"}, {Value: "b", GoName: "B"}}}
	tests := []struct {
		name string
		e    *catalog.Error
		want []string
	}{
		{"unnamed", &catalog.Error{Code: "1"}, nil},
		{"plain", &catalog.Error{Name: "X"}, []string{"CodeX", "ErrX", "NewX"}},
		{"required", &catalog.Error{Name: "X", Details: []*catalog.Detail{{Name: "a", Required: true}}}, []string{"CodeX", "ErrX", "NewX", "XDetails"}},
		{"optional", &catalog.Error{Name: "X", Details: []*catalog.Detail{{Name: "a"}}}, []string{"CodeX", "ErrX", "NewX", "XDetails"}},
		{"enum", &catalog.Error{Name: "X", Details: []*catalog.Detail{enum}}, []string{"CodeX", "ErrX", "NewX", "XDetails", "XRule", "XRuleA", "XRuleB"}},
		{"fields", &catalog.Error{Name: "X", Details: []*catalog.Detail{{Name: "p", GoName: "P", Fields: []*catalog.Detail{
			{Name: "a", GoName: "A"}, enum, {Name: "o", GoName: "O", Fields: []*catalog.Detail{enum}}}}}},
			[]string{"CodeX", "ErrX", "NewX", "XDetails", "XPRule", "XPRuleA", "XPRuleB", "XPORule", "XPORuleA", "XPORuleB", "XPO", "XP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, id := range Declared(tt.e) {
				got = append(got, id.Name)
				if (id.Value != nil) && id.Detail == nil {
					t.Errorf("%s: a value without its detail", id.Name)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Declared = %v, want %v", got, tt.want)
			}
			if tt.e.Name != "" { // the error's own names are Code's, Sentinel's, New's and Details'
				own := []string{Code(tt.e), Sentinel(tt.e), New(tt.e)}
				if len(tt.e.Details) > 0 {
					own = append(own, Details(tt.e))
				}
				if !reflect.DeepEqual(got[:len(own)], own) {
					t.Errorf("Declared's own names = %v, want %v", got[:len(own)], own)
				}
			}
			prefix := []Ident{{Name: "before"}}
			if appended := AppendDeclared(prefix, tt.e); len(appended) != 1+len(got) || appended[0].Name != "before" {
				t.Errorf("AppendDeclared appended %d identifiers to one, want %d", len(appended)-1, len(got))
			}
		})
	}
}
