package headeruseragent

// Run by gen's TestEndToEnd against the package generated from
// openapi.yaml next to this file: a User-Agent header parameter is sent as
// the call gives it; without one the package's User-Agent is.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func serve(t *testing.T, opts Options) (*APIClient, *[]string) {
	t.Helper()
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Values("User-Agent")
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	opts.ServerURL = srv.URL
	c, err := NewAPIClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	return c, &got
}

func TestUserAgentParameterIsSent(t *testing.T) {
	c, got := serve(t, Options{UserAgent: "mine/1"})
	if err := c.GetConfiguration(context.Background(), GetConfigurationArgs{UserAgent: "AppleCloudExtension/1.0.2 test"}); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 || (*got)[0] != "AppleCloudExtension/1.0.2 test" {
		t.Errorf("User-Agent = %q, want the parameter's value only", *got)
	}
}

func TestUserAgentParameterLowerCase(t *testing.T) {
	c, got := serve(t, Options{})
	args := GetStatusArgs{}
	args.UserAgent.Set("probe/2")
	if err := c.GetStatus(context.Background(), args); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 || (*got)[0] != "probe/2" {
		t.Errorf("User-Agent = %q, want the parameter's value only", *got)
	}
}

func TestUserAgentWithoutParameter(t *testing.T) {
	c, got := serve(t, Options{UserAgent: "mine/1"})
	if err := c.GetStatus(context.Background(), GetStatusArgs{}); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 1 || (*got)[0] != "mine/1 "+UserAgent {
		t.Errorf("User-Agent = %q, want the package's", *got)
	}
}
