package catalog_test

import (
	"testing"

	"github.com/errgen/errgen/catalog"
)

// LanguageProblem calls a tag well-formed only when it has BCP 47's
// syntax, which catalog.schema.json's pattern checks
// (^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$): zz_bad, which x/text reads as
// zz-bad, is not.
func TestLanguageProblem(t *testing.T) {
	for _, tt := range []struct{ tag, want string }{
		{"de", ""},
		{"pt-BR", ""},
		{"pt_br", `"pt_br" is not in its canonical form: write "pt-BR"`},
		{"zz", `"zz" is a well-formed language tag, but its subtag "zz" is unknown: use a BCP 47 tag such as de, fr or pt-BR`},
		{"de-YY", `"de-YY" is a well-formed language tag, but its subtag "YY" is unknown: use a BCP 47 tag such as de, fr or pt-BR`},
		{"zz_bad", `"zz_bad" is not a BCP 47 language tag (subtags are letters and digits joined by -, and "zz" is no known one): use one such as de, fr or pt-BR`},
		{"de_YY", `"de_YY" is not a BCP 47 language tag (subtags are letters and digits joined by -, and "YY" is no known one): use one such as de, fr or pt-BR`},
		{"123", `"123" is not a BCP 47 language tag: use one such as de, fr or pt-BR`},
	} {
		if got := catalog.LanguageProblem(tt.tag); got != tt.want {
			t.Errorf("LanguageProblem(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
}
