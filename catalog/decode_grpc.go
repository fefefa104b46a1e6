package catalog

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// grpcOptions reads the grpc mapping: the ErrorInfo domain (required) and
// the gRPC and Connect packages' names and files.
func (cr *catalogReader) grpcOptions(n *yaml.Node) {
	g := &cr.c.GRPC
	hasDomain := false
	for _, f := range cr.fields(n, "grpc", grpcKeys, nil) {
		switch f.key {
		case "domain":
			hasDomain = true
			g.Domain = cr.str(f.value, "grpc.domain")
			if !domainPattern.MatchString(g.Domain) || len(g.Domain) > 253 {
				cr.probs.add(posOf(f.value), "grpc.domain %q is not a service name: AIP-193 wants the service's DNS name, such as api.example.com", g.Domain)
			}
		case "package", "connect_package":
			pkg := cr.str(f.value, "grpc."+f.key)
			if msg := GoPackageProblem(pkg); msg != "" {
				cr.probs.add(posOf(f.value), "grpc.%s %s", f.key, msg)
			}
			if f.key == "package" {
				g.Package = pkg
			} else {
				g.ConnectPackage = pkg
			}
			cr.grpcPackagePos = append(cr.grpcPackagePos, posOf(f.value))
		case "out":
			g.Out = cr.outPath(f.value, "grpc.out")
		case "connect_out":
			g.ConnectOut = cr.outPath(f.value, "grpc.connect_out")
		}
	}
	if !hasDomain && n.Kind == yaml.MappingNode {
		cr.probs.add(posOf(n), "grpc: missing required key \"domain\": the service's name every ErrorInfo carries, such as api.example.com")
	}
}

// grpcCode reads an error's own gRPC code, a canonical name such as
// NOT_FOUND; validate checks it against the status.
func (cr *catalogReader) grpcCode(e *Error, n *yaml.Node) {
	code := cr.str(n, "grpc")
	if code == "" {
		return
	}
	if grpcCodeClass[code] == "" {
		hint := cr.probs.suggest(strings.ToUpper(code), GRPCCodes)
		if code == "OK" {
			hint = ": OK is no error"
		}
		cr.probs.add(posOf(n), "grpc %q is not a canonical gRPC error code%s (google/rpc/code.proto: %s)", code, hint, strings.Join(GRPCCodes, ", "))
		return
	}
	e.GRPCCode = code
	cr.grpcPos[e] = posOf(n)
}

// help reads an error's help links: [{description, url}].
func (cr *catalogReader) help(n *yaml.Node) []Link {
	var links []Link
	for _, item := range cr.list(n, "help") {
		var l Link
		for _, f := range cr.fields(item, "help link", helpKeys, nil) {
			if f.key == "description" {
				l.Description = cr.str(f.value, "help description")
			} else {
				l.URL = cr.url(f.value, "help url")
			}
		}
		if item.Kind == yaml.MappingNode && !cr.hasKey(item, "url") {
			cr.probs.hint(posOf(item), ": add url: the page's absolute address, such as https://docs.example.com/errors", "help link: missing required key \"url\"")
		}
		links = append(links, l)
	}
	return links
}

// importPathPattern is what go.import may be: a module path and folders.
var importPathPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._~\-]*(/[A-Za-z0-9._~\-]+)*$`)

// importPath reads go.import, the generated package's import path.
func (cr *catalogReader) importPath(n *yaml.Node) string {
	p := cr.str(n, "go.import")
	if !importPathPattern.MatchString(p) || strings.Contains(p, "..") {
		cr.probs.add(posOf(n), "go.import %q is not an import path, such as example.com/service/apierrors", p)
	}
	return p
}
