package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// A translation records which default-language texts it was made from:
// the source hash, the first 8 hex digits of the SHA-256 of a canonical
// encoding of those texts (JSON of a fixed shape, members in a fixed
// order, empty texts left out). errgen translate writes it; the loader
// compares it with today's texts, and a translation whose texts changed
// since is stale.

// sourceLen is the length of a source hash: 8 hex digits, 32 bits. A
// collision only hides one change of one entry from the stale check.
const sourceLen = 8

// errorSource is what an error's translation translates.
type errorSource struct {
	Title           string         `json:"title,omitempty"`
	Message         string         `json:"message,omitempty"`
	Description     string         `json:"description,omitempty"`
	Causes          []string       `json:"causes,omitempty"`
	Remediation     []string       `json:"remediation,omitempty"`
	Troubleshooting [][2]string    `json:"troubleshooting,omitempty"`
	Details         []detailSource `json:"details,omitempty"`
	Deprecated      string         `json:"deprecated,omitempty"` // left out when empty: a code never deprecated keeps the hash it had before its reason was translatable
}

// detailSource is a detail's texts: its description and its enum values'.
type detailSource struct {
	Name        string         `json:"name"`
	Description string         `json:"description,omitempty"`
	Enum        [][2]string    `json:"enum,omitempty"` // value, description
	Fields      []detailSource `json:"fields,omitempty"`
}

// topSource is what a translation file translates at its top: the page's
// texts that come from the catalog. Section titles, provider names and
// issue errors are there too: they say which text a translation by
// position stands for, so a reordered list is stale.
type topSource struct {
	Description string        `json:"description,omitempty"`
	DocsTitle   string        `json:"docs_title,omitempty"`
	Groups      [][2]string   `json:"groups,omitempty"`   // group, description
	Sections    [][2]string   `json:"sections,omitempty"` // title, body
	Providers   []providerSrc `json:"providers,omitempty"`
}

type providerSrc struct {
	Name   string      `json:"name"`
	Notes  string      `json:"notes,omitempty"`
	Issues [][3]string `json:"issues,omitempty"` // error, cause, fix
}

// SourceHash is the source hash of the texts of e a translation
// translates: title, message, description, causes, remediation,
// troubleshooting, the descriptions of its details, their fields and
// enum values, and the reason it is deprecated (or retired).
func SourceHash(e *Error) string {
	var h sourceHasher
	return h.errorHash(e)
}

// sourceHasher makes source hashes one after another, as the loader does
// of every entry of a translation file, reusing its buffers: the texts'
// errorSource, their JSON and the encoder writing it, which json.Marshal
// made anew each time.
type sourceHasher struct {
	src  errorSource
	rows [][2]string // src.Troubleshooting's array
	buf  bytes.Buffer
	enc  *json.Encoder // into buf
}

// errorHash is SourceHash(e).
func (h *sourceHasher) errorHash(e *Error) string {
	h.src = errorSource{Title: e.Title, Description: e.Description, Causes: e.Causes, Remediation: e.Remediation, Details: detailSources(e.Details), Deprecated: e.Deprecated}
	if e.Message != nil {
		h.src.Message = e.Message.Source
	}
	h.rows = h.rows[:0]
	for _, t := range e.Troubleshooting {
		h.rows = append(h.rows, [2]string{t.Check, t.Solution})
	}
	if len(h.rows) > 0 {
		h.src.Troubleshooting = h.rows
	}
	return h.hash(&h.src) // a pointer: the interface holds it with no copy made
}

// hash is the source hash of v's JSON, as json.Marshal writes it.
func (h *sourceHasher) hash(v any) string {
	if h.enc == nil {
		h.enc = json.NewEncoder(&h.buf)
	}
	h.buf.Reset()
	if err := h.enc.Encode(v); err != nil {
		panic(err) // strings, slices and structs of them always marshal
	}
	data := h.buf.Bytes()
	sum := sha256.Sum256(data[:len(data)-1])     // Encode ends the value with a newline Marshal does not write
	return hex.EncodeToString(sum[:sourceLen/2]) // the hex digits of the first bytes only
}

// detailSources are the texts of ds, leaving out the details (and enum
// values) that have none.
func detailSources(ds []*Detail) []detailSource {
	var out []detailSource
	for _, d := range ds {
		s := detailSource{Name: d.Name, Description: d.Description, Fields: detailSources(d.Fields)}
		for _, v := range d.Enum {
			if v.Description != "" {
				s.Enum = append(s.Enum, [2]string{v.Value, v.Description})
			}
		}
		if s.Description != "" || s.Enum != nil || s.Fields != nil {
			out = append(out, s)
		}
	}
	return out
}

// TopSourceHash is the source hash of the catalog's own texts a
// translation file translates at its top: the description, the docs
// title, the groups' texts, the sections and the providers' notes and
// issues. Categories are translated by name, and need none; a group's text
// is translated by its group's name too, but is a text, which may change.
func TopSourceHash(c *Catalog) string {
	s := topSource{Description: c.Description, DocsTitle: c.Docs.Title}
	for _, g := range c.Docs.Groups {
		s.Groups = append(s.Groups, [2]string{g.Group, g.Description})
	}
	for _, sec := range c.Docs.Sections {
		s.Sections = append(s.Sections, [2]string{sec.Title, sec.Body})
	}
	for _, p := range c.Docs.Providers {
		ps := providerSrc{Name: p.Name, Notes: p.Notes}
		for _, is := range p.Issues {
			ps.Issues = append(ps.Issues, [3]string{is.Error, is.Cause, is.Fix})
		}
		s.Providers = append(s.Providers, ps)
	}
	return hashOf(s)
}

func hashOf(v any) string {
	var h sourceHasher
	return h.hash(v)
}
