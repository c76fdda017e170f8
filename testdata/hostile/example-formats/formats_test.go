package hostile

import (
	"strings"
	"testing"
)

// The values warned about are the ones Validate refuses, and the others
// pass: the load-time check and the generated one agree.
func TestWarnedExamplesAreInvalid(t *testing.T) {
	var b Booking
	b.ID.Set("4f4e4e1-c824-4d63-b37a-d8d698862f1d")
	b.Email.Set("not an address")
	b.Host.Set("bad_host!")
	b.Ip6.Set("10.0.0.1")
	err := b.Validate()
	if err == nil {
		t.Fatal("Validate accepted the warned examples")
	}
	for _, f := range []string{"id", "email", "host", "ip6"} {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("no error for %s in %v", f, err)
		}
	}
	var ok Booking
	ok.Trip.Set("b2e783e1-c824-4d63-b37a-d8d698862f1d")
	ok.IP.Set("10.0.0.1")
	ok.Site.Set("https://example.com/a")
	ok.Code.Set("anything")
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate refused the valid examples: %v", err)
	}
}
