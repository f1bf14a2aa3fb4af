//go:build !linux

// Command serve measures readycheck serve under many SSH sessions; it
// reads the server's memory and CPU from /proc, so it runs on Linux only.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "bench/serve reads the server's memory and CPU from /proc: run it on Linux")
	os.Exit(1)
}
