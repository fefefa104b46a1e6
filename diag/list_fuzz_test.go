package diag

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// FuzzListPrinting builds a list of any mix of errors, warnings and
// notices, in any order, past MaxKept or not, sorted or not, and holds
// Error to its promise: the same text every time; every kept error gets a
// line (up to MaxPrinted) before any warning does, each in the list's
// order; and the last line counts exactly the problems and warnings left
// out, dropped ones included.
func FuzzListPrinting(f *testing.F) {
	f.Add([]byte{0}, uint16(1), false)
	f.Add([]byte{1, 2, 0}, uint16(150), true)
	f.Add([]byte{1, 1, 1, 1, 0}, uint16(MaxKept+60), false)
	f.Add([]byte{2, 1, 2, 1}, uint16(MaxPrinted+1), true)
	f.Add([]byte{0, 0, 1}, uint16(MaxKept+300), true)
	f.Fuzz(func(t *testing.T, severities []byte, n uint16, sorted bool) {
		if len(severities) == 0 {
			return
		}
		var l List
		for i := range int(n) % (MaxKept + 500) {
			b := severities[i%len(severities)]
			l.Add(Diagnostic{
				Pos:      Pos{File: "t" + strconv.Itoa(int(b>>2)%2) + ".yaml", Line: int(severities[(i*7+3)%len(severities)]), Col: 1},
				Severity: Severity(b % 3),
				Msg:      "m" + strconv.Itoa(i),
			})
		}
		if sorted {
			l.Sort()
		}
		checkListPrinting(t, &l)
	})
}

var printedMsg = regexp.MustCompile(`m([0-9]+)$`)

func checkListPrinting(t *testing.T, l *List) {
	t.Helper()
	out := l.Error()
	if again := (&List{Items: append([]Diagnostic(nil), l.Items...), Dropped: l.Dropped, DroppedWarnings: l.DroppedWarnings}).Error(); again != out {
		t.Fatalf("Error is not deterministic:\n%s\n---\n%s", out, again)
	}
	at := map[string]int{} // a message's index in Items
	keptErrs := 0
	for i, d := range l.Items {
		at[d.Msg] = i
		if d.Severity == Error {
			keptErrs++
		}
	}
	lines := strings.Split(out, "\n")
	if out == "" {
		lines = nil
	}
	var trailer string
	if len(lines) > 0 && strings.Contains(lines[len(lines)-1], "… and ") {
		trailer, lines = lines[len(lines)-1], lines[:len(lines)-1]
	}
	printedErrs, printedWarns, last := 0, 0, -1
	for _, line := range lines {
		m := printedMsg.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("printed line %q names no diagnostic", line)
		}
		i, ok := at["m"+m[1]]
		if !ok || line != l.Items[i].String() {
			t.Fatalf("printed line %q is no diagnostic of the list", line)
		}
		if i <= last {
			t.Fatalf("line %q printed out of the list's order", line)
		}
		last = i
		if l.Items[i].Severity == Error {
			printedErrs++
		} else {
			printedWarns++
		}
	}
	if want := min(keptErrs, MaxPrinted); printedErrs != want {
		t.Fatalf("printed %d errors of %d kept, want %d", printedErrs, keptErrs, want)
	}
	if want := min(len(l.Items), MaxPrinted) - printedErrs; printedWarns != want {
		t.Fatalf("printed %d warnings, want %d (%d errors printed, %d diagnostics kept)", printedWarns, want, printedErrs, len(l.Items))
	}
	errsLeft := keptErrs + l.Dropped - printedErrs
	warnsLeft := len(l.Items) - keptErrs + l.DroppedWarnings - printedWarns
	more := func(n int, what string) string { // "1 more warning", "2 more warnings"
		s := fmt.Sprintf("%d more %s", n, what)
		if n != 1 {
			s += "s"
		}
		return s
	}
	var want string
	switch {
	case errsLeft == 0 && warnsLeft == 0:
	case warnsLeft == 0:
		want = "… and " + more(errsLeft, "problem")
	case errsLeft == 0:
		want = "… and " + more(warnsLeft, "warning")
	default:
		want = "… and " + more(errsLeft, "problem") + " and " + more(warnsLeft, "warning")
	}
	if firstLeft := firstLeftOut(l, lines); firstLeft >= 0 && !strings.HasPrefix(trailer, l.Items[firstLeft].Pos.File+": ") {
		t.Fatalf("last line %q names another file than the first diagnostic left out, %s", trailer, l.Items[firstLeft])
	}
	if !strings.HasSuffix(trailer, want) || (want == "") != (trailer == "") {
		t.Fatalf("last line %q, want it to end %q (%d kept, %d errors, %d and %d dropped)", trailer, want, len(l.Items), keptErrs, l.Dropped, l.DroppedWarnings)
	}
	if (l.Err() != nil) != (keptErrs+l.Dropped > 0) {
		t.Fatalf("Err() = %v with %d errors kept and %d dropped", l.Err(), keptErrs, l.Dropped)
	}
}

// firstLeftOut is the index in l.Items of the first diagnostic not among
// the printed lines, or -1.
func firstLeftOut(l *List, printed []string) int {
	j := 0
	for i, d := range l.Items {
		if j < len(printed) && printed[j] == d.String() {
			j++
			continue
		}
		return i
	}
	return -1
}

// The count of what Error leaves out names the file of the first
// diagnostic left out: of 100 warnings in a.yaml and an error in b.yaml,
// printed in place of the last warning, it said b.yaml.
func TestListTrailerNamesFirstLeftOut(t *testing.T) {
	var l List
	for i := range MaxPrinted {
		l.Add(Diagnostic{Pos: Pos{"a.yaml", i + 1, 1}, Severity: Warning, Msg: "m" + strconv.Itoa(i)})
	}
	l.Add(Diagnostic{Pos: Pos{"b.yaml", 1, 1}, Msg: "m" + strconv.Itoa(MaxPrinted)})
	l.Sort()
	checkListPrinting(t, &l)
	out := l.Error()
	if want := "\na.yaml: … and 1 more warning"; !strings.HasSuffix(out, want) {
		t.Errorf("Error() ends %q, want %q", out[strings.LastIndex(out, "\n"):], want)
	}
}
