//go:build !linux

package lotest

import (
	"context"
	"os/exec"

	"github.com/taizhang-dev/taizhang/internal/convert/internal/office"
)

func listenCommand(ctx context.Context, soffice string, args []string) *exec.Cmd {
	return office.Command(ctx, soffice, args...)
}

func dieWithTest(*exec.Cmd) {}
