package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
)

// Parse's stages, for the stage benchmarks of bench_test.go: DecodeStage
// is the YAML parse and the decoding into the model, ValidateStage the
// normalizing, the catalog's own validation and the checks, run on what
// DecodeStage returned (once: normalizing changes it). Both as LoadFiles
// runs them, for a catalog that includes no file.
type Decoded = catalogReader

func DecodeStage(file string, data []byte) (*Decoded, error) {
	l := &loader{probs: &problems{file: file}, left: MaxSize, aliases: map[Pos]bool{}}
	top := l.parse(file, data, "catalog")
	if top == nil {
		return nil, l.probs.err()
	}
	cr := (&nodeReader{probs: l.probs}).catalog(top)
	cr.c.File = file
	cr.c.Files = []string{file}
	return cr, nil
}

func ValidateStage(cr *Decoded, checks ...Check) (*Catalog, error) {
	normalize(cr.c)
	cr.validate()
	for _, check := range checks {
		if len(check(cr.c)) > 0 {
			return nil, errors.New("a check found problems")
		}
	}
	if err := cr.probs.err(); err != nil {
		return nil, err
	}
	return cr.c, nil
}

// FastYAML is fastYAML, and PlainYAML the plain path beside it (yaml.v3),
// for yamlfast_test.go.
var (
	FastYAML   = fastYAML
	FastYAMLAt = fastYAMLAt
	PlainYAML  = plainYAML
)

// GoNamePlain and KebabPlain are GoName and Kebab as they were spelled
// before they wrote into one builder, and the code and name regexps beside
// codePattern and namePattern, for names_test.go.
func GoNamePlain(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		goWordPlain(&b, w)
	}
	return b.String()
}

func KebabPlain(s string) string {
	ws := words(s)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, "-")
}

// ReasonPlain is Reason as it was spelled before it made one string.
func ReasonPlain(code string) string {
	return strings.ToUpper(strings.ReplaceAll(KebabPlain(code), "-", "_"))
}

var (
	CodeRegexp = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.\-]*$`)
	NameRegexp = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
)

func CodeMatch(s string) bool { return codePattern.MatchString(s) }
func NameMatch(s string) bool { return namePattern.MatchString(s) }

// SourceHashesReused are the source hashes of es made one after another
// by one sourceHasher, as the loader makes them, and SourceHashMarshal
// SourceHash as it was spelled before the hasher reused its buffers: a
// json.Marshal of a fresh errorSource, for sourcehash_test.go.
func SourceHashesReused(es []*Error) []string {
	var h sourceHasher
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = h.errorHash(e)
	}
	return out
}

func SourceHashMarshal(e *Error) string {
	s := errorSource{Title: e.Title, Description: e.Description, Causes: e.Causes, Remediation: e.Remediation, Details: detailSources(e.Details), Deprecated: e.Deprecated}
	if e.Message != nil {
		s.Message = e.Message.Source
	}
	for _, t := range e.Troubleshooting {
		s.Troubleshooting = append(s.Troubleshooting, [2]string{t.Check, t.Solution})
	}
	data, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:sourceLen]
}

// The tests of this package poison the node slabs a load releases, so that
// one of them reading a node after its release fails (see
// nodeSlabs.release); the benchmarks of loading turn it off
// (SetPoisonReleased), which would time the poisoning.
func init() { poisonReleased = true }

// SetPoisonReleased sets whether released node slabs are poisoned, and
// returns the setting it replaces.
func SetPoisonReleased(on bool) (was bool) {
	was, poisonReleased = poisonReleased, on
	return was
}

// LoadFilesPlain is LoadFiles making every tree in memory of its own: the
// plain path beside its reuse of the catalog's node slabs for the
// translations' trees, for recycle_test.go.
func LoadFilesPlain(files Files, root string, checks ...Check) (*Catalog, error) {
	return loadFiles(files, root, nil, checks)
}
