package diff

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/catalog"
)

// compareError compares one code in use in both catalogs.
func (cs *changes) compareError(oldC, newC *catalog.Catalog, o, n *catalog.Error) {
	cs = cs.inNew(n.Pos)
	code := o.Code
	if o.Status != n.Status {
		cs.atKey(n, "status").add(code, StatusChanged, "status changed from %d to %d", o.Status, n.Status)
	}
	// Each change on its own: a new envelope does not hide a value the two
	// envelopes both write.
	cs.compareEnvelope(oldC, newC, o, n)
	if titleIdentifies(o, n) && o.Title != n.Title && !titlesFromStatus(o, n) {
		cs.atKey(n, "title").add(code, TitleChanged, "title changed from %q to %q, and the %s envelope has no $code: clients match the title", o.Title, n.Title, n.Envelope.Name)
	}
	if writesBoth(o, n, catalog.RefCategory) && o.Category != n.Category {
		cs.atKey(n, "category").add(code, CategoryChanged, "category, written as $category, changed from %q to %q", o.Category, n.Category)
	}
	if o.GRPCCode != n.GRPCCode && oldC.GRPC.Domain != "" && newC.GRPC.Domain != "" {
		cs.atKey(n, "grpc", "status").add(code, GRPCCodeChanged, "gRPC code changed from %s to %s", o.GRPCCode, n.GRPCCode)
	}
	if o.Challenge != n.Challenge {
		cs.atKey(n, "challenge").add(code, ChallengeChanged, "challenge changed from %s to %s", orNone(o.Challenge), orNone(n.Challenge))
	}
	cs.compareMeta(o, n)
	cs.compareHeaders(o, n)
	cs.compareDetails(o, n)
	if msg, keys := textChange(o, n); msg != "" {
		cs.atKey(n, keys...).add(code, TextChanged, "%s", msg)
	}
	if o.Retryable != n.Retryable {
		cs.atKey(n, "retryable").add(code, RetryableChanged, "retryable changed from %t to %t", o.Retryable, n.Retryable)
	}
	switch {
	case o.Deprecated == "" && n.Deprecated != "":
		cs.atKey(n, "deprecated").add(code, Deprecated, "deprecated%s", replacedBy(n))
	case o.Deprecated != "" && n.Deprecated == "":
		cs.add(code, Undeprecated, "no longer deprecated")
	case o.Deprecated != "" && o.ReplacedBy != n.ReplacedBy:
		cs.atKey(n, "replaced_by", "deprecated").add(code, ReplacementChanged, "replacement changed from %s to %s", orNone(o.ReplacedBy), orNone(n.ReplacedBy))
	}
}

// compareRetired compares a code retired in both catalogs: what the page's
// table of retired codes shows of it, one change.
func (cs *changes) compareRetired(o, n *catalog.Error) {
	var parts []string
	if o.Status != n.Status {
		parts = append(parts, fmt.Sprintf("status changed from %d to %d", o.Status, n.Status))
	}
	if o.Deprecated != n.Deprecated {
		parts = append(parts, "reason changed")
	}
	if o.ReplacedBy != n.ReplacedBy {
		parts = append(parts, fmt.Sprintf("replacement changed from %s to %s", orNone(o.ReplacedBy), orNone(n.ReplacedBy)))
	}
	if len(parts) > 0 {
		cs.inNew(n.Pos).add(o.Code, RetiredCodeChanged, "retired code: %s", strings.Join(parts, ", "))
	}
}

func replacedBy(e *catalog.Error) string {
	if e.ReplacedBy == "" {
		return ""
	}
	return ", replaced by " + e.ReplacedBy
}

// compareEnvelope reports a change of media type or body shape, unless
// the code keeps the default format, whose change catalogWide reports once.
func (cs *changes) compareEnvelope(oldC, newC *catalog.Catalog, o, n *catalog.Error) {
	if o.Envelope == oldC.DefaultEnvelope && n.Envelope == newC.DefaultEnvelope {
		return
	}
	if o.Envelope.MediaType != n.Envelope.MediaType {
		cs.add(o.Code, MediaTypeChanged, "media type changed from %s to %s", o.Envelope.MediaType, n.Envelope.MediaType)
	}
	if ob, nb := nodeString(o.Envelope.Body), nodeString(n.Envelope.Body); ob != nb {
		cs.add(o.Code, EnvelopeChanged, "envelope changed from %s to %s", ob, nb)
	}
}

// writesBoth reports whether both versions' envelopes write the reference:
// a value one of them lacks is the envelope's change, reported as such.
func writesBoth(o, n *catalog.Error, name catalog.RefName) bool {
	return o.Envelope.Has(name) && n.Envelope.Has(name)
}

// titleIdentifies reports whether clients tell the error apart by its
// title: both envelopes write it and the new one no code.
func titleIdentifies(o, n *catalog.Error) bool {
	return writesBoth(o, n, catalog.RefTitle) && !n.Envelope.Has(catalog.RefCode)
}

// titlesFromStatus reports whether both titles are their status's reason
// phrase: the title then changes with the status, which status-changed
// reports.
func titlesFromStatus(o, n *catalog.Error) bool {
	return o.Status != n.Status && o.Title == http.StatusText(o.Status) && n.Title == http.StatusText(n.Status)
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

// compareMeta reports a change in a meta value both envelopes write.
func (cs *changes) compareMeta(o, n *catalog.Error) {
	for _, r := range n.Envelope.Refs() {
		if r.Name == catalog.RefMeta && writesMeta(o.Envelope, r.Arg) && o.MetaValue(r.Arg) != n.MetaValue(r.Arg) {
			cs.atKey(n, "meta").add(o.Code, MetaChanged, "meta %s, written as %s, changed from %q to %q", r.Arg, r, o.MetaValue(r.Arg), n.MetaValue(r.Arg))
		}
	}
}

func writesMeta(e *catalog.Envelope, name string) bool {
	for _, r := range e.Refs() {
		if r.Name == catalog.RefMeta && r.Arg == name {
			return true
		}
	}
	return false
}

// compareHeaders matches headers by canonical name.
func (cs *changes) compareHeaders(o, n *catalog.Error) {
	byName := func(hs []*catalog.Header) map[string]*catalog.Header {
		m := make(map[string]*catalog.Header, len(hs))
		for _, h := range hs {
			if key := strings.ToLower(h.Name); m[key] == nil {
				m[key] = h
			}
		}
		return m
	}
	oldHeaders, newHeaders := byName(o.Headers), byName(n.Headers)
	for _, oh := range o.Headers {
		switch nh := newHeaders[strings.ToLower(oh.Name)]; {
		case nh == nil:
			cs.inOld(oh.Pos).add(o.Code, HeaderRemoved, "header %s removed", oh.Name)
		case nh.Value.Source != oh.Value.Source:
			cs.inNew(nh.Pos).add(o.Code, HeaderChanged, "header %s changed from %q to %q", oh.Name, oh.Value.Source, nh.Value.Source)
		}
	}
	for _, nh := range n.Headers {
		if oldHeaders[strings.ToLower(nh.Name)] == nil {
			cs.inNew(nh.Pos).add(o.Code, HeaderAdded, "header %s added", nh.Name)
		}
	}
}

// textChange says which texts for people changed, "" if none: each by
// name, as texts may run to paragraphs, but a category, a label, from its
// old value to its new one, as CategoryChanged gives it where the envelope
// writes it. keys are the catalog keys of the texts, in the same order.
func textChange(o, n *catalog.Error) (msg string, keys []string) {
	var parts []string
	texts, keys := changedTexts(o, n)
	if len(texts) > 0 {
		parts = append(parts, strings.Join(texts, ", ")+" changed")
	}
	if o.Category != n.Category && !writesBoth(o, n, catalog.RefCategory) {
		parts = append(parts, fmt.Sprintf("category changed from %q to %q", o.Category, n.Category))
		keys = append(keys, "category")
	}
	return strings.Join(parts, "; "), keys
}

// changedTexts names the texts for people that changed, but the category
// (textChange), and their keys.
func changedTexts(o, n *catalog.Error) (texts, keys []string) {
	msg := func(e *catalog.Error) string {
		if e.Message == nil {
			return ""
		}
		return e.Message.Source
	}
	for _, t := range []struct {
		name, key string
		same      bool
	}{
		{"title", "title", o.Title == n.Title || titlesFromStatus(o, n) || titleIdentifies(o, n)},
		{"message", "message", msg(o) == msg(n)},
		{"description", "description", o.Description == n.Description},
		{"causes", "causes", slices.Equal(o.Causes, n.Causes)},
		{"remediation", "remediation", slices.Equal(o.Remediation, n.Remediation)},
		{"troubleshooting", "troubleshooting", slices.Equal(o.Troubleshooting, n.Troubleshooting)},
		{"since", "since", o.Since == n.Since},
		{"deprecation reason", "deprecated", o.Deprecated == "" || n.Deprecated == "" || o.Deprecated == n.Deprecated},
	} {
		if !t.same {
			texts, keys = append(texts, t.name), append(keys, t.key)
		}
	}
	return texts, keys
}
