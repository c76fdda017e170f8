// This file is hand-written (it has no generated header), so regeneration
// never touches it. Every *.gen.go file (here and in raw/, oapi-codegen's
// low-level client) and docs/models/*.md is generated:
// edit the spec, then run `go generate ./...` from the repository root.
// The package doc comment is generated too, in doc.gen.go; this comment is
// kept apart from the package clause by a blank line so that it is not.

package stackone

//go:generate go run ../../cmd/gen generate -config ../../spec/gen.yaml
