// Writes a go-ds-leveldb directory for the jds levelds fixture.
package main

import (
	"context"
	"fmt"
	"os"

	ds "github.com/ipfs/go-datastore"
	leveldb "github.com/ipfs/go-ds-leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

func main() {
	dir, comp := os.Args[1], os.Args[2]
	c := opt.NoCompression
	if comp == "snappy" {
		c = opt.SnappyCompression
	}
	ctx := context.Background()
	for round := 0; round < 2; round++ {
		d, err := leveldb.NewDatastore(dir, &leveldb.Options{Compression: c, WriteBuffer: 32 << 10})
		if err != nil {
			panic(err)
		}
		for i := 0; i < 300; i++ {
			k := ds.NewKey(fmt.Sprintf("/r%d/key%04d", round, i))
			v := []byte(fmt.Sprintf("value-%d-%d-%0200d", round, i, i))
			if err := d.Put(ctx, k, v); err != nil {
				panic(err)
			}
		}
		if err := d.Put(ctx, ds.NewKey("/local/filesroot"), []byte("root")); err != nil {
			panic(err)
		}
		if err := d.Delete(ctx, ds.NewKey(fmt.Sprintf("/r%d/key0007", round))); err != nil {
			panic(err)
		}
		d.Close()
	}
}
