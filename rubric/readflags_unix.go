//go:build unix

package rubric

import "syscall"

// readFlags opens files without blocking, so that opening a FIFO never
// waits for a writer; ReadFile then refuses it as not a regular file.
const readFlags = syscall.O_NONBLOCK
