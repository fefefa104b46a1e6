package main

import (
	"errors"
	"strings"

	"github.com/errgen/errgen/diag"
)

// augmentItem is an openapi.augment item as the lines after its problems
// (flagHints) name it.
type augmentItem struct {
	spec, out string // the files errgen reads and writes, as paths from here
	specKey   string // its spec as the catalog writes it
	catalog   string // the catalog's path
	again     string // the errgen openapi command line that augments spec as the item does
	inPlace   string // the errgen openapi command line that augments spec in place
	// validating: errgen validate augments it, in memory only
	validating bool
}

// remedies are the problems a flag of errgen openapi would get past, by
// the remedy each carries (never by its words, which may change): those
// of --force by what it would do about them, replace a component of the
// spec's that differs from errgen's (clashes, by name), replace a part of
// errgen's edited by hand (parts), drop a comment written in one of
// errgen's parts, which it would lose (comments); and whether
// --allow-invalid-spec would augment the spec anyway (invalidSpec).
type remedies struct {
	clashes         []string
	parts, comments int
	invalidSpec     bool
	// unremedied counts the problems no flag gets past: with one, a run
	// with a flag fails all the same, so no line suggests one.
	unremedied int
}

// remediesOf classifies the problems of err, a *diag.List from
// errgen.Augment; any other error has no remedy.
func remediesOf(err error) remedies {
	var r remedies
	var problems *diag.List
	if !errors.As(err, &problems) {
		return r
	}
	for _, d := range problems.Items {
		switch d.Remedy.Kind {
		case diag.ForceReplacesComponent:
			r.clashes = append(r.clashes, d.Remedy.Component)
		case diag.ForceRewritesPart:
			r.parts++
		case diag.ForceDropsComment:
			r.comments++
		case diag.AllowInvalidSpec:
			r.invalidSpec = true
		default:
			r.unremedied++
		}
	}
	return r
}

// flagHints are the lines that follow problems of an openapi.augment spec
// whose remedy is a flag of errgen openapi (errgen CATALOG has neither
// --force nor --allow-invalid-spec). What --force writes in place is
// errgen's, and the catalog's runs keep it up to date after; but when the
// item writes another file than its spec, the spec is read as it was on
// every run, and only what changes the spec lasts: the item's replace
// list for a component of the spec's, a run in place for errgen's parts
// written in the spec. A spec that is not valid fails every run of the
// catalog's. A problem no flag gets past leaves out the lines that suggest
// a run with a flag, which would fail on it; the replace list, which the
// catalog keeps, is still said.
func flagHints(problems error, item *augmentItem) []string {
	var hints []string
	r := remediesOf(problems)
	const lasts = " (later runs keep what it wrote up to date; --force replaces as well every response and component of the spec's that errgen's would take the place of), run: "
	switch {
	case item.spec == item.out:
		if parts := len(r.clashes) + r.parts; parts+r.comments > 0 && r.unremedied == 0 {
			hints = append(hints, "openapi.augment runs without --force; to have errgen "+forceDoes(parts, r.comments)+" once"+lasts+item.again+" --force")
		}
	default:
		if len(r.clashes) > 0 {
			hints = append(hints, replaceHint(r.clashes, item))
		}
		if r.parts+r.comments > 0 && r.unremedied == 0 {
			hints = append(hints, "openapi.augment reads "+item.spec+" as it is on every run, so a run with --force writing "+item.out+" would not last: these parts are errgen's in "+item.spec+" itself; to have errgen "+forceDoes(r.parts, r.comments)+" there once"+lasts+item.inPlace+" --force")
		}
	}
	if r.invalidSpec && r.unremedied == 0 {
		hints = append(hints, "openapi.augment refuses a spec that fails validation; fix it, or take it out of openapi.augment and augment it with its own command (a go:generate line): "+item.again+" --allow-invalid-spec")
	}
	return hints
}

// replaceHint says how to have every run of an item that writes another
// file than its spec replace the spec's components that clash with
// errgen's: --force would replace them in the output once, and the next
// run would read them from the spec again.
func replaceHint(clashes []string, item *augmentItem) string {
	it := "it"
	if len(clashes) > 1 {
		it = "them"
	}
	return "openapi.augment reads " + item.spec + " as it is on every run, so a run with --force writing " + item.out + " would not last; to have every run replace " + it +
		" with errgen's, add replace: [" + strings.Join(clashes, ", ") + "] to the openapi.augment item of " + item.specKey + " in " + item.catalog +
		" (or set openapi.prefix, or rename the spec's)"
}

// forceDoes is what --force would do about the problems it is the remedy
// of: replace parts (a component of the spec's that differs from
// errgen's, a part of errgen's edited by hand), drop comments written in
// errgen's parts (which would be lost), or both.
func forceDoes(parts, comments int) string {
	the := func(n int, what string) string {
		if n > 1 {
			return "the " + what + "s"
		}
		return "the " + what
	}
	switch {
	case comments == 0:
		return "replace it"
	case parts == 0:
		return "drop " + the(comments, "comment")
	}
	return "replace " + the(parts, "part") + " and drop " + the(comments, "comment")
}
