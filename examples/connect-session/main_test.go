package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var got map[string]any
	var user string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _, _ = r.BasicAuth()
		if r.URL.Path != "/connect_sessions" {
			w.WriteHeader(404)
			return
		}
		json.NewDecoder(r.Body).Decode(&got)
		w.WriteHeader(201)
		w.Write([]byte(`{"id":1,"organization_id":2,"project_id":"p","origin_owner_id":"o","origin_owner_name":"n",
			"created_at":"2024-01-02T03:04:05Z","token":"t","auth_link_url":"https://hub.example/link"}`))
	}))
	defer srv.Close()
	t.Setenv("STACKONE_API_KEY", "env-key")

	var out, errOut bytes.Buffer
	if code := run([]string{"-server", srv.URL}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if out.String() != "https://hub.example/link\n" {
		t.Errorf("stdout = %q", out.String())
	}
	if got["origin_owner_id"] != "example-owner" || got["origin_owner_name"] != "Example Inc" || user != "env-key" {
		t.Errorf("sent %v as %q", got, user)
	}

	out.Reset()
	errOut.Reset()
	if code := run([]string{"-server", srv.URL, "-owner-id", "acme-42", "-owner-name", "Acme", "-provider", "hibob"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if got["origin_owner_id"] != "acme-42" || got["provider"] != "hibob" {
		t.Errorf("sent %v", got)
	}
}

func TestRunErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(401)
		w.Write([]byte(`{"statusCode":401,"message":"Unauthorized","timestamp":"2023-05-30T00:00:00.000Z"}`))
	}))
	defer srv.Close()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-server", srv.URL}, 1, "STACKONE_API_KEY"},
		{[]string{"-server", srv.URL, "-owner-id", ""}, 2, "must not be empty"},
		{[]string{"-server", "not a url"}, 2, "server URL"},
		{[]string{"-nope"}, 2, "flag provided but not defined"},
		{[]string{"extra"}, 2, "unexpected argument"},
	} {
		var out, errOut bytes.Buffer
		if code := run(tc.args, &out, &errOut); code != tc.code || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("run(%q) = %d, stderr %q; want %d and %q", tc.args, code, errOut.String(), tc.code, tc.want)
		}
	}
}
