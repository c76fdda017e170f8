package gen

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/oasgen/oasgen/gen/write"
)

// modulePath is this module's path, looked up in build info to tell a
// released toolchain from a development build.
const modulePath = "github.com/oasgen/oasgen"

// configDigest digests every job setting that shapes the output, plus the
// template overrides. Paths are left out (they depend on where the command
// runs; the spec path the files name is in their header), and so are
// settings that only decide whether generation fails.
func configDigest(j Job, templatesDigest string) string {
	j.Spec, j.Output, j.TemplatesDir = "", "", ""
	j.Strict, j.AllowRemoteRefs = false, false
	settings, err := json.Marshal(j)
	if err != nil {
		panic(err) // Job holds plain values only
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00templates=%s", settings, templatesDigest)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// Toolchain identifies the generator. ID goes in fingerprints. Released is
// true when this build is a tagged or pseudo-versioned release of the
// module used as a dependency, whose code therefore cannot change under the
// same ID; a development build (this repository, a replace directive) can
// change without the ID changing, so its no-op checks also need a record of
// what this very executable produced (see Options.CacheDir).
type Toolchain struct {
	ID       string
	Released bool
}

// CurrentToolchain reads the running binary's build information.
func CurrentToolchain() Toolchain {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Toolchain{ID: Version}
	}
	return toolchainFrom(bi)
}

func toolchainFrom(bi *debug.BuildInfo) Toolchain {
	if bi.Main.Path == modulePath {
		return Toolchain{ID: Version}
	}
	var self *debug.Module
	for _, d := range bi.Deps {
		if d.Path == modulePath {
			self = d
		}
	}
	if self == nil {
		return Toolchain{ID: Version}
	}
	m := *self
	if m.Replace != nil {
		m = *m.Replace
	}
	if m.Version == "" || m.Version == "(devel)" || strings.Contains(m.Version, "+dirty") {
		return Toolchain{ID: Version}
	}
	// The libraries that shape the output, at the versions the consuming
	// module resolved (which may be newer than ours).
	h := sha256.New()
	for _, d := range bi.Deps {
		switch d.Path {
		case "github.com/getkin/kin-openapi", "github.com/oapi-codegen/oapi-codegen/v2", "github.com/dave/jennifer":
			v := d.Version
			if d.Replace != nil {
				v = d.Replace.Path + "@" + d.Replace.Version
			}
			fmt.Fprintf(h, "%s@%s\n", d.Path, v)
		}
	}
	return Toolchain{ID: m.Version + "+" + hex.EncodeToString(h.Sum(nil))[:8], Released: true}
}

// executableDigest identifies a development build: by the Go build ID the
// linker stores in an ELF note (a content hash of the build, cheap to read),
// else by hashing the executable's bytes.
func executableDigest() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if ef, err := elf.Open(exe); err == nil {
		defer ef.Close()
		if sec := ef.Section(".note.go.buildid"); sec != nil {
			if data, err := sec.Data(); err == nil && len(data) > 16 {
				return "buildid:" + string(data), nil
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// memo records, under a cache directory, that a development build wrote a
// given set of files for given inputs: the key covers the executable, the
// header (inputs and output digest) and nothing else, so a hit proves that
// a full run would write exactly what is on disk.
type memo struct {
	dir string // "" disables it
	exe string
}

func (m memo) path(source string, fp write.Fingerprint) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", m.exe, source, fp)
	return filepath.Join(m.dir, "noop-v1", hex.EncodeToString(h.Sum(nil)))
}

func (m memo) has(source string, fp write.Fingerprint) bool {
	if m.dir == "" || m.exe == "" {
		return false
	}
	p := m.path(source, fp)
	if _, err := os.Stat(p); err != nil {
		return false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now) // still in use: keep it through pruning
	return true
}

// memoMax and memoMaxAge bound the memo: past memoMax entries, those unused for
// memoMaxAge are removed (each development build leaves its own).
const (
	memoMax    = 1000
	memoMaxAge = 30 * 24 * time.Hour
)

// record is best effort: without it the next run is merely slower.
func (m memo) record(source string, fp write.Fingerprint) {
	if m.dir == "" || m.exe == "" {
		return
	}
	p := m.path(source, fp)
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil || os.WriteFile(p, nil, 0o644) != nil {
		return
	}
	entries, err := os.ReadDir(filepath.Dir(p))
	if err != nil || len(entries) <= memoMax {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > memoMaxAge {
			_ = os.Remove(filepath.Join(filepath.Dir(p), e.Name()))
		}
	}
}
