package names

import "github.com/errgen/errgen/catalog"

// The packages errgen generates beside the Go package for gRPC and Connect,
// and the main package's bridge they call, which no catalog identifier can
// take (see the Go output's rules). An error's ErrorInfo reason is the
// catalog's (catalog.Reason, Error.GRPCReason), as its Go name is: the
// catalog's rules refuse two codes with one reason, and a package named
// like the Go package or like the other.

// GRPCPackage is the gRPC package's name: grpc.package, else the Go
// package's name followed by grpc, apierrorsgrpc.
func GRPCPackage(c *catalog.Catalog, goPackage string) string {
	if c.GRPC.Package != "" {
		return c.GRPC.Package
	}
	return goPackage + "grpc"
}

// ConnectPackage is the Connect package's name: grpc.connect_package, else
// the Go package's name followed by connect, apierrorsconnect.
func ConnectPackage(c *catalog.Catalog, goPackage string) string {
	if c.GRPC.ConnectPackage != "" {
		return c.GRPC.ConnectPackage
	}
	return goPackage + "connect"
}

// The bridge the main package exports for the gRPC and Connect packages.
const (
	BridgeStatus        = "RPCStatus"         // the status as standard types
	BridgeLink          = "RPCLink"           // a Help link
	BridgeViolation     = "RPCFieldViolation" // a BadRequest field violation
	BridgeStatusOf      = "RPCStatusOf"       // error → status, on the server
	BridgeStatusFor     = "RPCStatusFor"      // error → status in the client's language, on the server
	BridgeStatusForCall = "RPCStatusForCall"  // the same in a server interceptor: reports name the call
	BridgePanic         = "RPCPanic"          // a handler's panic → the fallback's status, reported with its stack
	BridgeTrimmed       = "RPCTrimmed"        // a status trimmed to fit gRPC's trailer, reported
	BridgeError         = "RPCError"          // status → *Error, on the client
)
