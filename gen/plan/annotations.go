package plan

// Annotations: what a schema says about itself (description, title,
// example, default), looked up through describing allOf members.

import (
	"encoding/json"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// docOf is the description of s, or of a describing member of its allOf
// (allOf: [{$ref: X}, {description: ...}] documents the use), else a title.
func docOf(s *openapi3.Schema) string {
	for _, a := range annotations(s) {
		if a.Description != "" {
			return a.Description
		}
	}
	for _, a := range annotations(s) {
		if a.Title != "" {
			return a.Title
		}
	}
	return ""
}

// annotated reports whether s or a describing member of its allOf has the
// flag (deprecated, readOnly, writeOnly).
func annotated(s *openapi3.Schema, flag func(*openapi3.Schema) bool) bool {
	for _, a := range annotations(s) {
		if flag(a) {
			return true
		}
	}
	return false
}

// exampleOf is s's example as JSON, its numbers as the spec writes them.
func (p *planner) exampleOf(s *openapi3.Schema) string {
	for _, a := range annotations(s) {
		if a.Example != nil {
			return jsonOf(p.spec.Exact(a, "example", a.Example))
		}
		if len(a.Examples) > 0 {
			if ex, ok := p.spec.Exact(a, "examples", a.Examples).([]any); ok && len(ex) > 0 {
				return jsonOf(ex[0])
			}
			return jsonOf(a.Examples[0])
		}
	}
	return ""
}

// defaultOf is s's default (or a describing allOf member's), its numbers
// as the spec writes them (json.Number), and the schema that holds it; or
// nil.
func (p *planner) defaultOf(s *openapi3.Schema) (any, *openapi3.Schema) {
	for _, a := range annotations(s) {
		if a.Default != nil {
			return p.spec.Exact(a, "default", a.Default), a
		}
	}
	return nil, nil
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
