package fixed

import (
	"reflect"
	"testing"

	"github.com/errgen/errgen/internal/benchpair"
)

// BenchmarkDetailMembers measures what recording the details' members as
// validTop validates them buys over walking the details object again. See
// benchpair.Run for the figures it reports.
func BenchmarkDetailMembers(b *testing.B) {
	loadDefinitions()
	def := &definitions[2] // RATE_LIMITED
	names := topNames()
	top := make([][]byte, len(names.names))
	v := reflect.New(reflect.TypeOf(def.zero)).Elem()
	benchpair.Run(b, func() {
		for range 1000 {
			var details objectMembers
			validTop(rateLimitedBody, names, top, &details)
			decodeMembers(def, v, &details, nil, nil)
		}
	}, func() {
		for range 1000 {
			validTop(rateLimitedBody, names, top, nil)
			decodeObject(def, v, top[names.details], nil, nil, nil)
		}
	}, nil)
}
