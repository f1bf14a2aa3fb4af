//go:build !unix

package main

import "io/fs"

// diskBlocks is the file's size in 512-byte blocks, rounded up, where the
// system does not report the blocks taken.
func diskBlocks(info fs.FileInfo) int64 { return (info.Size() + 511) / 512 }
