package interop

import (
	"os"
	"testing"
)

// runtimePackages are the packages the generated code imports beyond the
// standard library; tools.go requires them, so go.sum has them.
var runtimePackages = []string{
	"github.com/go-faster/errors",
	"github.com/go-faster/jx",
	"github.com/oapi-codegen/runtime",
	"github.com/oapi-codegen/runtime/types",
	"github.com/ogen-go/ogen/conv",
	"github.com/ogen-go/ogen/http",
	"github.com/ogen-go/ogen/json",
	"github.com/ogen-go/ogen/middleware",
	"github.com/ogen-go/ogen/ogenerrors",
	"github.com/ogen-go/ogen/ogenregex",
	"github.com/ogen-go/ogen/otelogen",
	"github.com/ogen-go/ogen/uri",
	"github.com/ogen-go/ogen/validate",
	"go.opentelemetry.io/otel",
	"go.opentelemetry.io/otel/attribute",
	"go.opentelemetry.io/otel/codes",
	"go.opentelemetry.io/otel/metric",
	"go.opentelemetry.io/otel/semconv/v1.39.0",
	"go.opentelemetry.io/otel/trace",
}

func TestMain(m *testing.M) {
	code := m.Run()
	if scratchMod.dir != "" && os.Getenv("INTEROP_KEEP") == "" {
		os.RemoveAll(scratchMod.dir)
	}
	os.Exit(code)
}
