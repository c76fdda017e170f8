package oasimpl

// FoldIndex is encoding/json's case-insensitive fallback for an object key
// no field name matched exactly: the index of the first of folded (field
// names folded by FoldName, in field order) equal to the key folded by
// FoldKey, or -1. A table instead of a second string switch per struct:
// the fallback only runs for unknown members, and the switch cost as much
// to compile as the exact one.
func FoldIndex(key []byte, folded ...string) int {
	var buf [64]byte
	k := FoldKey(buf[:0], key)
	for i, f := range folded {
		if f == string(k) {
			return i
		}
	}
	return -1
}
