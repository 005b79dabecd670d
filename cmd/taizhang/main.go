// Command taizhang keeps a policy task ledger (台账): it parses policy
// documents into a task list, and later issues fill-in workbooks, merges the
// returns and writes the reports. See the README for the commands.
package main

import "os"

func main() {
	stop := removeTempsOnSignal(os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
