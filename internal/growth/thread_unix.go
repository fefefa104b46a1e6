//go:build unix && !linux

package growth

import (
	"syscall"
	"time"
)

// threadTime is the CPU time the process has used: these systems keep
// none per thread that syscall reads.
func threadTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
