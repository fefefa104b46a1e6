package hugeheap

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// thpSetting is the kernel's transparent huge page setting.
const thpSetting = "/sys/kernel/mm/transparent_hugepage/enabled"

// thpOnRequest says whether the kernel backs memory with transparent huge
// pages when asked (madvise), and only then.
func thpOnRequest() bool {
	data, err := os.ReadFile(thpSetting)
	return err == nil && bytes.Contains(data, []byte("[madvise]"))
}

// hugePageSize is the size of a transparent huge page (2 MiB on amd64), 0
// when the kernel does not say.
func hugePageSize() uintptr {
	data, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseUint(string(bytes.TrimSpace(data)), 10, 64)
	if err != nil || n == 0 || n&(n-1) != 0 {
		return 0
	}
	return uintptr(n)
}

// adviseHuge advises the huge pages wholly inside block to be backed as
// such (MADV_HUGEPAGE), without touching its memory. A kernel that refuses
// changes nothing: the pages are then faulted in as before.
func adviseHuge(block []byte) {
	size := hugePageSize()
	if size == 0 || len(block) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	lo := (start + size - 1) &^ (size - 1)
	hi := (start + uintptr(len(block))) &^ (size - 1)
	if lo >= hi {
		return
	}
	_ = syscall.Madvise(block[lo-start:hi-start], syscall.MADV_HUGEPAGE)
}
