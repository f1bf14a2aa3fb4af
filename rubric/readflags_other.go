//go:build !unix

package rubric

// readFlags adds nothing where opening a file cannot wait on a pipe.
const readFlags = 0
