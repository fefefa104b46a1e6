//go:build unix

package benchpair

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, on every thread, and its
// children that have ended (go build and go vet, for the compile
// benchmarks).
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children) != nil {
		return 0
	}
	return time.Duration(self.Utime.Nano() + self.Stime.Nano() + children.Utime.Nano() + children.Stime.Nano())
}
