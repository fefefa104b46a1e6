//go:build !unix

package growth

import "time"

// start is when the process began measuring: without getrusage, the
// wall clock stands in for CPU time.
var start = time.Now()

// threadTime is the wall-clock time since start.
func threadTime() time.Duration { return time.Since(start) }
