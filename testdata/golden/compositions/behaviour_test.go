package compositions

// Compiled against the generated package by gen's TestEndToEnd.

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/oasgen/oasgen/oas"
)

// A wrapper that only describes its one member is that member: the union
// stays a union (it used to be an empty struct), the array, scalar, enum
// and struct keep their types, and nullable written in a describing member
// or next to a $ref makes the use nullable.
var (
	_ Pet                                                                 = Owner{}.Pet
	_ oas.Opt[DescribedPet]                                               = Owner{}.Described
	_ oas.Nullable[Pet]                                                   = Owner{}.MaybePet
	_ oas.Nullable[Cat]                                                   = Owner{}.MaybeCatRef
	_ oas.Nullable[MaybeCat]                                              = Owner{}.MaybeCat
	_ oas.Opt[[]string]                                                   = Owner{}.Tags
	_ oas.Opt[Size]                                                       = Owner{}.Size
	_ oas.Opt[int32]                                                      = Owner{}.Count
	_ *Cat                                                                = Owner{}.OnlyCat
	_ oas.Nullable[Dog]                                                   = Owner{}.MaybeDog
	_ *OwnerCollar                                                        = Owner{}.Collar
	_ string                                                              = OwnerCollar{}.Color
	_ Pet                                                                 = DescribedPet{}
	_ Cat                                                                 = MaybeCat{}
	_ func(*APIClient, context.Context, Pet, ...CallOption) (*Pet, error) = (*APIClient).CreatePet
)

// jsonEqual compares two JSON texts as values.
func jsonEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("encoded\n %s\nwant\n %s", got, want)
	}
}

// Every variant of a union behind allOf + description keeps its fields,
// both ways, through a field, a described component and nullable uses.
func TestUnionBehindAllOfRoundTrips(t *testing.T) {
	for _, in := range []string{
		`{"pet":{"kind":"cat","lives":9},"described":{"kind":"dog","bark":"woof"},"maybe_pet":{"kind":"dog","bark":"arf"}}`,
		`{"pet":{"kind":"dog","bark":"woof"},"described":{"kind":"cat","lives":3},"maybe_pet":null}`,
	} {
		var o Owner
		if err := json.Unmarshal([]byte(in), &o); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		switch v, err := o.Pet.Which(); x := v.(type) {
		case Cat:
			if x.Lives != 9 {
				t.Errorf("cat lives = %d, want 9", x.Lives)
			}
		case Dog:
			if x.Bark != "woof" {
				t.Errorf("dog bark = %q, want woof", x.Bark)
			}
		default:
			t.Errorf("pet decoded as %T (%v)", v, err)
		}
		out, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		jsonEqual(t, out, in)
		if err := o.Validate(); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}

// null survives every nullable form: a describing member's nullable, a
// nullable next to a $ref inside allOf, a nullable allOf component, and a
// 3.0 null member ({nullable: true, enum: [null]}) of a one-member anyOf.
func TestNullSurvives(t *testing.T) {
	in := `{"pet":{"kind":"cat","lives":1},"maybe_pet":null,"maybe_cat_ref":null,"maybe_cat":null,"maybe_dog":null,"output_file":null}`
	var o Owner
	if err := json.Unmarshal([]byte(in), &o); err != nil {
		t.Fatal(err)
	}
	if !o.MaybePet.IsNull() || !o.MaybeCatRef.IsNull() || !o.MaybeCat.IsNull() || !o.MaybeDog.IsNull() || !o.OutputFile.IsNull() {
		t.Errorf("nulls not kept: %+v", o)
	}
	out, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, out, in)
}

// The scalar, array, enum and one-member unions decode as their member.
func TestOtherMembers(t *testing.T) {
	in := `{"pet":{"kind":"cat","lives":1},"tags":["a","b"],"size":"large","count":7,"only_cat":{"kind":"cat","lives":2},"maybe_dog":{"kind":"dog","bark":"b"},"collar":{"color":"red"}}`
	var o Owner
	if err := json.Unmarshal([]byte(in), &o); err != nil {
		t.Fatal(err)
	}
	if tags := o.Tags.Or(nil); len(tags) != 2 || o.Size.Or("") != SizeLarge || o.Count.Or(0) != 7 ||
		o.OnlyCat == nil || o.OnlyCat.Lives != 2 || o.MaybeDog.Or(Dog{}).Bark != "b" || o.Collar == nil || o.Collar.Color != "red" {
		t.Errorf("decoded %+v", o)
	}
	out, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, out, in)
}

// A default written in a describing allOf member applies.
func TestDefaultFromDescribingMember(t *testing.T) {
	var o Owner
	o.ApplyDefaults()
	if got := o.Size.Or(""); got != SizeSmall {
		t.Errorf("size default = %q, want %q", got, SizeSmall)
	}
}

// A discriminator value a member pins with an enum selects that member,
// though the spec gives no mapping; the schema's name still does too.
func TestDiscriminatorWithoutMapping(t *testing.T) {
	for in, want := range map[string]string{
		`{"type":"file_search","query":"q"}`: "SearchTool",
		`{"type":"code"}`:                    "CodeTool",
		`{"type":"SearchTool","query":"q"}`:  "SearchTool",
	} {
		var tool Tool
		if err := json.Unmarshal([]byte(in), &tool); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if err := tool.Validate(); (err != nil) != (in == `{"type":"SearchTool","query":"q"}`) {
			// the schema's name selects the member, whose enum then refuses it
			t.Errorf("%s: Validate: %v", in, err)
		}
		v, err := tool.Which()
		if err != nil {
			t.Fatalf("%s: Which: %v", in, err)
		}
		if got := reflect.TypeOf(v).Name(); got != want {
			t.Errorf("%s selects %s, want %s", in, got, want)
		}
	}
}
