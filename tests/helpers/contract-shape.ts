/**
 * Checks that a value is an Analysis in the contract's shape (../shared/api-contract.md):
 * plain JSON (no undefined, NaN, Infinity, Date, class instances), the contract's fields present
 * with the contract's types. Returns the problems found (empty = fine) so a failing test shows all.
 */
const SEVERITIES = new Set(["info", "warning", "critical"]);
const RELAY_TYPES = new Set(["submission", "internal", "esp", "smart-host", "backup-mx", "mx", "delivery", "unknown"]);
const TLS_SUMMARY = new Set(["all", "partial", "none", "unknown"]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Walks everything: only null, boolean, string, finite number, arrays and plain objects. */
function plainJsonProblems(v: unknown, path: string, out: string[]): void {
  if (out.length > 20) return;
  if (v === null || typeof v === "boolean" || typeof v === "string") return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) out.push(`${path} is ${v}`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => plainJsonProblems(x, `${path}[${i}]`, out));
    return;
  }
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      out.push(`${path} is not a plain object (${(v as object).constructor?.name})`);
      return;
    }
    for (const [k, x] of Object.entries(v)) plainJsonProblems(x, `${path}.${k}`, out);
    return;
  }
  out.push(`${path} is ${typeof v}`);
}

function str(v: unknown): boolean {
  return typeof v === "string";
}
function strOrNull(v: unknown): boolean {
  return v === null || typeof v === "string";
}
function numOrNull(v: unknown): boolean {
  return v === null || (typeof v === "number" && Number.isFinite(v));
}
function boolOrNull(v: unknown): boolean {
  return v === null || typeof v === "boolean";
}
function isoOrNull(v: unknown): boolean {
  return v === null || (typeof v === "string" && !Number.isNaN(Date.parse(v)) && v.endsWith("Z"));
}

function expectFields(o: unknown, path: string, spec: Record<string, (v: unknown) => boolean>, out: string[]): void {
  if (!isObj(o)) {
    out.push(`${path} is not an object`);
    return;
  }
  for (const [k, ok] of Object.entries(spec)) {
    if (!(k in o)) out.push(`${path}.${k} is missing`);
    else if (!ok(o[k])) out.push(`${path}.${k} has a bad value: ${JSON.stringify(o[k])?.slice(0, 80)}`);
  }
}

function findingProblems(f: unknown, path: string, out: string[]): void {
  expectFields(f, path, { code: str, severity: (v) => SEVERITIES.has(v as string), message: str }, out);
  if (isObj(f) && "hop" in f && !(typeof f.hop === "number" && Number.isInteger(f.hop) && f.hop >= 1)) {
    out.push(`${path}.hop has a bad value: ${String(f.hop)}`);
  }
}

export function analysisShapeProblems(a: unknown): string[] {
  const out: string[] = [];
  plainJsonProblems(a, "analysis", out);
  if (!isObj(a)) return [...out, "analysis is not an object"];
  if (a.schemaVersion !== 1) out.push("schemaVersion is not 1");
  expectFields(a.summary, "summary", {
    subject: strOrNull, from: strOrNull, to: strOrNull, date: isoOrNull, messageId: strOrNull,
    hopCount: (v) => typeof v === "number" && Number.isInteger(v) && v >= 0,
    totalDelaySeconds: numOrNull,
    tls: (v) => TLS_SUMMARY.has(v as string),
    sender: (v) => isObj(v) && strOrNull(v.operator),
  }, out);
  const hops = a.hops;
  if (!Array.isArray(hops)) out.push("hops is not an array");
  else {
    if (isObj(a.summary) && a.summary.hopCount !== hops.length) out.push("summary.hopCount !== hops.length");
    hops.forEach((h, i) => {
      const p = `hops[${i}]`;
      expectFields(h, p, {
        index: (v) => v === i + 1,
        from: (v) => v === null || (isObj(v) && strOrNull(v.helo) && strOrNull(v.rdns) && strOrNull(v.ip)),
        by: (v) => v === null || (isObj(v) && strOrNull(v.host) && strOrNull(v.ip)),
        with: strOrNull, id: strOrNull, for: strOrNull, timestamp: isoOrNull, delaySeconds: numOrNull,
        tls: (v) => isObj(v) && boolOrNull(v.encrypted) && strOrNull(v.version) && strOrNull(v.cipher),
        authenticated: boolOrNull,
        relayType: (v) => RELAY_TYPES.has(v as string),
        operator: strOrNull, raw: str, findings: Array.isArray,
      }, out);
      if (isObj(h) && Array.isArray(h.findings)) h.findings.forEach((f, j) => findingProblems(f, `${p}.findings[${j}]`, out));
    });
  }
  const au = a.authentication;
  expectFields(au, "authentication", { spf: Array.isArray, dkim: Array.isArray, dmarc: Array.isArray, arc: Array.isArray, alignment: isObj }, out);
  if (isObj(au)) {
    const each = (k: string, spec: Record<string, (v: unknown) => boolean>) =>
      Array.isArray(au[k]) && (au[k] as unknown[]).forEach((x, i) => expectFields(x, `authentication.${k}[${i}]`, spec, out));
    each("spf", { result: str, domain: strOrNull, authservId: strOrNull });
    each("dkim", { result: str, domain: strOrNull, selector: strOrNull, authservId: strOrNull });
    each("dmarc", { result: str, domain: strOrNull, policy: strOrNull, authservId: strOrNull });
    each("arc", { result: str, instance: numOrNull });
    expectFields(au.alignment, "authentication.alignment", { spf: boolOrNull, dkim: boolOrNull }, out);
  }
  if (!Array.isArray(a.warnings)) out.push("warnings is not an array");
  else a.warnings.forEach((f, i) => findingProblems(f, `warnings[${i}]`, out));
  if (!Array.isArray(a.headers)) out.push("headers is not an array");
  else a.headers.forEach((h, i) => expectFields(h, `headers[${i}]`, { name: str, value: str }, out));
  return out;
}
