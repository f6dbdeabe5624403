// Command notecheck verifies a checkpoint with Go's golang.org/x/mod/sumdb/note and
// recomputes its root with golang.org/x/mod/sumdb/tlog.
//
// Usage: notecheck [-cosigner WITNESS-KEY]... VERIFIER-KEY NOTE-FILE [LEAF-DATA-FILE]
//
// LEAF-DATA-FILE holds one record per line, hex-encoded. The program prints the note's
// text, then "root ok" if the records' tree hash is the checkpoint's root at its size.
//
// sumdb/note knows only its own Ed25519 key type (0x01). Each -cosigner is a witness's
// verifier key of type 0x04 (C2SP tlog-cosignature, cosignature/v1), checked here by a
// note.Verifier of this program's own with crypto/ed25519; for each one whose cosignature
// verifies, the program prints "cosigned by NAME at TIMESTAMP" after the text.
package main

import (
	"bufio"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// cosigner verifies Ed25519 cosignature/v1 signatures: key ID, u64 timestamp, signature
// of "cosignature/v1\ntime <timestamp>\n" followed by the note's text.
type cosigner struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func (c *cosigner) Name() string    { return c.name }
func (c *cosigner) KeyHash() uint32 { return c.hash }
func (c *cosigner) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	header := fmt.Sprintf("cosignature/v1\ntime %d\n", binary.BigEndian.Uint64(sig[:8]))
	return ed25519.Verify(c.key, append([]byte(header), msg...), sig[8:])
}

func newCosigner(vkey string) (*cosigner, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return nil, fmt.Errorf("not a verifier key: %q", vkey)
	}
	data, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(data) != 1+ed25519.PublicKeySize || data[0] != 0x04 {
		return nil, fmt.Errorf("not a cosignature/v1 (0x04) Ed25519 key: %q", vkey)
	}
	id := sha256.Sum256(append([]byte(parts[0]+"\n"), data...))
	hash := binary.BigEndian.Uint32(id[:4])
	if fmt.Sprintf("%08x", hash) != parts[1] {
		return nil, fmt.Errorf("the key ID of %q does not match its name and key", vkey)
	}
	return &cosigner{parts[0], hash, ed25519.PublicKey(data[1:])}, nil
}

type cosignerKeys []string

func (k *cosignerKeys) String() string     { return strings.Join(*k, ",") }
func (k *cosignerKeys) Set(v string) error { *k = append(*k, v); return nil }

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func main() {
	var witnesses cosignerKeys
	flag.Var(&witnesses, "cosigner", "a witness's cosignature/v1 verifier key (repeatable)")
	flag.Parse()
	args := flag.Args()
	if len(args) < 2 {
		fail("usage: notecheck [-cosigner WITNESS-KEY]... VERIFIER-KEY NOTE-FILE [LEAF-DATA-FILE]")
	}
	verifier, err := note.NewVerifier(args[0])
	if err != nil {
		fail("verifier key: %v", err)
	}
	verifiers := []note.Verifier{verifier}
	for _, vkey := range witnesses {
		c, err := newCosigner(vkey)
		if err != nil {
			fail("cosigner key: %v", err)
		}
		verifiers = append(verifiers, c)
	}
	msg, err := os.ReadFile(args[1])
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifiers...))
	if err != nil {
		fail("open: %v", err)
	}
	fmt.Print(n.Text)
	for _, sig := range n.Sigs {
		if sig.Name == verifier.Name() && sig.Hash == verifier.KeyHash() {
			continue
		}
		raw, _ := base64.StdEncoding.DecodeString(sig.Base64)
		fmt.Printf("cosigned by %s at %d\n", sig.Name, binary.BigEndian.Uint64(raw[4:12]))
	}
	if len(args) < 3 {
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
	file, err := os.Open(args[2])
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
