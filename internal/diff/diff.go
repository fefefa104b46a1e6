// Package diff compares two versions of an error catalog and classifies every
// change by whom it breaks: API clients (the wire) or services compiling the
// generated Go package. `errgen diff` prints its result.
package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/diag"
)

// Change is one difference between two catalogs.
type Change struct {
	Code     string     `json:"code"`     // the error code; empty for a catalog-wide change
	Kind     ChangeKind `json:"kind"`     // the rule that classifies it
	Breaking bool       `json:"breaking"` // whether it breaks someone, allowed or not
	Breaks   []Audience `json:"breaks"`   // who it breaks: wire, go; empty when compatible
	Allowed  bool       `json:"allowed"`  // a breaking change accepted with --allow
	Message  string     `json:"message"`  // what changed, in words
	// Pos is where the change is: in the new catalog, or in the old one for
	// what was removed (a code, a detail, a header, an enum value); the file
	// alone for a catalog-wide change.
	Pos diag.Pos `json:"pos"`
	// InOld says Pos is in the old catalog: the text output lists these
	// after the new catalog's changes, whatever the files are called.
	InOld bool `json:"-"`
}

// Compare lists every change from before to after: catalog-wide changes
// first, then per code, codes in before's order (in use, then retired), then
// the codes only after has, in its order.
func Compare(before, after *catalog.Catalog) []Change {
	cs := &changes{list: new([]Change), oldFile: before.File, newFile: after.File}
	cs = cs.inNew(catalog.Pos{}) // catalog-wide changes are the new file's
	cs.catalogWide(before, after)
	gone := goneComponents(before, after)
	oldCodes, newCodes := index(before), index(after)
	takers := goNameTakers(after, oldCodes)
	renamed := map[string]bool{} // new codes reported as renames
	added := lookalikes(before, after)
	read := readingsOf(before, after)
	for _, o := range entries(before) {
		n := newCodes[o.Code]
		if r := takers[o.Name]; n == nil && r != nil && !o.Retired {
			cs.inNew(r.Pos).add(o.Code, CodeRenamed, "code renamed to %s, whose Go name is still %s: clients switching on %s miss it", r.Code, r.Name, o.Code)
			cs.compareError(before, after, o, r)
			renamed[r.Code] = true
			continue
		}
		cs := cs.inOld(o.Pos) // a code removed, dropped or retired was here
		if n != nil {
			cs = cs.inNew(n.Pos)
		}
		switch {
		case n == nil && o.Retired:
			cs.add(o.Code, RetiredCodeDropped, "retired code removed from the catalog: keep it, retired, so it is never reused")
		case n == nil:
			cs.add(o.Code, CodeRemoved, "%s", removedAdvice(o, added))
		case o.Retired && !n.Retired:
			cs.add(o.Code, RetiredCodeReused, "retired code is in use again")
		case o.Retired:
			cs.compareRetired(o, n)
		case n.Retired && o.Deprecated == "":
			cs.add(o.Code, CodeRetiredUndeprecated, "code retired without being deprecated first")
		case n.Retired:
			cs.add(o.Code, CodeRetired, "code retired")
		default:
			cs.compareError(before, after, o, n)
		}
		cs.componentsGone(o.Code, gone[o.Code]) // a code of the new catalog: gone names no other
		if n != nil {
			cs.translationFallbacks(read, before, after, n)
		}
	}
	for _, n := range entries(after) {
		if oldCodes[n.Code] != nil || renamed[n.Code] {
			continue
		}
		cs := cs.inNew(n.Pos)
		if n.Retired {
			cs.add(n.Code, CodeReserved, "code added as retired (reserved)")
		} else {
			cs.add(n.Code, CodeAdded, "code added: status %d, title %q", n.Status, n.Title)
			cs.closedCodeAdded(before, n)
			cs.retypedMembers(before, n)
			cs.nulledMembers(before, n)
			cs.envelopeAddedAtStatus(before, n)
		}
	}
	return *cs.list
}

// Allow marks the breaking changes that allow accepts: entries CODE:KIND,
// CODE being * for any code and catalog for a catalog-wide change, as the
// outputs show it. It returns the entries that matched nothing,
// which are most likely typos.
func Allow(list []Change, allow []string) (unused []string) {
	for _, a := range allow {
		code, kind, _ := strings.Cut(a, ":")
		used := false
		for i := range list {
			c := &list[i]
			if c.Breaking && (code == "*" || code == shownCode(*c)) && kind == string(c.Kind) {
				c.Allowed, used = true, true
			}
		}
		if !used {
			unused = append(unused, a)
		}
	}
	return unused
}

// Breaking counts the breaking changes that are not allowed.
func Breaking(list []Change) int {
	n := 0
	for _, c := range list {
		if c.Breaking && !c.Allowed {
			n++
		}
	}
	return n
}

// changes accumulates changes in order, each at the position of what is
// being compared. inOld and inNew return a view that records into the same
// list at another position, so that a comparison of a part (an error, a
// detail) reports at that part without passing positions to every add.
type changes struct {
	list             *[]Change
	oldFile, newFile string   // the catalogs' paths, which model positions leave out
	at               diag.Pos // where add puts the changes it records
	atOld            bool     // at is in the old catalog
}

// inOld is cs recording at p in the old catalog: for what was removed.
func (cs *changes) inOld(p catalog.Pos) *changes {
	v := cs.in(cs.oldFile, p)
	v.atOld = true
	return v
}

// inNew is cs recording at p in the new catalog.
func (cs *changes) inNew(p catalog.Pos) *changes { return cs.in(cs.newFile, p) }

// inFile is cs recording at p in file: a file of the old catalog when old
// (a translation file taken out since), so that the text output lists it
// with the old catalog's lines whatever its revision is called; else of the
// new one.
func (cs *changes) inFile(file string, p catalog.Pos, old bool) *changes {
	v := cs.in(file, p)
	v.atOld = old
	return v
}

// atKey is cs recording at the first of keys that e, of the new catalog,
// gives, so that a change points at the key that changed; at e's code when
// it gives none of them (a text taken out).
func (cs *changes) atKey(e *catalog.Error, keys ...string) *changes {
	for _, k := range keys {
		if p, ok := e.KeyPos(k); ok {
			return cs.inNew(p)
		}
	}
	return cs.inNew(e.Pos)
}

func (cs *changes) in(file string, p catalog.Pos) *changes {
	if p.File == "" {
		p.File = file
	}
	v := *cs
	v.at, v.atOld = p, false
	return &v
}

func (cs *changes) add(code string, k ChangeKind, format string, args ...any) {
	r := rule(k)
	msg := fmt.Sprintf(format, args...)
	*cs.list = append(*cs.list, Change{Pos: cs.at, InOld: cs.atOld, Code: code, Kind: k, Breaking: r.Breaking(), Breaks: breaksOf(r), Message: msg})
}

// breaksOf is the rule's audiences, never nil, so JSON says [] not null.
func breaksOf(r Rule) []Audience {
	return append([]Audience{}, r.Breaks...)
}

// goNameTakers maps a Go name to the first new code in use, not in the old
// catalog, that has it: a removed code whose Go name is there was renamed
// keeping its Go identifiers (CONFLICT renamed conflict); only the wire
// changes. One map for the whole comparison: looking through every new
// error for each removed code was quadratic (two 60,000-code catalogs,
// 157 s).
func goNameTakers(after *catalog.Catalog, oldCodes map[string]*catalog.Error) map[string]*catalog.Error {
	takers := map[string]*catalog.Error{}
	for _, n := range after.Errors {
		if oldCodes[n.Code] == nil && takers[n.Name] == nil {
			takers[n.Name] = n
		}
	}
	return takers
}

// entries is every error of a catalog, in use then retired.
func entries(c *catalog.Catalog) []*catalog.Error {
	return append(append([]*catalog.Error(nil), c.Errors...), c.Retired...)
}

func index(c *catalog.Catalog) map[string]*catalog.Error {
	m := map[string]*catalog.Error{}
	for _, e := range entries(c) {
		m[e.Code] = e
	}
	return m
}

// catalogWide compares what applies to every error.
func (cs *changes) catalogWide(before, after *catalog.Catalog) {
	if before.Go.Package != after.Go.Package {
		cs.add("", GoPackageChanged, "go.package changed from %s to %s", before.Go.Package, after.Go.Package)
	}
	if before.RequestID.Header != after.RequestID.Header {
		cs.add("", RequestIDHeaderChanged, "request_id.header changed from %s to %s", orNone(before.RequestID.Header), orNone(after.RequestID.Header))
	}
	if before.GRPC.Domain != "" && before.GRPC.Domain != after.GRPC.Domain {
		cs.add("", GRPCDomainChanged, "grpc.domain changed from %s to %s", before.GRPC.Domain, orNone(after.GRPC.Domain))
	}
	cs.rpcPackages(before, after)
	if before.Fallback != nil && after.Fallback != nil && before.Fallback.Code != after.Fallback.Code {
		cs.add("", FallbackChanged, "the fallback for non-catalog errors changed from %s to %s", before.Fallback.Code, after.Fallback.Code)
	}
	if before.DefaultEnvelope.MediaType != after.DefaultEnvelope.MediaType {
		cs.add("", MediaTypeChanged, "the default media type changed from %s to %s, for every error using the default format", before.DefaultEnvelope.MediaType, after.DefaultEnvelope.MediaType)
	}
	if ob, nb := nodeString(before.DefaultEnvelope.Body), nodeString(after.DefaultEnvelope.Body); ob != nb {
		cs.add("", EnvelopeChanged, "the default envelope changed from %s to %s, for every error using it", ob, nb)
	}
	// A problem type URI is type_base and the code's anchor, a docs link
	// docs_url and the anchor: for a code in both, only the base changes.
	if before.TypeBase != after.TypeBase && writes(before, after, catalog.RefType) {
		cs.add("", TypeURIChanged, "type_base changed from %s to %s: every problem type URI changes", orNone(before.TypeBase), orNone(after.TypeBase))
	}
	if before.DocsURL != after.DocsURL && writes(before, after, catalog.RefDocsURL) {
		k := DocsURLChanged
		if after.DocsURL == "" {
			k = DocsURLRemoved
		}
		cs.add("", k, "docs_url, written as $docs_url, changed from %s to %s", orNone(before.DocsURL), orNone(after.DocsURL))
	}
	cs.openAPI(before.OpenAPI, after.OpenAPI)
	cs.openAPIUnions(before, after)
	cs.docsTexts(before, after)
	cs.languages(before, after)
}

// rpcPackages compares the names of the gRPC and Connect packages, which a
// service's code writes at each use (apierrorsgrpc.UnaryServerInterceptor),
// as it writes go.package's. Named by default after go.package on both
// sides, they change with it: go-package-changed says so, and one --allow
// accepts it.
func (cs *changes) rpcPackages(before, after *catalog.Catalog) {
	if before.GRPC.Domain == "" || after.GRPC.Domain == "" {
		return // no packages before, or none now: grpc-domain-changed
	}
	compare := func(key, suffix, was, now string) {
		if was == "" && now == "" {
			return
		}
		if was == "" {
			was = before.Go.Package + suffix
		}
		if now == "" {
			now = after.Go.Package + suffix
		}
		if was != now {
			cs.add("", GRPCPackageChanged, "%s changed from %s to %s", key, was, now)
		}
	}
	compare("grpc.package", "grpc", before.GRPC.Package, after.GRPC.Package)
	compare("grpc.connect_package", "connect", before.GRPC.ConnectPackage, after.GRPC.ConnectPackage)
}

// openAPI compares the settings of the OpenAPI output.
func (cs *changes) openAPI(before, after catalog.OpenAPIOptions) {
	if before.Prefix != after.Prefix {
		cs.add("", OpenAPIPrefixChanged, "openapi.prefix changed from %q to %q: every component is renamed", before.Prefix, after.Prefix)
	}
	if before.Version != after.Version {
		cs.add("", OpenAPIVersionChanged, "openapi.version changed from %s to %s", before.Version, after.Version)
	}
	if before.DefaultResponse != after.DefaultResponse {
		cs.add("", DefaultResponseChanged, "openapi.default_response changed from %t to %t", before.DefaultResponse, after.DefaultResponse)
	}
	if gone := missing(before.Attach, after.Attach); len(gone) > 0 {
		cs.add("", AttachRemoved, "openapi.attach no longer attaches %s", strings.Join(gone, ", "))
	}
	if added := missing(after.Attach, before.Attach); len(added) > 0 {
		cs.add("", AttachAdded, "openapi.attach now attaches %s", strings.Join(added, ", "))
	}
}

// missing lists the entries of a that b lacks, in a's order.
func missing(a, b []string) []string {
	inB := make(map[string]bool, len(b))
	for _, s := range b {
		inB[s] = true
	}
	var out []string
	for _, s := range a {
		if !inB[s] {
			out = append(out, s)
		}
	}
	return out
}

// writes reports whether an envelope of each catalog writes the reference.
func writes(before, after *catalog.Catalog, name catalog.RefName) bool {
	has := func(c *catalog.Catalog) bool {
		return slices.ContainsFunc(c.Envelopes, func(e *catalog.Envelope) bool { return e.Has(name) })
	}
	return has(before) && has(after)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
