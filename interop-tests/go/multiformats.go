package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"

	cid "github.com/ipfs/go-cid"
	mb "github.com/multiformats/go-multibase"
	mh "github.com/multiformats/go-multihash"
)

// cmdMultiformats answers one request per stdin line with one line "ok<TAB>VALUE" or
// "err<TAB>MESSAGE", computed by go-cid, go-multihash and go-multibase:
//
//	mh CODE LEN HEX                  multihash of the bytes (LEN -1: full digest), hex
//	cid 0 - - - HEX                  CIDv0 of the bytes' sha2-256, its String()
//	cid 1 CODEC MHCODE BASE HEX      CIDv1 of the bytes' multihash, in the named multibase
//	mb BASE HEX                      multibase string of the bytes
//	mbdec STRING                     the bytes a multibase string decodes to, hex
//	cidparse STRING                  "VERSION CODEC MULTIHASH-HEX" of a parsed CID
//
// Fields are separated by single spaces; codes are decimal; an empty HEX is the empty input.
func cmdMultiformats(args []string) error {
	if len(args) != 0 {
		return fmt.Errorf("%s", usage)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	w := bufio.NewWriter(os.Stdout)
	for sc.Scan() {
		v, err := answer(strings.Split(sc.Text(), " "))
		if err != nil {
			fmt.Fprintf(w, "err\t%s\n", strings.ReplaceAll(err.Error(), "\n", " "))
		} else {
			fmt.Fprintf(w, "ok\t%s\n", v)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return w.Flush()
}

func answer(f []string) (string, error) {
	last := func() ([]byte, error) { return hex.DecodeString(f[len(f)-1]) }
	switch {
	case f[0] == "mh" && len(f) == 4:
		code, length, err := codeAndLen(f[1], f[2])
		if err != nil {
			return "", err
		}
		data, err := last()
		if err != nil {
			return "", err
		}
		m, err := mh.Sum(data, code, length)
		if err != nil {
			return "", err
		}
		return hex.EncodeToString(m), nil
	case f[0] == "cid" && len(f) == 6:
		data, err := last()
		if err != nil {
			return "", err
		}
		if f[1] == "0" {
			m, err := mh.Sum(data, mh.SHA2_256, -1)
			if err != nil {
				return "", err
			}
			return cid.NewCidV0(m).String(), nil
		}
		codec, err := strconv.ParseUint(f[2], 10, 64)
		if err != nil {
			return "", err
		}
		code, _, err := codeAndLen(f[3], "-1")
		if err != nil {
			return "", err
		}
		m, err := mh.Sum(data, code, -1)
		if err != nil {
			return "", err
		}
		enc, err := mb.EncoderByName(f[4])
		if err != nil {
			return "", err
		}
		return cid.NewCidV1(codec, m).Encode(enc), nil
	case f[0] == "mb" && len(f) == 3:
		data, err := last()
		if err != nil {
			return "", err
		}
		enc, err := mb.EncoderByName(f[1])
		if err != nil {
			return "", err
		}
		return enc.Encode(data), nil
	case f[0] == "mbdec" && len(f) == 2:
		_, data, err := mb.Decode(f[1])
		if err != nil {
			return "", err
		}
		return hex.EncodeToString(data), nil
	case f[0] == "cidparse" && len(f) == 2:
		c, err := cid.Decode(f[1])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d %d %s", c.Version(), c.Type(), hex.EncodeToString(c.Hash())), nil
	}
	return "", fmt.Errorf("bad request %q", strings.Join(f, " "))
}

func codeAndLen(code, length string) (uint64, int, error) {
	c, err := strconv.ParseUint(code, 10, 64)
	if err != nil {
		return 0, 0, err
	}
	l, err := strconv.Atoi(length)
	return c, l, err
}
