//go:build !unix

package benchpair

import "time"

// cpuTime is unknown here: Run reports no CPU ratio.
func cpuTime() time.Duration { return 0 }
