// Package peak reads a finished child process's peak memory, for the
// benchmark commands.
package peak
