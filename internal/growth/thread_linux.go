package growth

import (
	"syscall"
	"time"
	"unsafe"
)

// clockThreadCPUTime is Linux's CLOCK_THREAD_CPUTIME_ID, which syscall
// does not name.
const clockThreadCPUTime = 3

// threadTime is the CPU time the calling thread has used, to the
// nanosecond. getrusage's RUSAGE_THREAD counts the running thread's time
// only as far as the last tick or switch, milliseconds behind.
func threadTime() time.Duration {
	var ts syscall.Timespec
	_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
