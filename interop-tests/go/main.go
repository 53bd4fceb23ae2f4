// Command go-harness drives the real Go flatfs (github.com/ipfs/go-ds-flatfs v0.6.1 on
// github.com/ipfs/go-datastore v0.9.2), go-ds-leveldb (v0.5.3, kubo v0.43.1's) and go-cid /
// go-multihash / go-multibase for the jds interop tests. It only *uses* those libraries; nothing
// of them is copied here.
//
// Usage:
//
//	go-harness write  DIR SHARDFUN [--sync] [--batch] < manifest
//	go-harness read   DIR                              > listing
//	go-harness du     DIR [--files-average N]          (N sets flatfs.DiskUsageFilesAverage)
//	go-harness keys   DIR                              > KEY<TAB>SIZE lines
//	go-harness create DIR SHARDFUN
//	go-harness move   OLD NEW
//	go-harness gen    LEN SEED                          > bytes
//	go-harness version                                  (module versions linked in)
//	go-harness keyjson < "m HEX" / "u HEX" lines        (Key.MarshalJSON / UnmarshalJSON)
//	go-harness suite  DIR [go test flags, e.g. -test.v]
//	go-harness leveldb-write DIR [--compression none|snappy|default] [--batch] < manifest
//	go-harness leveldb-read  DIR                         > listing
//	go-harness multiformats                              < hex lines > NAME<TAB>VALUE lines
//	go-harness bench  OP DIR N [flags]                 (see bench.go: one timed workload, a JSON line)
//
// See ../README.md for the manifest and listing formats.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"testing"

	ds "github.com/ipfs/go-datastore"
	"github.com/ipfs/go-datastore/mount"
	"github.com/ipfs/go-datastore/query"
	dstest "github.com/ipfs/go-datastore/test"
	flatfs "github.com/ipfs/go-ds-flatfs"
)

const usage = `usage: go-harness write DIR SHARDFUN [--sync] [--batch] < manifest
       go-harness read DIR
       go-harness du DIR [--files-average N]
       go-harness keys DIR
       go-harness create DIR SHARDFUN
       go-harness move OLD NEW
       go-harness gen LEN SEED
       go-harness version
       go-harness keyjson
       go-harness suite DIR [go test flags]
       go-harness leveldb-write DIR [--compression none|snappy|default] [--batch] < manifest
       go-harness leveldb-read DIR
       go-harness multiformats < hex lines
       go-harness bench OP DIR N [flags]`

func main() {
	if len(os.Args) < 2 {
		fail(usage)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "write":
		err = cmdWrite(args)
	case "read":
		err = cmdRead(args)
	case "du":
		err = cmdDu(args)
	case "keys":
		err = cmdKeys(args)
	case "create":
		err = cmdCreate(args)
	case "move":
		err = cmdMove(args)
	case "gen":
		err = cmdGen(args)
	case "version":
		err = cmdVersion(args)
	case "keyjson":
		err = cmdKeyJSON(args)
	case "bench":
		err = cmdBench(args)
	case "suite":
		err = cmdSuite(args) // exits by itself on success
	case "leveldb-write":
		err = cmdLevelWrite(args)
	case "leveldb-read":
		err = cmdLevelRead(args)
	case "multiformats":
		err = cmdMultiformats(args)
	default:
		fail(usage)
	}
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

// ---------------------------------------------------------------------------------------
// value generator: SplitMix64, little-endian, truncated to LEN bytes. Mirrored in Java
// (org.jds.interop.ValueGen); both sides must produce identical bytes.

func genValue(n int, seed uint64) []byte {
	out := make([]byte, n)
	s := seed
	for i := 0; i < n; i += 8 {
		s += 0x9E3779B97F4A7C15
		z := s
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		z ^= z >> 31
		for j := 0; j < 8 && i+j < n; j++ {
			out[i+j] = byte(z >> (8 * j))
		}
	}
	return out
}

// ---------------------------------------------------------------------------------------
// manifest

type entry struct {
	del   bool
	key   ds.Key
	value []byte
}

// parseValue parses the value spec of a manifest line: "hex:<hex>" or "gen:<len>:<seed>".
func parseValue(spec string) ([]byte, error) {
	switch {
	case strings.HasPrefix(spec, "hex:"):
		return hex.DecodeString(spec[4:])
	case strings.HasPrefix(spec, "gen:"):
		parts := strings.Split(spec[4:], ":")
		if len(parts) != 2 {
			return nil, fmt.Errorf("bad gen spec %q", spec)
		}
		n, err := strconv.Atoi(parts[0])
		if err != nil || n < 0 {
			return nil, fmt.Errorf("bad gen length in %q", spec)
		}
		seed, err := strconv.ParseUint(parts[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("bad gen seed in %q", spec)
		}
		return genValue(n, seed), nil
	}
	return nil, fmt.Errorf("unknown value spec %q", spec)
}

func readManifest(r io.Reader) ([]entry, error) {
	var out []entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 2 {
			return nil, fmt.Errorf("manifest line %d: want KEY<TAB>SPEC, got %q", line, text)
		}
		if !strings.HasPrefix(fields[0], "/") {
			return nil, fmt.Errorf("manifest line %d: key must start with '/': %q", line, fields[0])
		}
		key := ds.RawKey(fields[0])
		if fields[1] == "delete" {
			out = append(out, entry{del: true, key: key})
			continue
		}
		v, err := parseValue(fields[1])
		if err != nil {
			return nil, fmt.Errorf("manifest line %d: %v", line, err)
		}
		out = append(out, entry{key: key, value: v})
	}
	return out, sc.Err()
}

// ---------------------------------------------------------------------------------------
// commands

func parseShard(s string) (*flatfs.ShardIdV1, error) {
	return flatfs.ParseShardFunc(s)
}

func cmdWrite(args []string) error {
	var pos []string
	sync, batch := false, false
	for _, a := range args {
		switch a {
		case "--sync":
			sync = true
		case "--batch":
			batch = true
		default:
			pos = append(pos, a)
		}
	}
	if len(pos) != 2 {
		return fmt.Errorf("%s", usage)
	}
	shard, err := parseShard(pos[1])
	if err != nil {
		return err
	}
	entries, err := readManifest(os.Stdin)
	if err != nil {
		return err
	}
	fs, err := flatfs.CreateOrOpen(pos[0], shard, sync)
	if err != nil {
		return err
	}
	if err := apply(fs, entries, batch); err != nil {
		return err
	}
	return fs.Close()
}

// apply runs the manifest's operations on d in order, one by one or (batch) through one Batch
// and a single Commit.
func apply(d ds.Batching, entries []entry, batch bool) error {
	ctx := context.Background()
	var w ds.Write = d
	var b ds.Batch
	if batch {
		var err error
		if b, err = d.Batch(ctx); err != nil {
			return err
		}
		w = b
	}
	for _, e := range entries {
		var err error
		if e.del {
			err = w.Delete(ctx, e.key)
		} else {
			err = w.Put(ctx, e.key, e.value)
		}
		if err != nil {
			return fmt.Errorf("%s: %v", e.key, err)
		}
	}
	if b != nil {
		if err := b.Commit(ctx); err != nil {
			return fmt.Errorf("commit: %v", err)
		}
	}
	return nil
}

// openArg opens the existing store named by the command's only argument.
func openArg(args []string) (*flatfs.Datastore, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("%s", usage)
	}
	return flatfs.Open(args[0], false)
}

// queryAll runs q and collects every entry.
func queryAll(fs ds.Datastore, q query.Query) ([]query.Entry, error) {
	res, err := fs.Query(context.Background(), q)
	if err != nil {
		return nil, err
	}
	return res.Rest()
}

// cmdRead lists every key of the flatfs store as "KEY<TAB>SIZE<TAB>SHA256" sorted by key. Each entry
// is cross-checked between Query (with values), Query (keys only + sizes), Get, GetSize and
// Has; any disagreement is an error.
func cmdRead(args []string) error {
	fs, err := openArg(args)
	if err != nil {
		return err
	}
	defer fs.Close()
	return list(fs)
}

// list prints the listing of d (see cmdRead), cross-checking its Query, Get, GetSize and Has.
func list(fs ds.Datastore) error {
	ctx := context.Background()

	all, err := queryAll(fs, query.Query{})
	if err != nil {
		return err
	}
	ks, err := queryAll(fs, query.Query{KeysOnly: true, ReturnsSizes: true})
	if err != nil {
		return err
	}
	sizes := map[string]int{}
	for _, e := range ks {
		sizes[e.Key] = e.Size
	}
	if len(sizes) != len(all) {
		return fmt.Errorf("query with values returned %d entries, keys-only query %d", len(all), len(sizes))
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Key < all[j].Key })
	w := bufio.NewWriter(os.Stdout)
	for i, e := range all {
		if i > 0 && all[i-1].Key == e.Key {
			return fmt.Errorf("duplicate key %s in query", e.Key)
		}
		k := ds.RawKey(e.Key)
		v, err := fs.Get(ctx, k)
		if err != nil {
			return fmt.Errorf("get %s: %v", k, err)
		}
		if !bytes.Equal(v, e.Value) {
			return fmt.Errorf("get %s: value differs from the query's", k)
		}
		sz, err := fs.GetSize(ctx, k)
		if err != nil {
			return fmt.Errorf("getsize %s: %v", k, err)
		}
		if sz != len(v) || e.Size != len(v) || sizes[e.Key] != len(v) {
			return fmt.Errorf("size mismatch for %s: len=%d GetSize=%d query=%d keysOnlyQuery=%d",
				k, len(v), sz, e.Size, sizes[e.Key])
		}
		has, err := fs.Has(ctx, k)
		if err != nil || !has {
			return fmt.Errorf("has %s: %v %v", k, has, err)
		}
		sum := sha256.Sum256(v)
		fmt.Fprintf(w, "%s\t%d\t%s\n", e.Key, len(v), hex.EncodeToString(sum[:]))
	}
	return w.Flush()
}

// cmdKeys lists "KEY<TAB>SIZE" from a keys-only query with sizes, sorted by key, without Get:
// it shows what Query makes of whatever lies in the tree (stray files included).
func cmdKeys(args []string) error {
	fs, err := openArg(args)
	if err != nil {
		return err
	}
	defer fs.Close()
	all, err := queryAll(fs, query.Query{KeysOnly: true, ReturnsSizes: true})
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Key < all[j].Key })
	for _, e := range all {
		fmt.Printf("%s\t%d\n", e.Key, e.Size)
	}
	return nil
}

// cmdDu opens the store (loading diskUsage.cache, or computing the size when it is absent),
// prints "<diskUsage><TAB><accuracy>" and closes it.
func cmdDu(args []string) error {
	if len(args) == 3 && args[1] == "--files-average" {
		n, err := strconv.Atoi(args[2])
		if err != nil {
			return err
		}
		flatfs.DiskUsageFilesAverage = n
		args = args[:1]
	}
	fs, err := openArg(args)
	if err != nil {
		return err
	}
	du, err := fs.DiskUsage(context.Background())
	if err != nil {
		return err
	}
	fmt.Printf("%d\t%s\n", du, fs.Accuracy())
	return fs.Close()
}

func cmdCreate(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("%s", usage)
	}
	shard, err := parseShard(args[1])
	if err != nil {
		return err
	}
	return flatfs.Create(args[0], shard)
}

func cmdMove(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("%s", usage)
	}
	return flatfs.Move(args[0], args[1], os.Stderr)
}

// cmdVersion prints "PATH VERSION" for the Go toolchain and every module linked into the binary.
// cmdKeyJSON answers one line per input line: "m HEX" marshals ds.NewKey(string(HEX bytes)) and
// prints the JSON bytes in hex; "u HEX" unmarshals the JSON bytes into a Key and prints
// "ok HEX(key.String())", or "err" if Go refuses them.
func cmdKeyJSON(args []string) error {
	if len(args) != 0 {
		return fmt.Errorf("%s", usage)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		op, arg, ok := strings.Cut(in.Text(), " ")
		if !ok {
			return fmt.Errorf("bad keyjson line %q", in.Text())
		}
		data, err := hex.DecodeString(arg)
		if err != nil {
			return err
		}
		switch op {
		case "m":
			j, err := ds.NewKey(string(data)).MarshalJSON()
			if err != nil {
				return err
			}
			fmt.Fprintln(out, hex.EncodeToString(j))
		case "u":
			var k ds.Key
			if err := k.UnmarshalJSON(data); err != nil {
				fmt.Fprintln(out, "err")
			} else {
				fmt.Fprintln(out, "ok "+hex.EncodeToString([]byte(k.String())))
			}
		default:
			return fmt.Errorf("bad keyjson op %q", op)
		}
	}
	return in.Err()
}

func cmdVersion(args []string) error {
	if len(args) != 0 {
		return fmt.Errorf("%s", usage)
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return fmt.Errorf("no build info")
	}
	fmt.Printf("go %s\n", bi.GoVersion)
	for _, d := range bi.Deps {
		v := d.Version
		if d.Replace != nil {
			v += " => " + d.Replace.Path + " " + d.Replace.Version
		}
		fmt.Printf("%s %s\n", d.Path, v)
	}
	return nil
}

func cmdGen(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("%s", usage)
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return err
	}
	seed, err := strconv.ParseUint(args[1], 10, 64)
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(genValue(n, seed))
	return err
}

// cmdSuite runs go-datastore's conformance suite (dstest.SubtestAll) exactly as go-ds-flatfs's
// own TestSuite does: "/" -> MapDatastore, "/capital" -> flatfs Prefix(2) at DIR. Extra
// arguments are passed to the testing package (e.g. -test.v, -test.run). Exits 0 on success.
func cmdSuite(args []string) error {
	if len(args) < 1 {
		return fmt.Errorf("%s", usage)
	}
	dir := args[0]
	os.Args = append([]string{os.Args[0]}, args[1:]...)
	tests := []testing.InternalTest{{
		Name: "TestSuite",
		F: func(t *testing.T) {
			fs, err := flatfs.CreateOrOpen(dir, flatfs.Prefix(2), false)
			if err != nil {
				t.Fatalf("New fail: %v\n", err)
			}
			d := mount.New([]mount.Mount{
				{Prefix: ds.RawKey("/"), Datastore: ds.NewMapDatastore()},
				{Prefix: ds.RawKey("/capital"), Datastore: fs},
			})
			defer func() {
				if err := d.Close(); err != nil {
					t.Error(err)
				}
			}()
			dstest.SubtestAll(t, d)
		},
	}}
	testing.Main(matchString, tests, nil, nil)
	return nil
}

func matchString(pat, str string) (bool, error) {
	return regexp.MatchString(pat, str)
}
