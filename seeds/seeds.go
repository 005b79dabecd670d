// Package seeds embeds the five policy documents the demo runs on. They are
// real documents as published on government websites, kept byte for byte.
package seeds

import "embed"

// FS holds the seed documents (*.txt).
//
//go:embed *.txt
var FS embed.FS
