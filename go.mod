module github.com/errgen/errgen

go 1.25.0

require (
	github.com/aymanbagabas/go-udiff v0.4.1
	github.com/dave/jennifer v1.7.1
	github.com/getkin/kin-openapi v0.152.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/spf13/pflag v1.0.10
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/mod v0.39.0
	golang.org/x/text v0.41.0
	golang.org/x/tools v0.49.0
)

require (
	github.com/go-openapi/jsonpointer v0.22.5 // indirect
	github.com/go-openapi/swag/jsonname v0.25.5 // indirect
	github.com/kr/pretty v0.3.1 // indirect
	github.com/oasdiff/yaml v0.1.1 // indirect
	github.com/oasdiff/yaml3 v0.0.14 // indirect
)

// The fixed halves of the gRPC and Connect packages, and the bundled
// catalog's, import google.golang.org/grpc and connectrpc.com/connect: they
// are built and tested in the module internal/rpcgen/rpctest, so this
// module needs neither.
ignore (
	./generated/apierrorsconnect
	./generated/apierrorsgrpc
	./internal/rpcgen/connectfixed
	./internal/rpcgen/grpcfixed
)
