package fixed

import (
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// config and weighedFields are atomic.Values, where the generic
// atomic.Pointer cost every generated package the compiler's functions of
// its instantiation. BenchmarkConfigLoad measures what a load then costs
// against atomic.Pointer's, the plain path: a Write loads the config at
// most once, a Write with Accept-Language one of weighedFields once.
func BenchmarkConfigLoad(b *testing.B) {
	var pointer atomic.Pointer[Config]
	c := &Config{}
	pointer.Store(c)
	defer config.Store(currentConfig()) // TestMain's
	Configure(Config{})
	var sink *Config
	benchpair.Run(b, func() {
		for range 1000 {
			sink = currentConfig()
		}
	}, func() {
		for range 1000 {
			if p := pointer.Load(); p != nil {
				sink = p
			} else {
				sink = &defaultConfig
			}
		}
	}, nil)
	_ = sink
}

// TestConfigureReplaces: Configure replaces the whole Config.
func TestConfigureReplaces(t *testing.T) {
	defer config.Store(currentConfig()) // TestMain's
	Configure(Config{RequestID: func(*http.Request) string { return "a" }})
	if currentConfig().RequestID == nil {
		t.Error("Configure did not set RequestID")
	}
	Configure(Config{})
	if currentConfig().RequestID != nil {
		t.Error("a later Configure kept RequestID")
	}
}
