// The production server: Next.js's request handler behind a plain node:http server, because
// `next start` has no option for the socket limits below (Next 16 documents custom servers for this).
//   HOSTNAME         address to listen on; unset: every interface (see README, "Configuration")
//   PORT             default 3000
//   MAX_CONNECTIONS  open sockets at most (default 512); more are closed at once
// Slow clients: request headers must arrive within HEADERS_TIMEOUT_MS and a whole request within
// REQUEST_TIMEOUT_MS (Node answers 408 and closes); the app's own body reader answers 408 JSON
// after 15 s first (lib/http/read-body.ts). Paths under /api that Next.js cannot route (malformed
// percent-encoding, dot segments such as %2e%2e) get the contract's JSON error with the security
// headers here, before Next.js answers them with plain text or an HTML page.
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import next from "next";

const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 20_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
const CONNECTIONS_CHECK_MS = 1_000;
const DEFAULT_MAX_CONNECTIONS = 512;

const root = path.resolve(import.meta.dirname, "..");
const SECURITY = JSON.parse(readFileSync(path.join(root, "lib/http/security-headers.json"), "utf8"));

function fail(message) {
  console.error(message);
  process.exit(1);
}

function wholeNumber(name, fallback, max) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) fail(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return Number(raw);
}

const port = wholeNumber("PORT", 3000, 65535);
const maxConnections = wholeNumber("MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, 100_000);
const hostname = process.env.HOSTNAME?.trim() || undefined;

function apiError(res, status, code, message) {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    ...SECURITY.common,
    "Content-Security-Policy": SECURITY.apiCsp,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body);
}

/** The JSON error for an /api path Next.js would answer without the contract, or null. */
function apiPathProblem(url) {
  const pathname = url.split("?")[0];
  if (!/^\/api(?:\/|$)/i.test(pathname)) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return [400, "invalid-input", "The request path is not valid percent-encoding."];
  }
  if (decoded.split("/").some((seg) => seg === "." || seg === "..") || decoded.includes("\\") || decoded.includes("\0")) {
    return [404, "not-found", "No such API endpoint."];
  }
  return null;
}

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer({ connectionsCheckingInterval: CONNECTIONS_CHECK_MS }, (req, res) => {
  const problem = apiPathProblem(req.url ?? "/");
  if (problem) return apiError(res, ...problem);
  handle(req, res).catch(() => {
    if (!res.headersSent) apiError(res, 500, "internal", "Something went wrong on our side.");
    else res.destroy();
  });
});
server.headersTimeout = HEADERS_TIMEOUT_MS;
server.requestTimeout = REQUEST_TIMEOUT_MS;
server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
server.maxConnections = maxConnections;
server.on("clientError", (err, socket) => {
  // Malformed request lines and header timeouts: answer once, without echoing anything back.
  if (socket.writable && !socket.destroyed) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  else socket.destroy();
});
server.on("error", (err) => fail(`cannot listen on ${hostname ?? "every interface"} port ${port}: ${err.code ?? err.message}`));
server.listen(port, hostname, () => {
  const a = server.address();
  const shown = typeof a === "object" && a ? (a.family === "IPv6" ? `[${a.address}]` : a.address) : hostname;
  console.log(`Hoptrace listening on http://${shown}:${port}${hostname ? ` (HOSTNAME=${hostname})` : " (every interface; set HOSTNAME to choose one)"}`);
});

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
