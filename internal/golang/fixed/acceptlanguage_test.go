//go:build !errgen_one_language

package fixed

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/growth"
)

// The Accept-Language parser against a plain reference: the field split
// with strings, each element matched by a regular expression, the ranges
// sorted by weight and each looked up by RFC 4647's truncation loop.

// refRange is one well-formed element of an Accept-Language field.
type refRange struct {
	tag string
	q   int // thousandths
}

// refElement is an element of the field as RFC 9110 §12.5.4 and RFC 4647
// §2.1 write it: a language range, then optionally a q weight.
var refElement = regexp.MustCompile(`^[ \t]*(\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)(?:[ \t]*;[ \t]*[qQ]=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?))?[ \t]*$`)

// refParse reads the ranges of a field, ignoring what is malformed and
// what does not end within its first maxAcceptLanguage bytes.
func refParse(values []string) []refRange {
	var out []refRange
	field := strings.Join(values, ",")
	if len(field) > maxAcceptLanguage && field[maxAcceptLanguage] != ',' {
		field = field[:max(strings.LastIndexByte(field[:maxAcceptLanguage], ','), 0)]
	}
	field = field[:min(len(field), maxAcceptLanguage)]
	for _, elem := range strings.Split(field, ",") {
		m := refElement.FindStringSubmatch(elem)
		if m == nil {
			continue
		}
		q := 1000
		if m[2] != "" {
			digits := (strings.Replace(m[2], ".", "", 1) + "000")[:4]
			q = 0
			for _, c := range digits {
				q = q*10 + int(c-'0')
			}
		}
		out = append(out, refRange{m[1], q})
	}
	return out
}

// refNegotiate is negotiate done the plain way: the tags has does not
// report are taken out of the offer, the default never.
func refNegotiate(values, tags []string, has func(int) bool) int {
	ranges := refParse(values)
	offered := func(i int) bool { return i == 0 || has == nil || has(i) }
	// A range names the tags it is, or is a prefix of (basic filtering,
	// RFC 4647 §3.3.1); one of weight 0 excludes them.
	named := func(t string) bool {
		return slices.ContainsFunc(ranges, func(r refRange) bool { return r.tag != "*" && filters(r.tag, t) })
	}
	excluded := func(t string) bool {
		return slices.ContainsFunc(ranges, func(r refRange) bool { return r.tag != "*" && r.q == 0 && filters(r.tag, t) })
	}
	slices.SortStableFunc(ranges, func(a, b refRange) int { return b.q - a.q })
	for _, r := range ranges {
		if r.q == 0 {
			break
		}
		if r.tag == "*" {
			for i, t := range tags {
				if offered(i) && !named(t) && !excluded(t) {
					return i
				}
			}
			continue
		}
		// RFC 4647 §3.4: truncate the range from the end until a tag
		// matches, dropping a single-letter subtag left last.
		for lr := strings.ToLower(r.tag); lr != ""; {
			for i, t := range tags {
				if offered(i) && strings.ToLower(t) == lr && !excluded(t) {
					return i
				}
			}
			cut := strings.LastIndexByte(lr, '-')
			if cut < 0 {
				break
			}
			lr = lr[:cut]
			if n := strings.LastIndexByte(lr, '-'); n >= 0 && n == len(lr)-2 {
				lr = lr[:n]
			}
		}
	}
	return 0
}

// filters reports whether range r names tag t by basic filtering.
func filters(r, t string) bool {
	r, t = strings.ToLower(r), strings.ToLower(t)
	return r == t || strings.HasPrefix(t, r+"-")
}

// tagPool are the tags the fuzz target offers subsets of: canonical BCP 47
// tags, as the catalog requires, some prefixes of others.
var tagPool = []string{"en", "de", "de-CH", "fr", "fr-CA", "zh", "zh-Hant", "zh-Hant-TW", "pt-BR", "es-419", "sr-Latn", "en-GB"}

// offered picks the tags of a mask from tagPool, in the pool's order,
// rotated so that any of them may be the default.
func offered(mask uint16, first uint8) []string {
	var tags []string
	for i, t := range tagPool {
		if mask&(1<<i) != 0 {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		tags = []string{"en"}
	}
	k := int(first) % len(tags)
	return append(tags[k:], tags[:k]...)
}

func TestNegotiate(t *testing.T) {
	tags := []string{"en", "de", "fr", "de-CH", "zh-Hant"}
	long := strings.Repeat("xx-Yyyy-ZZ;q=0.5, ", 220) + "fr;q=0.6" // 4 KB, 221 ranges
	tests := []struct {
		header string
		want   string
	}{
		{"", "en"},
		{"de", "de"},
		{"de-CH,de;q=0.9,en;q=0.8", "de-CH"},
		{"de-AT,de;q=0.9,en;q=0.8", "de"},
		{"de-CH-1996", "de-CH"},
		{"de-x-private", "de"},
		{"DE-ch", "de-CH"},
		{"zh-hant-tw, en;q=0.1", "zh-Hant"},
		{"zh", "en"}, // lookup never widens: zh-Hant is no match for zh
		{"*", "en"},
		{"fr;q=0", "en"},
		{"fr;q=0, *", "en"},
		{"en;q=0, *", "de"},
		{"en;q=0, de;q=0, *;q=0.5", "fr"},
		{"de;q=0, de-CH", "en"}, // de;q=0 excludes de-CH too, and de-CH's lookup finds nothing else
		{"de-CH;q=0, de", "de"},
		{"de;q=0.5, fr;q=0.5", "de"},
		{"fr;q=0.5, *;q=0.5", "fr"},
		{"*;q=0.9, fr;q=0.5", "en"},
		{"fr;q=1.000, de;q=0.999", "fr"},
		{"fr;Q=0.8, de;q=0.7", "fr"},
		{"de;q=2, fr", "fr"}, // invalid q: the element is ignored
		{"de;q=1.5, fr;q=0.1", "fr"},
		{"de;q=0.1234, fr;q=0.1", "fr"},
		{"de;q=.5, fr;q=0.1", "fr"},
		{"de;level=1, fr;q=0.1", "fr"},
		{"de ; q=0.5 , fr ; q=0.4", "de"},
		{"de_DE, fr;q=0.1", "fr"},
		{"deutschland1, fr;q=0.1", "fr"},
		{"1de, fr;q=0.1", "fr"},
		{"de-, fr;q=0.1", "fr"},
		{"de--CH, fr;q=0.1", "fr"},
		{"de-CH12345678, fr;q=0.1", "fr"},
		{",,, ,de", "de"},
		{"\x00\xff garbage ;;; q=", "en"},
		{"привет, fr", "fr"},
		{long, "fr"},
	}
	for _, tt := range tests {
		got := tags[negotiate([]string{tt.header}, tags, nil)]
		if got != tt.want {
			t.Errorf("negotiate(%.60q) = %s, want %s", tt.header, got, tt.want)
		}
		if ref := tags[refNegotiate([]string{tt.header}, tags, nil)]; ref != tt.want {
			t.Errorf("refNegotiate(%.60q) = %s, want %s", tt.header, ref, tt.want)
		}
	}
	if got := tags[negotiate([]string{"xx", "fr;q=0.5", "de;q=0.4"}, tags, nil)]; got != "fr" {
		t.Errorf("field lines are one list: got %s, want fr", got)
	}
}

// TestNegotiateAllocs: a 4 KB field of 200 ranges costs no allocation, and
// neither do more tags than most catalogs have.
func TestNegotiateAllocs(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 4096; i++ {
		b.WriteString("xx-Yyyy-ZZ;q=0.5, de-CH-1996;q=0.4, ")
	}
	header := []string{b.String()}
	tags := tagPool[:12]
	if n := testing.AllocsPerRun(100, func() { negotiate(header, tags, nil) }); n != 0 {
		t.Errorf("negotiate allocates %v times", n)
	}
	if got := tags[negotiate(header, tags, nil)]; got != "de-CH" {
		t.Errorf("negotiate = %s, want de-CH", got)
	}
}

func FuzzAcceptLanguage(f *testing.F) {
	for _, s := range []string{
		"de-CH,de;q=0.9,en;q=0.8", "*", "fr;q=0", "fr;q=0, *", "en;q=0, *;q=0.3, zh-Hant-TW;q=0.2",
		"garbage;;;", "DE-ch", "fr;q=1.000", "de;q=1.001", "x-private, de-x-a-b", "", " , ;q=0.5",
		"es-419;q=0.7, pt;q=0.8, pt-BR-x-y;q=0.8", "sr-Latn-RS, sr;q=0",
		strings.Repeat("a,", 4095) + "de-CH, fr", strings.Repeat("a,", 4094) + "a;q=0.5,de, fr", // at the 8 KiB limit
	} {
		f.Add(s, uint16(0xfff), uint8(0), uint16(0xffff))
		f.Add(s, uint16(0x0a5), uint8(3), uint16(0x5))
	}
	f.Fuzz(func(t *testing.T, header string, mask uint16, first uint8, avail uint16) {
		tags := offered(mask, first)
		has := func(i int) bool { return avail&(1<<i) != 0 }
		got := negotiate([]string{header}, tags, has)
		if got < 0 || got >= len(tags) || got > 0 && !has(got) {
			t.Fatalf("negotiate(%q, %q) = %d: not an offered tag", header, tags, got)
		}
		if want := refNegotiate([]string{header}, tags, has); got != want {
			t.Fatalf("negotiate(%q, %q, %b) = %s, reference %s", header, tags, avail, tags[got], tags[want])
		}
		// The table of fields read before gives what reading the field
		// gives, the first time and the next, for the stand-in's
		// languages.
		for range 2 {
			if cached, plain := negotiateLanguage([]string{header}, has), negotiate([]string{header}, languages, has); cached != plain {
				t.Fatalf("negotiateLanguage(%q) = %d, negotiate %d", header, cached, plain)
			}
		}
		// Field lines are one list: split at a comma, the field chooses
		// the same.
		if i := strings.IndexByte(header, ','); i >= 0 {
			if split := negotiate([]string{header[:i], header[i+1:]}, tags, has); split != got {
				t.Fatalf("negotiate(%q) = %s, split at its first comma %s", header, tags[got], tags[split])
			}
		}
	})
}

func BenchmarkNegotiate(b *testing.B) {
	long := []string{strings.Repeat("xx-Yyyy-ZZ;q=0.5, ", 215) + "de;q=0.6"}
	for _, bm := range []struct {
		name   string
		header []string
	}{
		{"browser", []string{"de-CH,de;q=0.9,en;q=0.8"}},
		{"4KB", long},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				negotiate(bm.header, languages, nil)
			}
		})
	}
}

// TestTagChoiceNotComparable: see TestNotComparable.
func TestTagChoiceNotComparable(t *testing.T) {
	if reflect.TypeFor[tagChoice]().Comparable() {
		t.Error("tagChoice is comparable: the compiler makes its equality function")
	}
}

// negotiate reads the elements within the first 8 KiB of a field, its
// lines joined by commas, and none cut there (de-CH would read as de); a
// field of 1 MiB costs what one of 8 KiB does, where it cost 128 times as
// much.
func TestNegotiateBounded(t *testing.T) {
	tags := []string{"en", "de", "fr"}
	filler := func(n int) string { // n bytes of ranges none of the tags is, ending with a comma
		return strings.Repeat("a,", n/2-n%2) + strings.Repeat("aa,", n%2)
	}
	tests := []struct {
		name   string
		values []string
		want   string
	}{
		{"ending at 8 KiB", []string{filler(8190) + "de"}, "de"},
		{"ending at 8 KiB, then more", []string{filler(8190) + "de,fr"}, "de"},
		{"ending past 8 KiB", []string{filler(8191) + "de"}, "en"},
		{"cut by the limit", []string{filler(8190) + "de-CH"}, "en"},
		{"a second line within", []string{filler(8189), "de"}, "de"},
		{"a second line past", []string{filler(8190), "de"}, "en"},
		{"a third line past", []string{filler(8190), "", "de"}, "en"},
		{"an empty line within", []string{"", "de"}, "de"},
	}
	if len(filler(8190)) != 8190 || len(filler(8191)) != 8191 {
		t.Fatal("the filler is not as long as asked")
	}
	for _, tt := range tests {
		got, ref := tags[negotiate(tt.values, tags, nil)], tags[refNegotiate(tt.values, tags, nil)]
		if got != tt.want || ref != tt.want {
			t.Errorf("%s: negotiate = %s, reference %s; want %s", tt.name, got, ref, tt.want)
		}
	}
	hundred := make([]string, 100)
	for i := range hundred {
		hundred[i] = fmt.Sprintf("de-CH-%04d", i)
	}
	fastest := func(size int) time.Duration {
		field := []string{strings.Repeat("de-CH-999x,", size/11)}
		return growth.Fastest(5, func() { negotiate(field, hundred, nil) })
	}
	small, large := fastest(8<<10), fastest(1<<20)
	if ratio := float64(large) / float64(small); ratio > 8 {
		t.Errorf("a field of 1 MiB took %.0f times as long as one of 8 KiB (%v, %v)", ratio, large, small)
	}
}
