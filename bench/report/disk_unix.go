//go:build unix

package main

import (
	"io/fs"
	"syscall"
)

// diskBlocks is the 512-byte blocks a file takes on disk.
func diskBlocks(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Blocks
	}
	return 0
}
