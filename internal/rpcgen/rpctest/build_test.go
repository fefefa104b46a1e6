package rpctest

import (
	_ "github.com/errgen/errgen/generated/apierrorsconnect"
	_ "github.com/errgen/errgen/generated/apierrorsgrpc"
	_ "github.com/errgen/errgen/internal/rpcgen/connectfixed"
	_ "github.com/errgen/errgen/internal/rpcgen/grpcfixed"
)
