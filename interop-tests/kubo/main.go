// Command ipfs is kubo v0.43.1 built from the Go module proxy: kubo's go.mod replaces go-libp2p with a fork the
// proxy does not serve, so `go install github.com/ipfs/kubo/cmd/ipfs@v0.43.1` is refused. This module requires kubo
// and replaces go-libp2p with the release the fork was made for; main does what kubo's own cmd/ipfs/main.go does.
package main

import (
	"os"

	"github.com/ipfs/kubo/cmd/ipfs/kubo"
)

func main() {
	os.Exit(kubo.Start(kubo.BuildDefaultEnv))
}
