// Starts oauth2-mock-server on 127.0.0.1:<port> for the generated client's
// auth tests: `node launch.mjs <port>`. Its CLI cannot set the token
// lifetime, which the refresh test needs, so this launcher uses the library:
// a line "expires_in N" on stdin makes later tokens live N seconds (printed
// back once in force), and every issued token is logged with its grant and
// scope so the test can count token requests.
import { createInterface } from "node:readline";
import { OAuth2Server } from "oauth2-mock-server";

const port = Number(process.argv[2] ?? 0);
let expiresIn = 3600;
let issued = 0;

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
server.service.on("beforeResponse", (response, req) => {
  if (!response.body || !response.body.access_token) {
    return;
  }
  issued++;
  response.body.expires_in = expiresIn;
  console.log(`token issued ${issued} grant=${req.body.grant_type} scope=${response.body.scope ?? ""}`);
});
createInterface({ input: process.stdin }).on("line", (line) => {
  const m = /^expires_in (\d+)$/.exec(line.trim());
  if (m) {
    expiresIn = Number(m[1]);
    console.log(`expires_in=${expiresIn}`);
  }
});
await server.start(port, "127.0.0.1");
console.log(`oauth2-mock-server listening on ${server.issuer.url}`);
