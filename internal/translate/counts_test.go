package translate

import (
	"strings"
	"testing"
)

// Update counts the texts it adds for a translator to write, each "" one
// (a list's items, a row's two cells, an enum value's), the top-level
// ones apart, and the errors' entries the others are in, new or there
// already: what Added counted (entries, members and top-level texts) is
// no amount of work.
func TestUpdateCountsTexts(t *testing.T) {
	const root = "version: 1\napi: Shop API\ndescription: Errors of the shop.\nlanguages: [de]\nerrors:\n" +
		"  - code: CARD_DECLINED\n    status: 402\n    title: Card declined\n    category: payment\n" +
		"    causes: [The card expired., The bank refused.]\n" +
		"    troubleshooting:\n      - {check: Card valid, solution: Use another card.}\n" +
		"    details:\n      - {name: reason, type: string, enum: [{value: expired, description: It expired}, {value: refused, description: Refused}]}\n" +
		"  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}\n"
	tests := []struct {
		name                     string
		root, de                 string
		texts, top, entries, add int
	}{
		{"a new file", root, "", 10, 2, 2, 4},
		{"a row added to an entry there", strings.Replace(root, "solution: Use another card.}\n", "solution: Use another card.}\n      - {check: Limit, solution: Ask the bank.}\n", 1),
			"language: de\nerrors:\n  CARD_DECLINED:\n    source: 0123abcd\n    title: Karte abgelehnt\n    troubleshooting:\n      - {check: \"\", solution: \"\"}\n", 9, 2, 2, 6},
		{"texts added to an entry a translator began", root,
			"language: de\nerrors:\n  CARD_DECLINED:\n    title: Karte abgelehnt\n    troubleshooting:\n      - {check: Karte gültig}\n", 8, 2, 2, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := update(t, tt.root, tt.de)
			if res.Texts != tt.texts || res.TopTexts != tt.top || res.Entries != tt.entries || res.Added != tt.add {
				t.Errorf("texts %d, top-level %d, entries %d, added %d; want %d, %d, %d, %d",
					res.Texts, res.TopTexts, res.Entries, res.Added, tt.texts, tt.top, tt.entries, tt.add)
			}
		})
	}
}

// A new file's header names errgen translate as the user runs errgen
// (Options.Prog), as plain errgen runs it when no program is given.
func TestHeaderNamesTranslateAsInvoked(t *testing.T) {
	const root = "version: 1\napi: Shop API\nlanguages: [de]\nerrors:\n  - {code: INTERNAL, status: 500, title: Internal error, fallback: true}\n"
	tests := []struct {
		prog, want string
	}{
		{"", "# keep the {placeholders}. errgen translate de adds what is missing and marks what\n"},
		{"go tool errgen", "# keep the {placeholders}. go tool errgen translate de adds what is missing and marks what\n"},
		{"go run ./cmd/errgen", "# keep the {placeholders}. go run ./cmd/errgen translate de adds what is missing and marks what\n"},
	}
	for _, tt := range tests {
		res, err := Update(load(t, root, ""), "de", nil, Options{Prog: tt.prog})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(res.File), tt.want) {
			t.Errorf("prog %q: the header lacks %q:\n%s", tt.prog, tt.want, res.File)
		}
	}
}
