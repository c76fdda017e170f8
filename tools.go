//go:build tools

// Package tools pins the generator as a module dependency, the classic way:
// a consuming repo copies this file so that `go run
// github.com/oasgen/oasgen/cmd/gen` uses the version in its go.mod. With Go
// 1.24+ prefer `go get -tool github.com/oasgen/oasgen/cmd/gen` and
// `go tool gen` (see README.md).
package tools

import (
	_ "github.com/oasgen/oasgen/cmd/gen"
)
