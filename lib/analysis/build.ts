/**
 * Assembles the contract's Analysis from the header block: chain → relay types → delays →
 * findings → summary. Each step lives in its own module; this file only wires them.
 */
import { addressDomain, parseAuthentication } from "./auth";
import { buildChain, type ChainHop } from "./chain";
import { parseMailDate } from "./dates";
import { findingsForHops, sortFindings, type HopFacts } from "./findings";
import { fieldsNamed, firstField, type HeaderBlock, type RawField } from "./headers";
import { MAX_HOPS } from "./limits";
import { senderOperator } from "./operators";
import { organizationOf } from "./organization";
import { classifyRelays, mxRoleOf } from "./relay-type";
import type { Analysis, AnalyzeOptions, Finding, Hop, MxRecordSet, Summary } from "./types";

export function buildAnalysis(block: HeaderBlock, options: AnalyzeOptions): Analysis {
  const { fields } = block;
  const chain = buildChain(fieldsNamed(fields, "received"));
  const mx = options.mx ?? [];
  const relayTypes = classifyRelays(chain.hops, { recipientOrgs: recipientOrgs(fields, chain.hops), mx });

  const facts: HopFacts[] = chain.hops.map((hop, i) => {
    const time = hop.parsed.timestamp ? Date.parse(hop.parsed.timestamp) : null;
    return { hop, relayType: relayTypes[i], delaySeconds: null, time };
  });
  facts.forEach((f, i) => {
    const prev = i > 0 ? facts[i - 1].time : null;
    f.delaySeconds = f.time !== null && prev !== null ? roundMs((f.time - prev) / 1000) : null;
  });
  const hopFindings = findingsForHops(facts);
  if (mx.length > 0) addMxEvidence(facts, hopFindings, mx);

  const hops: Hop[] = facts.map((f, i) => toHop(f, hopFindings[i]));
  const fromValue = firstField(fields, "from")?.decoded ?? null;
  const sender = senderOperator(fields, {
    fromRdns: chain.hops.map((h) => h.parsed.from?.rdns ?? null),
    byHosts: chain.hops.map((h) => h.parsed.by?.host ?? null),
    fromIps: chain.hops.map((h) => h.parsed.from?.ip ?? null),
    fromHelos: chain.hops.map((h) => h.parsed.from?.helo ?? null),
    byIps: chain.hops.map((h) => h.parsed.by?.ip ?? null),
    submission: chain.hops.map((h) => h.parsed.submission !== null),
  });

  const messageFindings: Finding[] = [...block.findings, ...sender.findings];
  if (chain.truncated > 0) {
    messageFindings.push({
      code: "hops-truncated",
      severity: "warning",
      message: `Only the latest ${MAX_HOPS} Received headers were analysed; ${chain.truncated} older ones were not.`,
    });
  }
  if (chain.hops.length === 0) {
    messageFindings.push({ code: "no-received", severity: "info", message: "There are no Received headers, so there is no route to show." });
  }

  return {
    schemaVersion: 1,
    summary: summarize(fields, hops, sender.operator),
    hops,
    authentication: parseAuthentication(fields, addressDomain(fromValue)),
    warnings: sortFindings([...messageFindings, ...hopFindings.flat()]),
    headers: fields.map((f) => ({ name: f.name, value: f.decoded })),
  };
}

function toHop(f: HopFacts, findings: Finding[]): Hop {
  const p = f.hop.parsed;
  return {
    index: f.hop.index,
    from: p.from,
    by: p.by,
    with: p.with,
    id: p.id,
    for: p.for,
    timestamp: p.timestamp,
    delaySeconds: f.delaySeconds,
    tls: p.tls,
    authenticated: p.authenticated,
    relayType: f.relayType,
    operator: f.hop.byOperator?.name ?? null,
    raw: f.hop.field.value,
    findings: sortFindings(findings),
  };
}

function summarize(fields: readonly RawField[], hops: readonly Hop[], senderOp: string | null): Summary {
  const get = (name: string) => {
    const v = firstField(fields, name)?.decoded;
    return v === undefined ? null : v;
  };
  const dateText = get("date");
  const first = hops[0]?.timestamp ?? null;
  const last = hops[hops.length - 1]?.timestamp ?? null;
  const known = hops.map((h) => h.tls.encrypted).filter((e): e is boolean => e !== null);
  return {
    subject: get("subject"),
    from: get("from"),
    to: get("to"),
    date: dateText ? parseMailDate(dateText) : null,
    messageId: get("message-id"),
    hopCount: hops.length,
    totalDelaySeconds: first && last ? roundMs((Date.parse(last) - Date.parse(first)) / 1000) : null,
    tls: known.length === 0 ? "unknown" : known.every(Boolean) ? "all" : known.some(Boolean) ? "partial" : "none",
    sender: { operator: senderOp },
  };
}

/** Organisations of the recipient domains: `for` clauses and the delivery headers. */
function recipientOrgs(fields: readonly RawField[], hops: readonly ChainHop[]): Set<string> {
  const domains: (string | null)[] = hops.map((h) => domainOf(h.parsed.for));
  for (const name of ["delivered-to", "x-original-to", "envelope-to"]) {
    for (const f of fieldsNamed(fields, name)) domains.push(domainOf(f.value));
  }
  // The visible recipients too: a list server or forwarder receiving for them is their MX. Not the
  // sender's own domain: newsletters are addressed "To: list@sender.example".
  const senderOrg = organizationOf(addressDomains(firstField(fields, "from")?.value ?? "")[0] ?? null, null);
  for (const name of ["to", "cc"]) {
    for (const f of fieldsNamed(fields, name)) {
      for (const d of addressDomains(f.value)) if (organizationOf(d, null) !== senderOrg) domains.push(d);
    }
  }
  // A mailing list is a recipient too: its server receives as the list address's MX.
  for (const name of ["list-id", "list-post"]) {
    const v = firstField(fields, name)?.value ?? "";
    const m = /<(?:mailto:)?([^<>@\s]*@)?([^<>@\s]+)>/.exec(v);
    if (m) domains.push(listDomain(m[2], Boolean(m[1])));
  }
  const orgs = new Set<string>();
  for (const d of domains) {
    const org = d ? organizationOf(d, null) : null;
    if (org) orgs.add(org);
  }
  return orgs;
}

function domainOf(address: string | null): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  if (at < 0) return null;
  let d = address.slice(at + 1);
  const stop = d.search(/[>\s]/);
  if (stop >= 0) d = d.slice(0, stop);
  d = d.toLowerCase();
  return d || null;
}

function roundMs(s: number): number {
  return Math.round(s * 1000) / 1000;
}

/** List-Id "<list.example.org>" names the list's domain after its first label; List-Post a mailto. */
function listDomain(text: string, isAddress: boolean): string | null {
  const d = text.toLowerCase();
  if (isAddress) return d;
  const dot = d.indexOf(".");
  return dot > 0 ? d.slice(dot + 1) : null;
}

/** Domains of every address in an address-list header value (bounded: at most 50). */
function addressDomains(value: string): string[] {
  const out: string[] = [];
  const re = /@([a-z0-9.-]+)/gi;
  for (let m = re.exec(value); m && out.length < 50; m = re.exec(value)) out.push(m[1].toLowerCase().replace(/\.$/, ""));
  return out;
}

/** Says, on each hop whose server is a listed MX, what the live records showed (evidence). */
function addMxEvidence(facts: readonly HopFacts[], hopFindings: Finding[][], mx: readonly MxRecordSet[]): void {
  facts.forEach((f, i) => {
    if (f.relayType !== "mx" && f.relayType !== "backup-mx") return;
    const role = mxRoleOf(f.hop.parsed.by?.host ?? null, mx);
    if (!role) return;
    const primary = role.primary.host === f.hop.parsed.by?.host ? "it is the preferred MX" : `the preferred MX is ${role.primary.host} (priority ${role.primary.priority})`;
    hopFindings[i].push({
      code: "mx-record",
      severity: "info",
      hop: f.hop.index,
      message: `${f.hop.parsed.by?.host} is listed as a priority ${role.priority} MX of ${role.domain}; ${primary}.`,
    });
  });
}
