package errgen

import _ "embed"

// schema is the JSON Schema of catalog version 1, as committed at the
// module's root: editors fetch it from there, errgen schema prints it.
//
//go:embed catalog.schema.json
var schema []byte

// translationSchema is the JSON Schema of a translation file
// (translations/LANG.yaml), as committed at the module's root.
//
//go:embed translation.schema.json
var translationSchema []byte

// TranslationSchemaURL is where editors find the translation files' schema.
const TranslationSchemaURL = "https://raw.githubusercontent.com/errgen/errgen/main/translation.schema.json"

// TranslationSchema returns the JSON Schema of a translation file, as
// Schema does the catalog's; errgen validate remains the judge of what
// spans the file and the catalog (a code the catalog lacks, a placeholder).
func TranslationSchema() []byte {
	return append([]byte(nil), translationSchema...)
}

// SchemaURL is where editors find the schema: the yaml-language-server line
// of a catalog names it.
const SchemaURL = "https://raw.githubusercontent.com/errgen/errgen/main/catalog.schema.json"

// Schema returns the JSON Schema of the catalog format, for editor
// completion and checks as a catalog is typed. The loader stays the judge:
// what the schema cannot say (a code used twice, a placeholder naming no
// detail) only errgen validate reports.
func Schema() []byte {
	return append([]byte(nil), schema...)
}
