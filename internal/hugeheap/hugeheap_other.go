//go:build !linux

package hugeheap

// thpOnRequest: transparent huge pages on request are Linux's.
func thpOnRequest() bool { return false }

// adviseHuge does nothing where there is nothing to advise.
func adviseHuge([]byte) {}
