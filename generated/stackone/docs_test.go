package stackone_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// seedPage is the vendor SDK's Markdown page for ConnectSessionCreate, kept
// next to the repository (../shared/seed from its root).
const seedPage = "../../../shared/seed/000_431b75d6b5a1a26a.txt"

type docRow struct {
	field, typ, required, description, example string
}

// parseModelPage reads a model page: its title, its section headings and
// the rows of the Fields table.
func parseModelPage(t *testing.T, path string) (title string, headings []string, header []string, rows []docRow) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "# "):
			title = strings.TrimPrefix(line, "# ")
		case strings.HasPrefix(line, "## "):
			headings = append(headings, strings.TrimPrefix(line, "## "))
		case strings.HasPrefix(line, "|"):
			cells := splitRow(line)
			switch {
			case header == nil:
				header = cells
			case strings.Trim(strings.Join(cells, ""), "- ") == "":
				// the separator row
			case len(cells) != 5:
				t.Fatalf("%s: row with %d cells: %s", path, len(cells), line)
			default:
				rows = append(rows, docRow{strings.Trim(cells[0], "`"), cells[1], cells[2], cells[3], cells[4]})
			}
		}
	}
	return title, headings, header, rows
}

// splitRow splits a table row at unescaped pipes and trims the cells.
func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// TestConnectSessionCreatePageMatchesSeed: our page has the seed's layout
// and its rows correspond one to one (field, required marker, description,
// example); only the Type column differs, holding Go types.
func TestConnectSessionCreatePageMatchesSeed(t *testing.T) {
	seedTitle, seedHeadings, seedHeader, seedRows := parseModelPage(t, seedPage)
	title, headings, header, rows := parseModelPage(t, "docs/models/connectsessioncreate.md")
	if title != seedTitle || title != "ConnectSessionCreate" {
		t.Errorf("title %q, seed %q", title, seedTitle)
	}
	if !reflect.DeepEqual(headings, seedHeadings) {
		t.Errorf("headings %q, seed %q", headings, seedHeadings)
	}
	if want := []string{"Field", "Type", "Required", "Description", "Example"}; !reflect.DeepEqual(header, want) || !reflect.DeepEqual(seedHeader, want) {
		t.Errorf("table header %q, seed %q", header, seedHeader)
	}
	if len(seedRows) != 8 {
		t.Fatalf("the seed has %d rows, want 8", len(seedRows))
	}
	if len(rows) != len(seedRows) {
		t.Fatalf("%d rows, the seed has %d", len(rows), len(seedRows))
	}
	goTypes := map[string]string{
		"account_id":        "oas.Nullable[*string*]",
		"categories":        "oas.Nullable[[]oas.Nullable[[ConnectSessionCreateCategories](connectsessioncreatecategories.md)]]",
		"expires_in":        "oas.Nullable[*float64*]",
		"metadata":          "oas.Nullable[*json.RawMessage*]",
		"origin_owner_id":   "*string*",
		"origin_owner_name": "*string*",
		"origin_username":   "oas.Nullable[*string*]",
		"provider":          "oas.Nullable[*string*]",
	}
	for i, seed := range seedRows {
		got := rows[i]
		if got.field != seed.field || got.required != seed.required || got.description != seed.description || got.example != seed.example {
			t.Errorf("row %d:\n got %+v\nseed %+v", i, got, seed)
		}
		if got.typ != goTypes[got.field] {
			t.Errorf("row %d (%s): type %q, want the Go type %q", i, got.field, got.typ, goTypes[got.field])
		}
		if got.required != ":heavy_check_mark:" && got.required != ":heavy_minus_sign:" {
			t.Errorf("row %d: required marker %q", i, got.required)
		}
	}
	// Every page the Type column links to exists.
	for _, r := range rows {
		if i := strings.Index(r.typ, "]("); i >= 0 {
			target := r.typ[i+2 : strings.Index(r.typ[i:], ")")+i]
			if _, err := os.Stat("docs/models/" + target); err != nil {
				t.Errorf("%s links to a missing page: %v", r.field, err)
			}
		}
	}
}
