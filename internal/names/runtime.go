package names

// Runtime lists the exported identifiers of the fixed half of generated
// packages (internal/golang/fixed), sorted: no catalog declaration may take
// one, though a package without grpc: lacks RPCRuntime's. A test of the Go
// emitter holds the list to the fixed half's sources; the Go emitter
// reserves every name the fixed half declares.
var Runtime = []string{
	"Config", "Configure", "Definition", "Definitions", "DetailsAs", "Error", "Handler", "Lookup",
	"NewWithDetails", "Parse", "ParseBadDetail", "ParseError", "ParseErrorKind", "ParseNoResponse", "ParseNotEnvelope", "ParseNotJSON",
	"ParseReadFailed", "ParseResponse", "ParseTooLarge",
	"RPCError", "RPCFieldViolation", "RPCLink", "RPCPanic", "RPCStatus", "RPCStatusFor", "RPCStatusForCall", "RPCStatusOf", "RPCTrimmed", "Report", "Strict", "Write",
}

// RPCRuntime lists those of Runtime that only a package whose catalog has a
// grpc: section holds, sorted: what the gRPC and Connect packages call.
// Runtime keeps them, so that a catalog valid without grpc: stays valid with it.
var RPCRuntime = []string{"RPCError", "RPCFieldViolation", "RPCPanic", "RPCStatus", "RPCStatusFor", "RPCStatusForCall", "RPCStatusOf", "RPCTrimmed"}
