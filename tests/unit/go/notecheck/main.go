// Command notecheck verifies a checkpoint with Go's golang.org/x/mod/sumdb/note and
// recomputes its root with golang.org/x/mod/sumdb/tlog.
//
// Usage: notecheck VERIFIER-KEY NOTE-FILE [LEAF-DATA-FILE]
//
// LEAF-DATA-FILE holds one record per line, hex-encoded. The program prints the note's
// text, then "root ok" if the records' tree hash is the checkpoint's root at its size.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) < 3 {
		fail("usage: notecheck VERIFIER-KEY NOTE-FILE [LEAF-DATA-FILE]")
	}
	verifier, err := note.NewVerifier(os.Args[1])
	if err != nil {
		fail("verifier key: %v", err)
	}
	msg, err := os.ReadFile(os.Args[2])
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("open: %v", err)
	}
	fmt.Print(n.Text)
	if len(os.Args) < 4 {
		return
	}
	lines := strings.SplitN(n.Text, "\n", 4)
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("tree size: %v", err)
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		fail("root hash: %v", err)
	}
	file, err := os.Open(os.Args[3])
	if err != nil {
		fail("%v", err)
	}
	var hashes []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, index := range indexes {
			out[i] = hashes[index]
		}
		return out, nil
	})
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	var count int64
	for scanner.Scan() {
		data, err := hex.DecodeString(scanner.Text())
		if err != nil {
			fail("record %d: %v", count, err)
		}
		stored, err := tlog.StoredHashes(count, data, reader)
		if err != nil {
			fail("record %d: %v", count, err)
		}
		hashes = append(hashes, stored...)
		count++
	}
	if count != size {
		fail("%d records, but the checkpoint has %d", count, size)
	}
	computed, err := tlog.TreeHash(size, reader)
	if err != nil {
		fail("tree hash: %v", err)
	}
	if string(computed[:]) != string(root) {
		fail("root mismatch: tlog computes %s, the checkpoint says %s", computed, lines[2])
	}
	fmt.Println("root ok")
}
