package emit

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/oasgen/oasgen/gen/plan"
)

// genDocs renders docs/models/<lowercased name>.md for every component
// schema, in the layout of the vendor SDK's model pages: a title, a Fields
// section and a table Field | Type | Required | Description | Example.
func genDocs(m *plan.Model) []File {
	var files []File
	for _, t := range m.Types {
		if !t.Docs {
			continue
		}
		files = append(files, File{Path: "docs/models/" + t.DocFile() + ".md", Content: genDoc(t)})
	}
	return files
}

func genDoc(t *plan.Type) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", t.Name)
	if d := cleanText(t.Doc); d != "" {
		fmt.Fprintf(&b, "%s\n\n", mdLine(d))
	}
	switch t.Kind {
	case plan.KindStruct:
		b.WriteString("## Fields\n\n")
		b.WriteString("| Field | Type | Required | Description | Example |\n")
		b.WriteString("| ----- | ---- | -------- | ----------- | ------- |\n")
		for _, fl := range t.Fields {
			req := ":heavy_minus_sign:"
			if fl.Required {
				req = ":heavy_check_mark:"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", mdCell(fl.JSONName), typeCell(fl), req, mdCell(cleanText(fl.Doc)), exampleCell(fl.Example))
		}
	case plan.KindEnum:
		if t.Enum.Open {
			b.WriteString("Open enum: values outside this list are kept when decoding and pass `Validate`; `IsKnown` tells them apart.\n\n")
		} else {
			b.WriteString("Values outside this list are kept when decoding (`IsKnown` tells them apart) and reported by `Validate`.\n\n")
		}
		b.WriteString("## Values\n\n| Name | Value |\n| ---- | ----- |\n")
		for _, v := range t.Enum.Values {
			fmt.Fprintf(&b, "| `%s` | `%s` |\n", v.Name, mdCell(jsonNum(v.Value)))
		}
	case plan.KindAlias:
		fmt.Fprintf(&b, "Type: %s\n", mdType(t.Elem))
	case plan.KindUnion:
		b.WriteString("## Variants\n\n")
		for _, v := range t.Union.Variants {
			fmt.Fprintf(&b, "- %s\n", mdType(v.Type))
		}
	}
	return []byte(b.String())
}

// typeCell is the Go type of a field, with named types linked to their page.
func typeCell(fl *plan.Field) string {
	inner := mdType(fl.Type)
	if w, ok := fl.Wrap.Ident(); ok {
		return generic(w, inner)
	}
	return inner
}

func mdType(r *plan.Ref) string {
	var s string
	switch r.Kind {
	case plan.RefNamed:
		s = "[" + r.Named.Name + "](" + strings.ToLower(r.Named.Name) + ".md)"
		if !r.Named.Docs {
			s = r.Named.Name
		}
		if r.Pointer {
			s = "\\*" + s
		}
	case plan.RefSlice:
		s = "[]" + mdType(r.Elem)
	case plan.RefMap:
		s = "map[string]" + mdType(r.Elem)
	case plan.RefExternal:
		s = "`" + r.GoText + "`"
	default:
		text := string(r.Builtin) // []byte, and "" for a value of no known type
		if id, ok := r.Builtin.Ident(); ok && r.Builtin != plan.NoneType {
			text = id.Qualified()
		}
		s = "*" + text + "*"
	}
	if r.Nullable {
		return generic(plan.NullableIdent, s)
	}
	return s
}

// generic is the text of a generic type instantiated with the type whose
// text is arg: "oas.Opt[" + arg + "]".
func generic(id plan.GoIdent, arg string) string { return id.Qualified() + "[" + arg + "]" }

// exampleCell shows an example as JSON, except that a string is shown as
// its text, as the vendor's pages do.
func exampleCell(js string) string {
	if js == "" {
		return ""
	}
	var s string
	if json.Unmarshal([]byte(js), &s) == nil {
		js = s
	}
	return mdCell(cleanText(js))
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	s = strings.ReplaceAll(s, "\n", " ")
	return s
}

func mdLine(s string) string { return strings.ReplaceAll(s, "\n", "  \n") }
