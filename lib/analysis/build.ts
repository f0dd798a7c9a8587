// PLACEHOLDER wiring; completed with relay types, operators, findings and summary.
import type { HeaderBlock } from "./headers";
import { fieldsNamed, firstField } from "./headers";
import { parseReceived } from "./received/parse-received";
import { parseAuthentication } from "./auth";
import type { Analysis, AnalyzeOptions, Hop } from "./types";
import { MAX_HOPS } from "./limits";

export function buildAnalysis(block: HeaderBlock, _options: AnalyzeOptions): Analysis {
  const received = fieldsNamed(block.fields, "received").slice(0, MAX_HOPS).reverse();
  const hops: Hop[] = received.map((f, i) => {
    const p = parseReceived(f.value);
    return {
      index: i + 1, from: p.from, by: p.by, with: p.with, id: p.id, for: p.for, timestamp: p.timestamp,
      delaySeconds: null, tls: p.tls, authenticated: p.authenticated, relayType: "unknown", operator: null,
      raw: f.value, findings: [],
    };
  });
  const get = (n: string) => firstField(block.fields, n)?.decoded ?? null;
  return {
    schemaVersion: 1,
    summary: {
      subject: get("subject"), from: get("from"), to: get("to"), date: null, messageId: get("message-id"),
      hopCount: hops.length, totalDelaySeconds: null, tls: "unknown", sender: { operator: null },
    },
    hops,
    authentication: parseAuthentication(block.fields, null),
    warnings: block.findings,
    headers: block.fields.map((f) => ({ name: f.name, value: f.decoded })),
  };
}
