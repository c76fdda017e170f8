package oas

import (
	"testing"
)

func TestMessage(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"message":"pet not found"}`, "pet not found"},
		{`{"error":"invalid_grant","error_description":"code expired"}`, "code expired"},
		{`{"error":{"code":404,"message":"no such pet"}}`, "no such pet"},
		{`{"errors":[{"code":"a","message":"name is required"},{"message":"age must be positive"}]}`, "name is required; age must be positive"},
		{`{"errors":[{"message":"1"},{"message":"2"},{"message":"3"},{"message":"4"}]}`, "1; 2; 3"},
		{`{"type":"about:blank","title":"Not Found","detail":"pet 3 does not exist"}`, "pet 3 does not exist"},
		{`{"title":"Bad Request"}`, "Bad Request"},
		{`{"detail":[{"loc":["body","name"],"msg":"field required","type":"missing"}]}`, "field required"},
		{`{"data":{"message":"quota exceeded"}}`, "quota exceeded"},
		{`{"errors":["first","second"]}`, "first; second"},
		{`[{"message":"top-level list"}]`, "top-level list"},
		{`{"message":""}`, ""},
		{`{"code":42}`, ""},
		{`not json`, ""},
	} {
		if got := Message([]byte(tc.body)); got != tc.want {
			t.Errorf("Message(%s) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
