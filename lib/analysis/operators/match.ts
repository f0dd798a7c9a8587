/**
 * Recognising an operator from a host name, an address or a hop's comments, using the table in
 * operators-data.ts. Lookups are by label suffix (a Map), so cost is linear in the name's length.
 */
import { memoByPair } from "../memo";
import { normaliseHost } from "../net/host";
import { inCidr, ipValue, parseCidr, type Cidr } from "../net/ip";
import { OPERATORS, type OperatorKind, type OperatorRule } from "./data";

export interface OperatorInfo {
  name: string;
  kind: "mailbox-provider" | "esp" | "gateway" | "hosting";
}

const BY_SUFFIX = new Map<string, OperatorRule>();
const BY_COMMENT = new Map<string, OperatorRule>();
const RANGES: { rule: OperatorRule; cidr: Cidr }[] = [];
for (const rule of OPERATORS) {
  for (const s of rule.suffixes) BY_SUFFIX.set(s, rule);
  for (const m of rule.commentMarkers ?? []) BY_COMMENT.set(m, rule);
  for (const r of rule.ipRanges ?? []) RANGES.push({ rule, cidr: parseCidr(r) });
}

function info(rule: OperatorRule): OperatorInfo {
  return Object.freeze({ name: rule.name, kind: rule.kind satisfies OperatorKind });
}

/** The rule whose suffix the host equals or ends with (longest suffix first), else null. */
function ruleBySuffix(host: string): OperatorRule | null {
  let at = 0;
  for (;;) {
    const rule = BY_SUFFIX.get(host.slice(at));
    if (rule) return rule;
    const dot = host.indexOf(".", at);
    if (dot < 0) return null;
    at = dot + 1;
  }
}

function ruleByPattern(name: string): OperatorRule | null {
  for (const rule of OPERATORS) {
    for (const p of rule.hostPatterns ?? []) if (p.test(name)) return rule;
  }
  return null;
}

function ruleByIp(ip: string | null | undefined): OperatorRule | null {
  const addr = ipValue(ip);
  if (!addr) return null;
  for (const { rule, cidr } of RANGES) if (inCidr(addr, cidr)) return rule;
  return null;
}

function ruleForHost(host: string | null, ip?: string | null): OperatorRule | null {
  const h = normaliseHost(host);
  if (h) {
    const rule = ruleBySuffix(h) ?? ruleByPattern(h);
    if (rule) return rule;
    // A by "host" that is really an address ("by 172.16.4.60 with SMTP").
    const r = ruleByIp(h);
    if (r) return r;
  }
  const i = normaliseHost(ip);
  if (i) return ruleByPattern(i) ?? ruleByIp(i);
  return null;
}

/**
 * The operator a host (a by server, or a client's rDNS/HELO name) belongs to, by name suffix
 * or pattern; failing that, by the address's published ranges. null when unknown.
 */
export function operatorForHost(host: string | null, ip?: string | null): OperatorInfo | null {
  if (!host && !ip) return null;
  return operatorMemo(host, ip ?? null);
}

const operatorMemo = memoByPair((host: string | null, ip: string | null): OperatorInfo | null => {
  const rule = ruleForHost(host, ip);
  return rule ? info(rule) : null;
});

const NETWORKS = new Map<string, Cidr[]>();
for (const rule of OPERATORS) {
  NETWORKS.set(rule.name, [...(rule.ipRanges ?? []), ...(rule.networkRanges ?? [])].map(parseCidr));
}

/**
 * True when the address is in the operator's published outbound ranges or its own networks;
 * null when the table has no ranges for it (nothing can be said either way).
 */
export function inOperatorNetworks(operatorName: string, ip: string | null): boolean | null {
  const blocks = NETWORKS.get(operatorName);
  if (!blocks || blocks.length === 0) return null;
  const v = ipValue(ip);
  return v !== null && blocks.some((b) => inCidr(v, b));
}

/**
 * The role a known operator's host plays, from the table: "inbound" (its MX, receiving for its
 * users), "submission" (taking mail from its users or customers, its relay services), "outbound"
 * (its edge hosts handing mail to other servers), or null when the table does not say.
 */
export function hostRole(operatorName: string, host: string | null): "inbound" | "submission" | "outbound" | null {
  return roleMemo(operatorName, host);
}

/** The first table row of each operator name (what OPERATORS.find by name gives). */
const RULE_BY_NAME = new Map<string, OperatorRule>();
for (const rule of OPERATORS) if (!RULE_BY_NAME.has(rule.name)) RULE_BY_NAME.set(rule.name, rule);

/** `h` is the suffix or a name under it ("mx.google.com" under "google.com"). */
function isUnder(h: string, suffix: string): boolean {
  if (h.length === suffix.length) return h === suffix;
  return h.length > suffix.length && h.charCodeAt(h.length - suffix.length - 1) === 46 && h.endsWith(suffix);
}

const roleMemo = memoByPair((operatorName: string | null, host: string | null): "inbound" | "submission" | "outbound" | null => {
  const h = normaliseHost(host);
  const rule = operatorName === null ? undefined : RULE_BY_NAME.get(operatorName);
  if (!h || !rule) return null;
  const under = (s: string) => isUnder(h, s);
  if ((rule.submissionSuffixes ?? []).some(under)) return "submission";
  if ((rule.inboundSuffixes ?? []).some(under)) return "inbound";
  for (const p of rule.inboundPatterns ?? []) if (p.test(h)) return "inbound";
  for (const p of rule.outboundPatterns ?? []) if (p.test(h)) return "outbound";
  return null;
});

/**
 * The operator of a hop's by server: by host/address first, then the marks its software leaves
 * in Received comments ("by geopod-ismtpd-5-1 (SG)", "by mx.example.com (PPS)",
 * "by mail45.suw13.rsgsv.net (Mailchimp)"). A marker only decides when the host says nothing:
 * an on-premises Proofpoint box writes "(PPS)" on the customer's own host name, and is reported
 * as Proofpoint there (it is a Proofpoint gateway), but a known host always wins.
 */
export function operatorForHop(hop: {
  byHost: string | null;
  byIp?: string | null;
  comments?: readonly string[];
  software?: string | null;
}): OperatorInfo | null {
  const byHost = operatorForHost(hop.byHost, hop.byIp ?? null);
  if (byHost) return byHost;
  for (const c of hop.comments ?? []) {
    const rule = BY_COMMENT.get(c.trim()) ?? markerWithVersion(c.trim());
    if (rule) return info(rule);
  }
  return null;
}

/** A marker followed by its version, as MailChannels' proxy writes it: "(trex/6.9.1)". */
function markerWithVersion(text: string): OperatorRule | undefined {
  const slash = text.indexOf("/");
  if (slash <= 0 || !/^\d[\d.]*$/.test(text.slice(slash + 1))) return undefined;
  return BY_COMMENT.get(text.slice(0, slash));
}
