package gen

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/oasgen/oasgen/gen/load"
	"github.com/oasgen/oasgen/gen/write"
)

func writeFile(t testing.TB, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// multiFile is a spec split over three files, one in a subdirectory. (No
// client: oapi-codegen wants import mappings for external refs.)
func multiFile(t *testing.T) (dir string, job Job) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, "api", "openapi.yaml"), `openapi: 3.0.3
info: {title: Pets, version: "1.0"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "schemas/pet.yaml#/Pet"}
components:
  schemas:
    Owner:
      $ref: './schemas/owner.json#/Owner'
`)
	writeFile(t, filepath.Join(dir, "api", "schemas", "pet.yaml"), `Pet:
  type: object
  required: [name]
  properties:
    name: {type: string, description: The pet's name}
    owner:
      $ref: "owner.json#/Owner"
`)
	writeFile(t, filepath.Join(dir, "api", "schemas", "owner.json"), `{"Owner": {"type": "object", "properties": {"id": {"type": "string"}}}}`)
	return dir, Job{Spec: filepath.Join(dir, "api", "openapi.yaml"), Package: "pets", Output: filepath.Join(dir, "pets"), Docs: true}
}

// TestQuickDigestMatchesTheLoader: the no-op check's digest is the one a
// full load records, files it $refs included.
func TestQuickDigestMatchesTheLoader(t *testing.T) {
	_, j := multiFile(t)
	s, err := load.Load(j.Spec, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	quick, err := load.Digest(j.Spec, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if quick != s.Digest {
		t.Fatalf("quick digest %s, the loader's %s", quick, s.Digest)
	}
	if len(s.Files) != 3 {
		t.Errorf("want 3 files, got %q", s.Files)
	}
}

func TestNoopGenerateRendersNothing(t *testing.T) {
	dir, j := multiFile(t)
	opts := Options{CacheDir: filepath.Join(dir, "cache")}
	rs, err := GenerateWith([]Job{j}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].UpToDate || len(rs[0].Changes) == 0 {
		t.Fatalf("first run: UpToDate=%v, %d changes", rs[0].UpToDate, len(rs[0].Changes))
	}
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	files, _ := write.Scan(j.Output)
	for _, f := range files {
		os.Chtimes(filepath.Join(j.Output, f.Path), old, old)
	}

	rs, err = GenerateWith([]Job{j}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !rs[0].UpToDate || rs[0].Files != nil || len(rs[0].Changes) != 0 {
		t.Fatalf("second run was not a no-op: UpToDate=%v, %d files rendered", rs[0].UpToDate, len(rs[0].Files))
	}
	for _, f := range files {
		st, err := os.Stat(filepath.Join(j.Output, f.Path))
		if err != nil || !st.ModTime().Equal(old) {
			t.Errorf("%s touched by a no-op run", f.Path)
		}
	}

	// A development build without its memo cannot vouch for itself.
	if rs, _ := GenerateWith([]Job{j}, Options{}); rs[0].UpToDate {
		t.Error("no-op without a memo in a development build")
	}

	// Editing a file the spec $refs is a change, found without the loader.
	owner := filepath.Join(dir, "api", "schemas", "owner.json")
	writeFile(t, owner, `{"Owner": {"type": "object", "properties": {"id": {"type": "string", "description": "new"}}}}`)
	rs, err = Check([]Job{j}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].UpToDate || len(rs[0].Changes) == 0 {
		t.Fatal("a change in a $ref'd file went unnoticed")
	}
	if len(rs[0].Causes) == 0 || !strings.HasPrefix(rs[0].Causes[0], "spec changed") {
		t.Errorf("causes: %q", rs[0].Causes)
	}
}

func TestOutputDoesNotDependOnLocation(t *testing.T) {
	_, j1 := multiFile(t)
	_, j2 := multiFile(t)
	r1, err := Render(j1)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Render(j2)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Fingerprint != r2.Fingerprint || len(r1.Files) != len(r2.Files) {
		t.Fatalf("fingerprints differ between checkouts: %v vs %v", r1.Fingerprint, r2.Fingerprint)
	}
	for i := range r1.Files {
		if string(r1.Files[i].Content) != string(r2.Files[i].Content) {
			t.Errorf("%s differs between checkouts", r1.Files[i].Path)
		}
	}
	for _, f := range r1.Files {
		if src, ok := write.Source(f.Content); !ok || src != "../api/openapi.yaml" {
			t.Errorf("%s: header names %q (ok=%v)", f.Path, src, ok)
		}
		if f.Path == write.ManifestName {
			if m, ok := write.ParseManifest(f.Content); !ok || m.Fingerprint != r1.Fingerprint {
				t.Errorf("manifest records %+v (ok=%v), want %v", m.Fingerprint, ok, r1.Fingerprint)
			}
		}
	}
}

// BenchmarkStripe compares a full generation of the largest corpus spec
// (render everything, compare with disk; nothing to write) with a no-op run
// that trusts the fingerprints.
func BenchmarkStripe(b *testing.B) {
	spec := filepath.Join("..", "..", "shared", "specs", "stripe-spec3-2022-04.json")
	if _, err := os.Stat(spec); err != nil {
		b.Skipf("corpus spec not available: %v", err)
	}
	dir := b.TempDir()
	j := Job{Spec: spec, Package: "stripe", Output: filepath.Join(dir, "stripe"), Client: true, Docs: true, ImportPath: "example.com/stripe"}
	opts := Options{CacheDir: filepath.Join(dir, "cache")}
	if _, err := GenerateWith([]Job{j}, opts); err != nil {
		b.Fatal(err)
	}
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			if _, err := GenerateWith([]Job{j}, Options{Force: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("noop", func(b *testing.B) {
		for b.Loop() {
			rs, err := GenerateWith([]Job{j}, opts)
			if err != nil || !rs[0].UpToDate {
				b.Fatalf("not a no-op: %v", err)
			}
		}
	})
}

func TestToolchainFromBuildInfo(t *testing.T) {
	dep := func(path, version string, replace *debug.Module) *debug.Module {
		return &debug.Module{Path: path, Version: version, Replace: replace}
	}
	libs := []*debug.Module{
		dep("github.com/getkin/kin-openapi", "v0.153.0", nil),
		dep("github.com/oapi-codegen/oapi-codegen/v2", "v2.8.2", nil),
		dep("github.com/dave/jennifer", "v1.7.1", nil),
	}
	consumer := func(self *debug.Module, extra ...*debug.Module) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "example.com/app", Version: "(devel)"}, Deps: append(append([]*debug.Module{self}, libs...), extra...)}
	}
	released := toolchainFrom(consumer(dep(modulePath, "v0.3.1", nil)))
	if !released.Released || !strings.HasPrefix(released.ID, "v0.3.1+") {
		t.Errorf("released dependency: %+v", released)
	}
	newerLib := toolchainFrom(&debug.BuildInfo{Main: debug.Module{Path: "example.com/app"}, Deps: []*debug.Module{
		dep(modulePath, "v0.3.1", nil), dep("github.com/getkin/kin-openapi", "v0.160.0", nil), libs[1], libs[2]}})
	if newerLib.ID == released.ID {
		t.Error("a newer kin-openapi did not change the toolchain ID")
	}
	for name, bi := range map[string]*debug.BuildInfo{
		"this module":     {Main: debug.Module{Path: modulePath, Version: "v0.0.0-20261126010203-abcdefabcdef"}},
		"replaced by dir": consumer(dep(modulePath, "v0.0.0-00010101000000-000000000000", &debug.Module{Path: "../oasgen"})),
		"dirty":           consumer(dep(modulePath, "v0.3.2-0.20261126010203-abcdefabcdef+dirty", nil)),
		"not a dep":       {Main: debug.Module{Path: "example.com/app"}},
	} {
		if tc := toolchainFrom(bi); tc.Released || tc.ID != Version {
			t.Errorf("%s: %+v, want a development build with ID %s", name, tc, Version)
		}
	}
}

// TestConflictInOneJobWritesNothing: with two jobs, a hand-written file in
// the second job's way must stop the first from writing too.
func TestConflictInOneJobWritesNothing(t *testing.T) {
	dir, j1 := multiFile(t)
	j2 := j1
	j2.Output = filepath.Join(dir, "second")
	writeFile(t, filepath.Join(j2.Output, "model_pet.gen.go"), "package pets\n\n// Pet is mine.\ntype Pet struct{}\n")
	_, err := GenerateWith([]Job{j1, j2}, Options{})
	if !IsInputError(err) || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Fatalf("err = %v, want a conflict", err)
	}
	if _, err := os.Stat(j1.Output); !os.IsNotExist(err) {
		t.Errorf("the first job wrote %s although the second conflicts (%v)", j1.Output, err)
	}
}
