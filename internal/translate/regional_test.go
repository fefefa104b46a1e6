package translate

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalogtest"
)

// errgen translate de-CH, beside a de.yaml that translates every text but
// ORDER_CONFLICT's, writes ORDER_CONFLICT's entry alone (its texts under
// the English they are to translate), and no top-level text: de.yaml gives
// them all, and de-CH reads them. It asked for every text of the catalog.
func TestRegionalSkeletonAsksWhatNoShorterTagGives(t *testing.T) {
	c := catalogtest.LanguagesAlsoDECH(t, nil)
	res, err := Update(c, "de-CH", nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, errs, _ := strings.Cut(string(res.File), "\nerrors:\n")
	var codes []string
	for _, line := range strings.Split(errs, "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") {
			codes = append(codes, line)
		}
	}
	if len(codes) != 1 || codes[0] != "  ORDER_CONFLICT:" {
		t.Errorf("de-CH's entries %q, want ORDER_CONFLICT's alone:\n%s", codes, errs)
	}
	if !strings.Contains(errs, "    # en: Order changed\n    title: \"\"\n") || res.Added != 1 {
		t.Errorf("de-CH's ORDER_CONFLICT (%d added):\n%s", res.Added, errs)
	}
	for _, top := range []string{"\ndescription:", "\ndocs:", "\ncategories:"} {
		if strings.Contains(string(res.File), top) {
			t.Errorf("de-CH is asked for %s, which de.yaml gives:\n%s", top, res.File)
		}
	}
}
