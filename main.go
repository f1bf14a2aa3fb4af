// Command readycheck shows a backend internship candidate how ready they are
// for each company's requirements. See README.md.
package main

import (
	"context"
	"os"

	"github.com/readycheck/readycheck/cmd"
)

func main() {
	os.Exit(cmd.Execute(context.Background()))
}
