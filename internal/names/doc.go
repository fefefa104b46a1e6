// Package names is the one place that names what errgen generates for a
// catalog: every Go identifier of an error (constant, sentinel,
// constructors, details and enum types) and every OpenAPI component, and
// the shape a status's response takes. The emitters, the catalog's Go-name
// rules, the lifecycle comments and errgen diff all ask it; none spells a
// generated name itself.
//
// It imports only the catalog and the standard library.
package names
