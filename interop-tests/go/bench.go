package main

// The bench command: go-ds-flatfs's side of `jds bench` (org.jds.bench). Each call runs one
// workload on one store and times it here, inside Go, so that process start and the pipe to Java
// are not measured. Keys and values follow the rules the Java side mirrors (org.jds.bench.Data):
// key i of seed s is "/CIQ" plus 52 base32 letters taken from genValue(52, s<<32|i), and put
// number i writes value i%64 of a ring of 64 genValue(size, 1000+j) values.
//
//	go-harness bench OP DIR N [--size S] [--writers W] [--sync] [--seed K] [--reps R] [--batch B]
//
// OP is put, batch, get, has-hit, has-miss, getsize, query, open or delete. put and batch create
// the store (next-to-last/2); the others open the store a put made with the same N and seed.
// Prints one JSON line {"workload","ops","seconds","samples","heapBytes"}: ops per repetition,
// seconds of all repetitions, the seconds of each repetition, and (open) the heap the open kept.

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"runtime"
	"strconv"
	"sync"
	"time"

	ds "github.com/ipfs/go-datastore"
	"github.com/ipfs/go-datastore/query"
	flatfs "github.com/ipfs/go-ds-flatfs"
)

const benchUsage = `usage: go-harness bench OP DIR N [--size S] [--writers W] [--sync] [--seed K] [--reps R] [--batch B]
OP: put batch get has-hit has-miss getsize query open delete`

// ring is how many distinct values the puts cycle through (the same on the Java side).
const ring = 64

type benchArgs struct {
	op, dir          string
	n, size, writers int
	reps, batch      int
	seed             uint64
	sync             bool
}

type benchResult struct {
	Workload  string    `json:"workload"`
	Ops       int       `json:"ops"`
	Seconds   float64   `json:"seconds"`
	Samples   []float64 `json:"samples"`
	HeapBytes int64     `json:"heapBytes"`
}

func benchKey(seed uint64, i int) ds.Key {
	const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := genValue(52, seed<<32|uint64(i))
	s := make([]byte, 0, 56)
	s = append(s, "/CIQ"...)
	for _, c := range b {
		s = append(s, abc[c&31])
	}
	return ds.RawKey(string(s))
}

func parseBench(args []string) (*benchArgs, error) {
	a := &benchArgs{size: 4096, writers: 1, reps: 1, batch: 1000, seed: 1}
	var pos []string
	for i := 0; i < len(args); i++ {
		flag := args[i]
		if flag == "--sync" {
			a.sync = true
			continue
		}
		if len(flag) < 2 || flag[:2] != "--" {
			pos = append(pos, flag)
			continue
		}
		if i+1 >= len(args) {
			return nil, fmt.Errorf("%s needs a value\n%s", flag, benchUsage)
		}
		v, err := strconv.ParseUint(args[i+1], 10, 63)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %v", flag, args[i+1], err)
		}
		i++
		switch flag {
		case "--size":
			a.size = int(v)
		case "--writers":
			a.writers = int(v)
		case "--seed":
			a.seed = v
		case "--reps":
			a.reps = int(v)
		case "--batch":
			a.batch = int(v)
		default:
			return nil, fmt.Errorf("unknown flag %s\n%s", flag, benchUsage)
		}
	}
	if len(pos) != 3 || a.writers < 1 || a.reps < 1 || a.batch < 1 {
		return nil, fmt.Errorf("%s", benchUsage)
	}
	n, err := strconv.Atoi(pos[2])
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad N %q\n%s", pos[2], benchUsage)
	}
	a.op, a.dir, a.n = pos[0], pos[1], n
	return a, nil
}

func cmdBench(args []string) error {
	a, err := parseBench(args)
	if err != nil {
		return err
	}
	keys := make([]ds.Key, a.n)
	for i := range keys {
		keys[i] = benchKey(a.seed, i)
	}
	res := benchResult{Workload: a.op, Ops: a.n}
	for r := 0; r < a.reps; r++ {
		sec, heap, err := benchOnce(a, keys)
		if err != nil {
			return fmt.Errorf("bench %s: %v", a.op, err)
		}
		res.Samples = append(res.Samples, sec)
		res.Seconds += sec
		res.HeapBytes = heap
	}
	line, err := json.Marshal(res)
	if err != nil {
		return err
	}
	fmt.Println(string(line))
	return nil
}

// benchOnce runs one repetition and returns its seconds (and, for open, the heap it retained).
func benchOnce(a *benchArgs, keys []ds.Key) (float64, int64, error) {
	ctx := context.Background()
	switch a.op {
	case "put", "batch":
		shard, err := flatfs.ParseShardFunc("/repo/flatfs/shard/v1/next-to-last/2")
		if err != nil {
			return 0, 0, err
		}
		fs, err := flatfs.CreateOrOpen(a.dir, shard, a.sync)
		if err != nil {
			return 0, 0, err
		}
		values := make([][]byte, ring)
		for j := range values {
			values[j] = genValue(a.size, uint64(1000+j))
		}
		t0 := time.Now()
		if a.op == "put" {
			err = parallel(len(keys), a.writers, func(i int) error { return fs.Put(ctx, keys[i], values[i%ring]) })
		} else {
			err = batched(ctx, fs, keys, values, a.batch)
		}
		sec := time.Since(t0).Seconds()
		if err != nil {
			return 0, 0, err
		}
		return sec, 0, fs.Close()
	case "open":
		before := heapInUse()
		t0 := time.Now()
		fs, err := flatfs.Open(a.dir, false)
		if err != nil {
			return 0, 0, err
		}
		sec := time.Since(t0).Seconds()
		heap := heapInUse() - before
		runtime.KeepAlive(fs)
		return sec, heap, fs.Close()
	}
	fs, err := flatfs.Open(a.dir, a.sync)
	if err != nil {
		return 0, 0, err
	}
	order := rand.New(rand.NewSource(int64(a.seed))).Perm(len(keys))
	var op func(i int) error
	switch a.op {
	case "get":
		op = func(i int) error { _, err := fs.Get(ctx, keys[order[i]]); return err }
	case "getsize":
		op = func(i int) error { _, err := fs.GetSize(ctx, keys[order[i]]); return err }
	case "has-hit", "has-miss":
		want := a.op == "has-hit"
		var miss []ds.Key
		if !want {
			miss = make([]ds.Key, len(keys))
			for i := range miss {
				miss[i] = benchKey(a.seed+1_000_000, i)
			}
		}
		op = func(i int) error {
			k := keys[order[i]]
			if !want {
				k = miss[i]
			}
			ok, err := fs.Has(ctx, k)
			if err == nil && ok != want {
				err = fmt.Errorf("has(%s) = %v", k, ok)
			}
			return err
		}
	case "delete":
		op = func(i int) error { return fs.Delete(ctx, keys[order[i]]) }
	case "query":
		t0 := time.Now()
		n, err := countKeys(ctx, fs)
		sec := time.Since(t0).Seconds()
		if err == nil && n != len(keys) {
			err = fmt.Errorf("query returned %d of %d keys", n, len(keys))
		}
		if err != nil {
			return 0, 0, err
		}
		return sec, 0, fs.Close()
	default:
		return 0, 0, fmt.Errorf("unknown op %q\n%s", a.op, benchUsage)
	}
	t0 := time.Now()
	err = parallel(len(keys), a.writers, op)
	sec := time.Since(t0).Seconds()
	if err != nil {
		return 0, 0, err
	}
	return sec, 0, fs.Close()
}

// parallel runs op over 0..n-1, striped across w goroutines; the first error wins.
func parallel(n, w int, op func(i int) error) error {
	if w == 1 {
		for i := 0; i < n; i++ {
			if err := op(i); err != nil {
				return err
			}
		}
		return nil
	}
	var wg sync.WaitGroup
	errs := make([]error, w)
	for t := 0; t < w; t++ {
		wg.Add(1)
		go func(t int) {
			defer wg.Done()
			for i := t; i < n; i += w {
				if err := op(i); err != nil {
					errs[t] = err
					return
				}
			}
		}(t)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func batched(ctx context.Context, fs *flatfs.Datastore, keys []ds.Key, values [][]byte, per int) error {
	for start := 0; start < len(keys); start += per {
		b, err := fs.Batch(ctx)
		if err != nil {
			return err
		}
		for i := start; i < len(keys) && i < start+per; i++ {
			if err := b.Put(ctx, keys[i], values[i%ring]); err != nil {
				return err
			}
		}
		if err := b.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

func countKeys(ctx context.Context, fs *flatfs.Datastore) (int, error) {
	res, err := fs.Query(ctx, query.Query{KeysOnly: true})
	if err != nil {
		return 0, err
	}
	defer res.Close()
	n := 0
	for r := range res.Next() {
		if r.Error != nil {
			return n, r.Error
		}
		n++
	}
	return n, nil
}

// heapInUse is the live heap after a full collection.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
