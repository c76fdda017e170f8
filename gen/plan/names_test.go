package plan

import "testing"

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"account_id":       "AccountID",
		"auth_link_url":    "AuthLinkURL",
		"origin_owner_id":  "OriginOwnerID",
		"statusCode":       "StatusCode",
		"HTTPServer":       "HTTPServer",
		"x-account-id":     "XAccountID",
		"2fa-code":         "X2faCode",
		"ids":              "IDs",
		"api_urls":         "APIURLs",
		"ConnectSession":   "ConnectSession",
		"hris-legacy":      "HrisLegacy",
		"already_JSON_api": "AlreadyJSONAPI",
		"日本":               "X日本",
		"":                 "",
		"--":               "",
	} {
		if got := GoName(in); got != want {
			t.Errorf("GoName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{
		"ConnectSessionTokenAuthLink": "connect_session_token_auth_link",
		"AuthLinkURL":                 "auth_link_url",
		"HTTPServer2":                 "http_server2",
	} {
		if got := snake(in); got != want {
			t.Errorf("snake(%q) = %q, want %q", in, got, want)
		}
	}
}
