package catalog

import (
	"slices"
	"strings"

	"github.com/errgen/errgen/diag"
)

// A change of the catalog under a translation makes some of the problems a
// translator's mistake makes: a detail renamed leaves the translated
// message's {old} naming nothing, a placeholder added leaves it dropping
// one, a troubleshooting row added leaves the table a row short. Reported
// as errors, they stopped errgen generate (and errgen translate) for
// every language until someone edited each file by hand, as obsolete
// entries once did. So the reader holds such problems until it knows
// whether the translation was made from other texts than today's: then it
// is stale, the problem is a warning (--strict makes it an error) and the
// text reads in the catalog's language; else the translation is wrong as
// written, and the problem an error.

// heldProblems are the problems held while one entry (or the file's
// top-level texts) is read.
type heldProblems struct {
	items []heldProblem
}

type heldProblem struct {
	d diag.Diagnostic
	// text is what reads in the catalog's language when the problem is a
	// stale translation's, such as "the message".
	text string
	// shape marks a problem of the details' shape, not their texts (a
	// detail made optional, retyped, or carried by the envelope no more),
	// which no source hash records: see reshaped.
	shape bool
}

// changed reports a problem that a change of the catalog may have made:
// held while an entry or the top-level texts are read, else an error.
func (tr *translationReader) changed(pos Pos, text, format string, args ...any) {
	tr.holdProblem(false, pos, text, format, args...)
}

// reshaped is changed for a problem a change of the details' shape may
// have made (a detail the message places made optional or retyped, the
// envelope no longer carrying one): the source hash records the texts,
// not the shape, so the problem is held as a stale translation's whenever
// the translation records a source and is not marked reviewed, its text
// reading in the catalog's language; a translator's slip is reported all
// the same, and --strict fails on it.
func (tr *translationReader) reshaped(pos Pos, text, format string, args ...any) {
	tr.holdProblem(true, pos, text, format, args...)
}

func (tr *translationReader) holdProblem(shape bool, pos Pos, text, format string, args ...any) {
	if tr.held == nil {
		tr.probs.add(pos, format, args...)
		return
	}
	tr.held.items = append(tr.held.items, heldProblem{d: tr.probs.format(pos, format, args...), text: text, shape: shape})
}

// hold starts holding problems; release ends it.
func (tr *translationReader) hold() *heldProblems {
	prev := tr.held
	tr.held = &heldProblems{}
	return prev
}

// release reports the problems held since hold (whose result prev is) as
// warnings when the translation was made from other texts than today's
// (source is a hash, not now, and the translation is not marked reviewed),
// else as errors. It returns the texts of the problems reported as
// warnings, which read in the catalog's language.
func (tr *translationReader) release(prev *heldProblems, source, now string, reviewed bool) map[string]bool {
	held := tr.held
	tr.held = prev
	if len(held.items) == 0 {
		return nil
	}
	fallbacks := map[string]bool{}
	for _, h := range held.items {
		list, d := &tr.probs.list, h.d
		if source != "" && !reviewed && (source != now || h.shape) {
			list, d.Severity = tr.warnings, diag.Warning
			why := "the translation is stale (source " + source + ", now " + now + ")"
			if source == now {
				why = "the catalog may have changed the details under the translation"
			}
			d.Hint += "; " + why + ", so " + h.text + " reads " + tr.setAsideReads() + " until it is translated again and marked reviewed: true"
			fallbacks[h.text] = true
		}
		if list.Keeps() {
			list.Add(d)
		} else {
			list.Drop(d.Severity)
		}
	}
	return fallbacks
}

// setAsideReads says where a text the file sets aside reads: for a
// regional language, in its shorter tags' files where they give it
// (Inherited), the files of the languages the catalog lists that are
// there, some not read yet; else in the catalog's language.
func (tr *translationReader) setAsideReads() string {
	lang := tr.t.Language
	dir := strings.TrimSuffix(tr.t.File, lang+".yaml") // the file's folder, as messages show it
	reads := tr.c.readsIn(lang, func(tag string) string {
		if slices.Contains(tr.c.Languages, tag) && tr.there(tag) {
			return dir + tag + ".yaml"
		}
		return ""
	})
	if strings.Contains(reads, ", else ") {
		reads += "," // before until
	}
	return reads
}
