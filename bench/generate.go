package bench

// The peers' code for the same spec, regenerated with the pinned tools
// (see the tool lines in go.mod):
//go:generate go tool ogen --target ogen --package ogen --clean ../spec/connect_session.yaml
//go:generate sh -c "go tool oapi-codegen -generate types,client -package oapi ../spec/connect_session.yaml > oapi/oapi.gen.go"
