module github.com/errgen/errgen/internal/rpcgen/rpctest

go 1.26.8

require github.com/errgen/errgen v0.0.0

require (
	connectrpc.com/connect v1.21.1 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20261123191846-1e707ab9fbc2 // indirect
	google.golang.org/grpc v1.85.0 // indirect
	google.golang.org/protobuf v1.36.12 // indirect
)

replace github.com/errgen/errgen => ../../..
