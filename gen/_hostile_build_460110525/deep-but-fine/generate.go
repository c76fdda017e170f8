package hostile

//go:generate go run github.com/oasgen/oasgen/cmd/gen generate
