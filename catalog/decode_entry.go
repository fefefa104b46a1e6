package catalog

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// entry reads a translation file's entry for the error e, keyed at keyN.
// An entry with nothing in it (NOT_FOUND: or NOT_FOUND: {}) translates
// nothing yet.
func (tr *translationReader) entry(e *Error, keyN, n *yaml.Node) *ErrorTranslation {
	et := &ErrorTranslation{Code: e.Code, Pos: posOf(keyN)}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return et
	}
	what := fmt.Sprintf("error %q", e.Code)
	sourcePos := et.Pos
	prev := tr.hold()
	var buf [fieldsOnStack]field
	for _, f := range tr.fieldsIn(buf[:0], n, what, entryKeys, nil) {
		if noSource(e, f.key) && (anyText(f.value) || f.value.Kind == yaml.SequenceNode && len(f.value.Content) > 0) {
			tr.obsolete(f, []string{"errors", e.Code}, fmt.Sprintf("%s: %s: the catalog has none in %s", what, f.key, tr.c.Language))
			continue
		}
		switch f.key {
		case "source":
			et.Source, sourcePos = tr.source(f.value), posOf(f.value)
		case "reviewed":
			et.Reviewed = tr.boolean(f.value, "reviewed")
		case "title":
			et.Title = tr.text(f.value, what+": title", e.Title)
		case "message":
			et.Message = tr.message(e, f.value, what)
		case "description":
			et.Description = tr.text(f.value, what+": description", e.Description)
		case "causes":
			et.Causes = tr.texts(f.value, what+": causes", e.Causes)
			et.partList = et.partList || et.Causes == nil && anyText(f.value)
		case "remediation":
			et.Remediation = tr.texts(f.value, what+": remediation", e.Remediation)
			et.partList = et.partList || et.Remediation == nil && anyText(f.value)
		case "troubleshooting":
			et.Troubleshooting = tr.rows(f.value, what, e.Troubleshooting)
		case "details":
			et.Details = tr.details(e, f.value, what)
		case "deprecated":
			et.Deprecated = tr.text(f.value, what+": deprecated", e.Deprecated)
		}
	}
	now := tr.hasher.errorHash(e)
	setAside := tr.release(prev, et.Source, now, et.Reviewed)
	if setAside[heldMessage] {
		et.Message = nil
	}
	for text := range setAside {
		if et.setAside == nil {
			et.setAside = map[string]bool{}
		}
		et.setAside[heldKeys[text]] = true
	}
	tr.freshness(&et.Source, &et.Stale, et.Reviewed, et.Translates(), now, sourcePos, what)
	return et
}

// The texts held problems of an entry name: a translated message, a
// troubleshooting table a row short.
const (
	heldMessage         = "the message"
	heldTroubleshooting = "the troubleshooting table"
)

// heldKeys are the entry's keys of the held texts, as appendUntranslated
// names them, so that the warning of what reads in the catalog's language
// counts a text set aside apart from one left "".
var heldKeys = map[string]string{heldMessage: "message", heldTroubleshooting: "troubleshooting"}

// noSource reports whether the catalog has no text of e's for the entry
// key: a translation of its description, say, once the description is
// taken out of the catalog, is obsolete as the entry of a code taken out
// is, where it was an error that errgen translate could not mend.
func noSource(e *Error, key string) bool {
	switch key {
	case "message":
		return e.Message == nil
	case "description":
		return e.Description == ""
	case "causes":
		return len(e.Causes) == 0
	case "remediation":
		return len(e.Remediation) == 0
	case "deprecated":
		return e.Deprecated == ""
	}
	return false
}

// Translates reports whether the entry translates some text, a free list's
// item among them: only then is it stale when its source is not today's.
func (et *ErrorTranslation) Translates() bool {
	if len(et.setAside) > 0 || et.partList || et.Title != "" || et.Message != nil || et.Description != "" || et.Causes != nil || et.Remediation != nil || et.Deprecated != "" {
		return true
	}
	for _, r := range et.Troubleshooting {
		if r.Check != "" || r.Solution != "" {
			return true
		}
	}
	for _, d := range et.Details {
		if d.Description != "" || len(d.Enum) > 0 {
			return true
		}
	}
	return false
}

// message reads a translated message: a template whose placeholders are
// required scalar details of the error, keeping each placeholder whose
// detail only the message puts on the wire.
func (tr *translationReader) message(e *Error, n *yaml.Node, what string) *Template {
	if tr.optStr(n, what+": message") == "" {
		return nil
	}
	if e.Message == nil { // obsolete (entry), never read
		return nil
	}
	t := tr.template(n, "message")
	if name := unclosedPlaceholder(t.Source); name != "" { // as the catalog's own message (unclosed.go)
		tr.warn(t.Pos, "%s: message: %s", what, unclosed(name))
	}
	placed := map[string]bool{}
	for _, p := range t.Parts {
		if p.Detail == "" {
			continue
		}
		placed[p.Detail] = true
		d := e.Detail(p.Detail)
		switch {
		case d == nil:
			tr.changed(t.Pos, heldMessage, "%s: message placeholder {%s} names no detail of the error%s: use the placeholders of the %s message (%s)", what, p.Detail, tr.probs.suggest(p.Detail, detailNames(e)), tr.c.Language, e.Message.Source)
		case !d.Required:
			tr.reshaped(t.Pos, heldMessage, "%s: message placeholder {%s} names an optional detail, which may be missing: drop the placeholder", what, p.Detail)
		case d.Type != "" && !d.Type.Scalar():
			tr.reshaped(t.Pos, heldMessage, "%s: message placeholder {%s} names a %s detail, but only string, integer, number and boolean details fit in text: drop the placeholder", what, p.Detail, d.Type)
		}
	}
	for _, p := range e.Message.Parts {
		if p.Detail != "" && !placed[p.Detail] && e.MessagePlaces(p.Detail) && !e.Envelope.Carries(p.Detail) {
			placed[p.Detail] = true // once
			tr.reshaped(t.Pos, heldMessage, "%s: the message drops {%s}, whose value only the message puts on the wire (the envelope has no place for it): keep the placeholder", what, p.Detail)
		}
	}
	return t
}

// texts reads a translated list of texts (causes, remediation): it may
// have more or fewer items than the catalog's, since one sentence may
// read better as two; a list with an item left "" is untranslated.
func (tr *translationReader) texts(n *yaml.Node, what string, source []string) []string {
	items := tr.list(n, what)
	if len(source) == 0 { // obsolete (entry), never read
		return nil
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		out = append(out, tr.optStr(item, what+" item"))
	}
	if len(out) == 0 || contains(out, "") {
		return nil
	}
	return out
}

// rows reads a translated troubleshooting table: the catalog's rows, in
// its order.
func (tr *translationReader) rows(n *yaml.Node, what string, source []Troubleshooting) []Troubleshooting {
	items := tr.sameLength(n, what+": troubleshooting", "row", len(source), heldTroubleshooting)
	var rows []Troubleshooting
	for i, item := range items {
		var r Troubleshooting
		for _, f := range tr.fields(item, "troubleshooting row", troubleshootKey, nil) {
			if f.key == "check" {
				r.Check = tr.text(f.value, what+": troubleshooting check", source[i].Check)
			} else {
				r.Solution = tr.text(f.value, what+": troubleshooting solution", source[i].Solution)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// details reads the translations of the descriptions of the error's
// details, their fields ("detail.field") and enum values.
func (tr *translationReader) details(e *Error, n *yaml.Node, what string) map[string]*DetailTranslation {
	paths, byPath := e.DetailPaths()
	out := map[string]*DetailTranslation{}
	u := &unclaimed{tr: tr, m: n, names: paths}
	for _, f := range tr.fields(n, what+": details", nil, nil) {
		d := byPath[f.key]
		switch {
		case d != nil:
			out[f.key] = tr.detail(d, f.value, fmt.Sprintf("%s: detail %q", what, f.key), e.Code, f.key)
		case u.near(f.key, f.value) != "":
			tr.probs.add(posOf(f.keyN), "%s: details: the error has no detail %q%s: name a detail, or a field as detail.field (a detail the catalog renamed: rename its entry, which keeps its translation)", what, f.key, tr.probs.hinted)
		default:
			tr.obsolete(f, []string{"errors", e.Code, "details"}, fmt.Sprintf("%s: details: the error has no detail %q", what, f.key))
		}
	}
	return out
}

// detail reads the translation of one detail's description and its enum
// values' descriptions: those of the detail (or field) keyed name in the
// entry of code.
func (tr *translationReader) detail(d *Detail, n *yaml.Node, what, code, name string) *DetailTranslation {
	dt := &DetailTranslation{}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return dt
	}
	for _, f := range tr.fields(n, what, detailTransKeys, nil) {
		if f.key == "description" {
			if d.Description == "" && anyText(f.value) { // taken out of the catalog
				tr.obsolete(f, []string{"errors", code, "details", name}, fmt.Sprintf("%s: description: the catalog has none in %s", what, tr.c.Language))
				continue
			}
			dt.Description = tr.text(f.value, what+": description", d.Description)
			continue
		}
		if len(d.Enum) == 0 { // an enum the detail no longer has: errgen translate's values, or translated
			tr.obsolete(f, []string{"errors", code, "details", name}, what+": the detail has no enum")
			continue
		}
		values := map[string]string{}
		var names []string
		for _, v := range d.Enum {
			values[v.Value] = v.Description
			names = append(names, v.Value)
		}
		u := &unclaimed{tr: tr, m: f.value, names: names}
		for _, vf := range tr.fields(f.value, what+": enum", nil, nil) {
			source, ok := values[vf.key]
			switch {
			case ok && source == "" && anyText(vf.value): // its description taken out
				tr.obsolete(vf, []string{"errors", code, "details", name, "enum"}, fmt.Sprintf("%s: enum value %q: the catalog has no description of it in %s", what, vf.key, tr.c.Language))
				continue
			case ok:
			case u.near(vf.key, vf.value) != "":
				tr.probs.add(posOf(vf.keyN), "%s: enum: no value %q%s: the values are %s", what, vf.key, tr.probs.hinted, strings.Join(names, ", "))
				continue
			default:
				tr.obsolete(vf, []string{"errors", code, "details", name, "enum"}, fmt.Sprintf("%s: enum: the detail has no value %q", what, vf.key))
				continue
			}
			if s := tr.text(vf.value, fmt.Sprintf("%s: enum value %q", what, vf.key), source); s != "" {
				if dt.Enum == nil {
					dt.Enum = map[string]string{}
				}
				dt.Enum[vf.key] = s
			}
		}
	}
	return dt
}
