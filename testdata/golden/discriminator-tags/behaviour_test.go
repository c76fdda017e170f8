package discriminatortags

import (
	"testing"
)

// A From constructor fills in the discriminator value that selects its
// variant when the caller left the (free string) property empty, and keeps
// one the caller set.
func TestFromSetsTheDiscriminator(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func() (Body, error)
		want string
	}{
		{"required, empty", func() (Body, error) { return BodyFromPassword(NewPassword("", "ada")) }, `{"identifier":"ada","method":"password"}`},
		{"required, set", func() (Body, error) { return BodyFromPassword(NewPassword("password", "ada")) }, `{"identifier":"ada","method":"password"}`},
		{"optional, unset", func() (Body, error) { return BodyFromOidc(NewOidc("github")) }, `{"method":"oidc","provider":"github"}`},
		{"implicit value", func() (Body, error) { return BodyFromCode(Code{}) }, `{"method":"Code"}`},
		{"two values: the caller's", func() (Body, error) { return BodyFromPasskey(Passkey{}) }, `{}`},
	} {
		b, err := tc.make()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		out, err := b.MarshalJSON()
		if err != nil || string(out) != tc.want {
			t.Errorf("%s: %s (%v), want %s", tc.name, out, err, tc.want)
		}
	}
	b, _ := BodyFromPassword(NewPassword("", "ada"))
	if err := b.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if v, err := b.Which(); err != nil {
		t.Errorf("Which: %v", err)
	} else if _, ok := v.(Password); !ok {
		t.Errorf("Which = %T, want Password", v)
	}
}

// A nullable member's From takes an oas.Nullable and fills in nothing; the
// others' do.
func TestFromNullableMember(t *testing.T) {
	s, err := ScheduleIntervalFromTimeDelta(NewTimeDelta("", 2))
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := s.MarshalJSON(); string(out) != `{"__type":"TimeDelta","days":2}` {
		t.Errorf("TimeDelta: %s", out)
	}
}
