package emit

import (
	"fmt"
	"testing"
)

func TestPathFormat(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"/pets", "/pets"},
		{"/pets/{id}", "/pets/%s"},
		{"/a/{x}/b/{y}", "/a/%s/b/%s"},
		{"/accounts/{account_id}/maps/{map_id}/accounts/{account_id}", "/accounts/%[1]s/maps/%[2]s/accounts/%[1]s"},
		{"/{b}/{a}/{b}/{a}", "/%[1]s/%[2]s/%[1]s/%[2]s"},
		{"/{x}{x}", "/%[1]s%[1]s"},
	} {
		got := pathFormat(c.path)
		if got != c.want {
			t.Errorf("pathFormat(%q) = %q, want %q", c.path, got, c.want)
		}
	}
	// What the request builders do with it: one argument per distinct
	// parameter, in the order they first appear.
	if got := fmt.Sprintf(pathFormat("/accounts/{account_id}/maps/{map_id}/accounts/{account_id}"), "acc", "m1"); got != "/accounts/acc/maps/m1/accounts/acc" {
		t.Errorf("formatted path = %q", got)
	}
}
