package main

import (
	"fmt"
	"os"

	leveldb "github.com/ipfs/go-ds-leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// openLevel opens (creating) the go-ds-leveldb store at dir with the compression kubo's levelds
// plugin names "none", "snappy" or leaves at goleveldb's default ("default": Snappy).
func openLevel(dir, compression string) (*leveldb.Datastore, error) {
	var c opt.Compression
	switch compression {
	case "none":
		c = opt.NoCompression
	case "snappy":
		c = opt.SnappyCompression
	case "default":
		c = opt.DefaultCompression
	default:
		return nil, fmt.Errorf("unknown compression %q (none, snappy, default)", compression)
	}
	return leveldb.NewDatastore(dir, &leveldb.Options{Compression: c})
}

// cmdLevelWrite applies a manifest to the LevelDB at DIR through go-ds-leveldb, then closes it.
func cmdLevelWrite(args []string) error {
	var pos []string
	compression, batch := "none", false
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--batch":
			batch = true
		case "--compression":
			if i+1 == len(args) {
				return fmt.Errorf("%s", usage)
			}
			i++
			compression = args[i]
		default:
			pos = append(pos, args[i])
		}
	}
	if len(pos) != 1 {
		return fmt.Errorf("%s", usage)
	}
	entries, err := readManifest(os.Stdin)
	if err != nil {
		return err
	}
	d, err := openLevel(pos[0], compression)
	if err != nil {
		return err
	}
	if err := apply(d, entries, batch); err != nil {
		d.Close()
		return err
	}
	return d.Close()
}

// cmdLevelRead prints the listing of the LevelDB at DIR (see cmdRead) through go-ds-leveldb.
func cmdLevelRead(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%s", usage)
	}
	d, err := openLevel(args[0], "none")
	if err != nil {
		return err
	}
	if err := list(d); err != nil {
		d.Close()
		return err
	}
	return d.Close()
}
