//go:build !unix

package docread

import "errors"

func mkfifo(string) error { return errors.New("named pipes are not files on this system") }
