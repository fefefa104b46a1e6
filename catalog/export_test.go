package catalog

import "errors"

// Parse's stages, for the stage benchmarks of bench_test.go: DecodeStage
// is the YAML parse and the decoding into the model, ValidateStage the
// normalizing, the catalog's own validation and the checks, run on what
// DecodeStage returned (once: normalizing changes it).
type Decoded = catalogReader

func DecodeStage(file string, data []byte) (*Decoded, error) {
	doc, err := parseYAML(data)
	if err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, errors.New("empty")
	}
	r := &nodeReader{probs: &problems{file: file}}
	r.rejectAliases(doc)
	cr := r.catalog(doc.Content[0])
	cr.c.File = file
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
