package write

import (
	"fmt"
	"strings"
)

// Unified returns a unified diff of old and new (line based, 3 lines of
// context), headed by the two names.
func Unified(oldName, newName string, old, new []byte) string {
	a := splitLines(string(old))
	b := splitLines(string(new))
	ops := lineDiff(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	const ctx = 3
	// group ops into hunks
	i := 0
	for i < len(ops) {
		// find next change
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i >= len(ops) {
			break
		}
		start := max(i-ctx, 0)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			// run of equal lines
			j := end
			for j < len(ops) && ops[j].kind == ' ' {
				j++
			}
			if j == len(ops) || j-end > 2*ctx {
				end = min(end+ctx, len(ops))
				break
			}
			end = j
		}
		aStart, bStart := ops[start].a, ops[start].b
		aLen, bLen := 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", aStart+1, aLen, bStart+1, bLen)
		for _, op := range ops[start:end] {
			out.WriteByte(op.kind)
			out.WriteString(op.text)
			out.WriteByte('\n')
		}
		i = end
	}
	return out.String()
}

type diffOp struct {
	kind byte // ' ', '-', '+'
	text string
	a, b int // line indexes before this op
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

// lineDiff computes an edit script with the classic LCS table, trimming the
// common prefix and suffix first so large files with small changes are cheap.
func lineDiff(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	var ops []diffOp
	for i := 0; i < pre; i++ {
		ops = append(ops, diffOp{' ', a[i], i, i})
	}
	n, m := len(am), len(bm)
	if n*m > 25_000_000 {
		// Too big for a table: show it as a replacement.
		for i, l := range am {
			ops = append(ops, diffOp{'-', l, pre + i, pre})
		}
		for j, l := range bm {
			ops = append(ops, diffOp{'+', l, pre + n, pre + j})
		}
	} else {
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if am[i] == bm[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && am[i] == bm[j]:
				ops = append(ops, diffOp{' ', am[i], pre + i, pre + j})
				i++
				j++
			case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
				// Deletions first, as diff(1) and git print them.
				ops = append(ops, diffOp{'-', am[i], pre + i, pre + j})
				i++
			default:
				ops = append(ops, diffOp{'+', bm[j], pre + i, pre + j})
				j++
			}
		}
	}
	for k := 0; k < suf; k++ {
		ia, ib := len(a)-suf+k, len(b)-suf+k
		ops = append(ops, diffOp{' ', a[ia], ia, ib})
	}
	return ops
}

// FirstChangedLine returns the 1-based line of old where old and new first
// differ (for pointing an annotation at it), or 0 when they are equal.
func FirstChangedLine(old, new []byte) int {
	a, b := splitLines(string(old)), splitLines(string(new))
	for i := range a {
		if i >= len(b) || a[i] != b[i] {
			return i + 1
		}
	}
	if len(b) > len(a) {
		return max(len(a), 1)
	}
	return 0
}
