package translate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/catalog"
)

// FuzzTranslateCounts builds a small catalog from shape (per error: which
// of title, message, description, category, causes, remediation,
// troubleshooting rows and details, described or with described values,
// it has), a German file for the catalog before's shape with some of its
// texts written, some taken out and some left "" (keep), and runs Update
// for the catalog after's shape. It counts the "" texts added itself, from
// the two files as YAML: a "" at a path the input held no "" at. Texts
// must be their number, TopTexts those outside errors, Entries the
// errors' entries holding one. Seeds: TestUpdateCountsTexts's catalog.
func FuzzTranslateCounts(f *testing.F) {
	// title, category, two causes, a row, a detail with two described values
	f.Add([]byte{0x09, 0x61}, []byte{0x09, 0x61}, []byte{})
	f.Add([]byte{0x09, 0x61}, []byte{0x09, 0x65}, []byte{2, 2, 1, 1, 0})
	f.Add([]byte{0x09, 0x61}, []byte{0x09, 0x61}, []byte{1, 0, 1, 2, 1})
	f.Add([]byte{0xff, 0xff, 0x11, 0x04}, []byte{0xf3, 0xbe, 0x13, 0x05, 0x01}, []byte{3, 2, 1, 0})
	f.Fuzz(func(t *testing.T, before, after, keep []byte) {
		var partial []byte
		if len(keep) > 0 {
			full, err := Update(loadShape(t, before, nil), "de", nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			partial = partialFile(t, full.File, keep)
		}
		c := loadShape(t, after, partial)
		if c == nil {
			return // a partial file the catalog refuses
		}
		res, err := Update(c, "de", partial, Options{})
		if err != nil {
			t.Fatal(err)
		}
		texts, top, entries := blanksAdded(t, partial, res.File)
		if res.Texts != texts || res.TopTexts != top || res.Entries != entries {
			t.Fatalf("texts %d, top-level %d, entries %d; want %d, %d, %d\nfrom:\n%s\nto:\n%s",
				res.Texts, res.TopTexts, res.Entries, texts, top, entries, partial, res.File)
		}
	})
}

// shapeCatalog writes the catalog shape describes, two bytes an error (at
// most three): the first's bits are title, message, description,
// category, remediation, then a fallback's, the rest unused; the second's
// are the causes (0 to 3), the troubleshooting rows (0 to 3), the details
// (0 to 3), and whether they are described and have described values.
func shapeCatalog(shape []byte) string {
	var b strings.Builder
	b.WriteString("version: 1\napi: Shop API\nlanguages: [de]\n")
	if len(shape)%2 == 1 {
		b.WriteString("description: Errors of the shop.\n")
	}
	b.WriteString("errors:\n  - {code: FALLBACK, status: 500, fallback: true}\n")
	for i := 0; i+1 < len(shape) && i < 6; i += 2 {
		bits, counts := shape[i], shape[i+1]
		fmt.Fprintf(&b, "  - code: E%d\n    status: 400\n", i/2)
		for bit, line := range []string{"title: Title %d", "message: Message %d.", "description: Description %d.", "category: cat%d", "remediation: [Remedy %d.]"} {
			if bits&(1<<bit) != 0 {
				fmt.Fprintf(&b, "    "+line+"\n", i)
			}
		}
		if causes := int(counts & 3); causes > 0 {
			b.WriteString("    causes: [Cause 0.")
			for n := 1; n < causes; n++ {
				fmt.Fprintf(&b, ", Cause %d.", n)
			}
			b.WriteString("]\n")
		}
		writeRowsAndDetails(&b, counts)
	}
	return b.String()
}

// writeRowsAndDetails writes an error's troubleshooting rows and details
// as counts, its shape's second byte, says.
func writeRowsAndDetails(b *strings.Builder, counts byte) {
	if rows := int(counts>>2) & 3; rows > 0 {
		b.WriteString("    troubleshooting:\n")
		for n := range rows {
			fmt.Fprintf(b, "      - {check: Check %d, solution: Solution %d.}\n", n, n)
		}
	}
	if details := int(counts>>4) & 3; details > 0 {
		b.WriteString("    details:\n")
		for n := range details {
			fmt.Fprintf(b, "      - {name: d%d, type: string", n)
			if counts&0x40 != 0 {
				fmt.Fprintf(b, ", description: Detail %d", n)
			}
			if counts&0x80 != 0 {
				b.WriteString(", enum: [{value: a, description: Value a}, {value: b}]")
			}
			b.WriteString("}\n")
		}
	}
}

// loadShape loads shape's catalog with de as its German file; nil when
// the catalog refuses de.
func loadShape(t *testing.T, shape, de []byte) *catalog.Catalog {
	files := catalog.MemFiles{"catalog.yaml": []byte(shapeCatalog(shape))}
	if de != nil {
		files["translations/de.yaml"] = de
	}
	c, err := catalog.LoadFiles(files, "catalog.yaml")
	if err != nil && de == nil {
		t.Fatalf("%v\n%s", err, files["catalog.yaml"])
	}
	return c
}
