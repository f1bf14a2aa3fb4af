//go:build !unix

package peak

import "os"

// RSS is 0 where the system does not report a child's peak memory.
func RSS(*os.ProcessState) int64 { return 0 }
