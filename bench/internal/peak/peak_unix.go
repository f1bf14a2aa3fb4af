//go:build unix

package peak

import (
	"os"
	"runtime"
	"syscall"
)

// RSS is a finished child's peak resident memory in KiB (Maxrss is in
// kilobytes on Linux, bytes on macOS).
func RSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		if runtime.GOOS == "darwin" {
			return ru.Maxrss / 1024
		}
		return ru.Maxrss
	}
	return 0
}
