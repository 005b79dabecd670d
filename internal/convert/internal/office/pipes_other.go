//go:build !unix

package office

// RemovePipes does nothing: named pipes here end with their process.
func RemovePipes(profileDir string, accepted ...string) {}
