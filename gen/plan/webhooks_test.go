package plan

import (
	"strconv"
	"strings"
	"testing"
)

// TestLiteralSuffix: a callback is recognised by the literal path after
// its last runtime expression, without a query or fragment.
func TestLiteralSuffix(t *testing.T) {
	for expr, want := range map[string]string{
		"{$request.query.callbackUrl}/data":                           "/data",
		"{$request.body#/callback}":                                   "",
		"{$request.body#/url}/v1/{$request.body#/id}/done?x=1":        "/done",
		"http://notify.example.com?transactionId={$request.body#/id}": "",
		"https://notify.example.com/hooks/transactions":               "/hooks/transactions",
		"{$request.query.url}/":                                       "",
	} {
		if got := literalSuffix(expr); got != want {
			t.Errorf("literalSuffix(%q) = %q, want %q", expr, got, want)
		}
	}
}

// TestWebhookRoutes: a method one webhook alone uses accepts any path;
// webhooks sharing a method are told apart by their callback suffix or
// their name; payloads are named after the webhook; a duplicate route is
// warned about.
func TestWebhookRoutes(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
paths:
  /subscribe:
    post:
      operationId: subscribe
      responses: {"201": {description: ok}}
      callbacks:
        onEvent:
          "{$request.body#/url}/events":
            post:
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {id: {type: string}}}
              responses: {"202": {description: ok}}
webhooks:
  b:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Thing"}
      responses: {"204": {description: ok}}
  a:
    put:
      responses: {"200": {description: ok}}
  c:
    post:
      responses: {"200": {description: ok}}
  d:
    post:
      responses: {"200": {description: ok}}
components:
  schemas:
    Thing: {type: object, properties: {n: {type: integer}}}
    NewWebhookHandler: {type: string}
`)
	w := m.Webhooks
	if w == nil {
		t.Fatal("no webhooks planned")
	}
	if w.Event != "WebhookEvent" || w.Parse != "ParseWebhook" || w.Handler != "NewWebhookHandler2" {
		t.Errorf("names %s, %s, %s: a schema keeps its name", w.Event, w.Parse, w.Handler)
	}
	var got []string
	for _, wh := range w.List {
		body := "-"
		if wh.Body != nil && wh.Body.Kind == RefNamed {
			body = wh.Body.Named.Name
		}
		got = append(got, strings.Join([]string{wh.Name, wh.Type, wh.Method, wh.Route, body, strconv.Itoa(wh.Status), strconv.FormatBool(wh.Validate)}, " "))
	}
	want := []string{
		"a AWebhook PUT  - 200 false",
		"b BWebhook POST /b Thing 204 true",
		"c CWebhook POST /c - 200 false",
		"d DWebhook POST /d - 200 false",
		"onEvent OnEventWebhook POST /events OnEventPayload 202 true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("webhooks:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(warnings, "has the method and path") {
		t.Errorf("unexpected duplicate-route warning: %s", warnings)
	}
}

// TestWebhookSeveralMethods: a webhook delivered by several methods keeps
// its name for POST, and the others take their method's, not a number; a
// webhook already named ...Webhook is not named ...WebhookWebhook.
func TestWebhookSeveralMethods(t *testing.T) {
	m, warnings := buildSpec(t, "openapi.yaml", `openapi: 3.1.0
info: {title: S, version: "1"}
paths: {}
webhooks:
  update:
    delete:
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {id: {type: string}}}
      responses: {"200": {description: ok}}
    post:
      operationId: updateWebhook
      responses: {"200": {description: ok}}
  ping:
    get:
      responses: {"200": {description: ok}}
  orderWebhook:
    post:
      responses: {"200": {description: ok}}
    delete:
      responses: {"200": {description: ok}}
`)
	var got []string
	for _, wh := range m.Webhooks.List {
		body := "-"
		if wh.Body != nil && wh.Body.Kind == RefNamed {
			body = wh.Body.Named.Name
		}
		got = append(got, wh.Type+" "+wh.Method+" "+body)
	}
	want := "OrderWebhook POST -\nOrderDeleteWebhook DELETE -\nPingWebhook GET -\nUpdateWebhook POST -\nUpdateDeleteWebhook DELETE UpdateDeletePayload"
	if strings.Join(got, "\n") != want {
		t.Errorf("webhooks:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if strings.Contains(warnings, "already taken") {
		t.Errorf("unexpected renaming: %s", warnings)
	}
}
