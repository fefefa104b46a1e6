package diff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// compareError compares one code in use in both catalogs.
func (cs *changes) compareError(oldC, newC *catalog.Catalog, o, n *catalog.Error) {
	code := o.Code
	if o.Status != n.Status {
		cs.add(code, StatusChanged, "status changed from %d to %d", o.Status, n.Status)
	}
	envSame := cs.compareEnvelope(o, n)
	if envSame && n.Format.Has(catalog.RefType) && o.TypeURI != n.TypeURI {
		cs.add(code, TypeURIChanged, "problem type changed from %s to %s", o.TypeURI, n.TypeURI)
	}
	if envSame && !n.Format.Has(catalog.RefCode) && n.Format.Has(catalog.RefTitle) && o.Title != n.Title {
		cs.add(code, TitleChanged, "title changed, and the %s envelope has no $code: clients match the title", n.Format.Name)
	}
	if o.Challenge != n.Challenge {
		cs.add(code, ChallengeChanged, "challenge changed from %s to %s", orNone(o.Challenge), orNone(n.Challenge))
	}
	if envSame {
		cs.compareMeta(o, n)
	}
	cs.compareHeaders(o, n)
	cs.compareDetails(o, n)
	if texts := changedTexts(o, n); len(texts) > 0 {
		cs.add(code, TextChanged, "%s changed", strings.Join(texts, ", "))
	}
	if o.Retryable != n.Retryable {
		cs.add(code, RetryableChanged, "retryable changed from %t to %t", o.Retryable, n.Retryable)
	}
	switch {
	case o.Deprecated == "" && n.Deprecated != "":
		cs.add(code, Deprecated, "deprecated%s", replacedBy(n))
	case o.Deprecated != "" && n.Deprecated == "":
		cs.add(code, Undeprecated, "no longer deprecated")
	case o.Deprecated != "" && o.ReplacedBy != n.ReplacedBy:
		cs.add(code, ReplacementChanged, "replacement changed from %s to %s", orNone(o.ReplacedBy), orNone(n.ReplacedBy))
	}
}

func replacedBy(e *catalog.Error) string {
	if e.ReplacedBy == "" {
		return ""
	}
	return ", replaced by " + e.ReplacedBy
}

// compareEnvelope reports a change of media type or body shape; it says
// whether the envelope is the same, so that what it writes can be compared.
func (cs *changes) compareEnvelope(o, n *catalog.Error) bool {
	same := true
	if o.Format.MediaType != n.Format.MediaType {
		cs.add(o.Code, MediaTypeChanged, "media type changed from %s to %s", o.Format.MediaType, n.Format.MediaType)
		same = false
	}
	if ob, nb := nodeString(o.Format.Body), nodeString(n.Format.Body); ob != nb {
		cs.add(o.Code, EnvelopeChanged, "envelope changed from %s to %s", ob, nb)
		same = false
	}
	return same
}

// nodeString writes an envelope template as JSON, references as strings.
func nodeString(n *catalog.Node) string {
	switch n.Kind {
	case catalog.KindObject:
		parts := make([]string, len(n.Members))
		for i, m := range n.Members {
			parts[i] = strconv.Quote(m.Key) + ":" + nodeString(m.Value)
		}
		return "{" + strings.Join(parts, ",") + "}"
	case catalog.KindArray:
		return "[" + nodeString(n.Elem) + "]"
	case catalog.KindLiteral:
		return string(n.Literal)
	}
	return strconv.Quote(n.Ref.String())
}

// compareMeta reports a change in a meta value the envelope writes.
func (cs *changes) compareMeta(o, n *catalog.Error) {
	for _, r := range n.Format.Refs() {
		if r.Name == catalog.RefMeta && o.MetaValue(r.Arg) != n.MetaValue(r.Arg) {
			cs.add(o.Code, MetaChanged, "meta %s, written as %s, changed from %q to %q", r.Arg, r, o.MetaValue(r.Arg), n.MetaValue(r.Arg))
		}
	}
}

// compareHeaders matches headers by canonical name.
func (cs *changes) compareHeaders(o, n *catalog.Error) {
	find := func(hs []*catalog.Header, name string) *catalog.Header {
		for _, h := range hs {
			if strings.EqualFold(h.Name, name) {
				return h
			}
		}
		return nil
	}
	for _, oh := range o.Headers {
		switch nh := find(n.Headers, oh.Name); {
		case nh == nil:
			cs.add(o.Code, HeaderRemoved, "header %s removed", oh.Name)
		case nh.Value.Source != oh.Value.Source:
			cs.add(o.Code, HeaderChanged, "header %s changed from %q to %q", oh.Name, oh.Value.Source, nh.Value.Source)
		}
	}
	for _, nh := range n.Headers {
		if find(o.Headers, nh.Name) == nil {
			cs.add(o.Code, HeaderAdded, "header %s added", nh.Name)
		}
	}
}

// changedTexts names the texts for people that changed.
func changedTexts(o, n *catalog.Error) []string {
	var out []string
	msg := func(e *catalog.Error) string {
		if e.Message == nil {
			return ""
		}
		return e.Message.Source
	}
	for _, t := range []struct {
		name string
		same bool
	}{
		{"title", o.Title == n.Title},
		{"message", msg(o) == msg(n)},
		{"description", o.Description == n.Description},
		{"category", o.Category == n.Category},
		{"causes", slices.Equal(o.Causes, n.Causes)},
		{"remediation", slices.Equal(o.Remediation, n.Remediation)},
		{"troubleshooting", slices.Equal(o.Troubleshooting, n.Troubleshooting)},
		{"since", o.Since == n.Since},
		{"deprecation reason", o.Deprecated == "" || n.Deprecated == "" || o.Deprecated == n.Deprecated},
	} {
		if !t.same {
			out = append(out, t.name)
		}
	}
	return out
}
