/**
 * Microsoft 365 (Exchange Online Protection): X-Forefront-Antispam-Report, X-Microsoft-Antispam
 * (BCL, PCL), X-MS-Exchange-Organization-SCL / -PCL / -AuthAs, and compauth with its reason in
 * Authentication-Results. Meanings come from microsoft-data.ts (Microsoft's documentation).
 *
 * Decisions:
 * - The topmost copy of each header is read: in a tenant-to-tenant chain the sending tenant's
 *   copies lie lower, and the "-Untrusted" copies are the sender's (never read).
 * - Verdict, first that decides: CAT (the policy applied: phishing, malware, spam, bulk), then an
 *   SCL of 5 or more (the level Microsoft acts on), then SFV, then SRV:BULK, then SCL -1 / 0 / 1.
 * - Score: the SCL (Forefront's, else X-MS-Exchange-Organization-SCL).
 */
import type { RawField } from "../message/headers";
import { authResultsOf } from "../auth/auth-results";
import type { AntispamField, SpamVerdict } from "../types";
import { field, integer, report, type VendorReport } from "./common";
import { CAT, COMPAUTH, DMARC_ACTION, DEFAULT_BCL_THRESHOLD, IPV, SFTY, SFV, SRV, bclMeaning, compauthReason, compauthReasonShort, pclMeaning, sclMeaning } from "./microsoft-data";

export const MICROSOFT = "Microsoft 365";

/** "KEY:VALUE;KEY:VALUE;…" → ordered pairs (keys upper-case as written). One pass, no regex. */
export function colonPairs(value: string): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const part of value.split(";")) {
    if (out.length >= 64) break;
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    const key = part.slice(0, colon).trim();
    if (key.length === 0 || key.length > 32 || key.includes(" ")) continue;
    out.push({ key, value: part.slice(colon + 1).trim() });
  }
  return out;
}

interface Topmost {
  forefront?: { value: string; position: number };
  antispam?: { value: string; position: number };
  scl?: { value: string; position: number };
  pcl?: { value: string; position: number };
  authAs?: { value: string; position: number };
  mailboxDelivery?: { value: string; position: number };
  compauth?: { result: string; reason: string | null; action: string | null; position: number };
}

function topmost(fields: readonly RawField[]): Topmost {
  const t: Topmost = {};
  fields.forEach((f, position) => {
    const entry = { value: f.value, position };
    switch (f.key) {
      case "x-forefront-antispam-report": t.forefront ??= entry; break;
      case "x-microsoft-antispam": t.antispam ??= entry; break;
      case "x-ms-exchange-organization-scl": t.scl ??= entry; break;
      case "x-ms-exchange-organization-pcl": t.pcl ??= entry; break;
      case "x-ms-exchange-organization-authas": t.authAs ??= entry; break;
      case "x-microsoft-antispam-mailbox-delivery": t.mailboxDelivery ??= entry; break;
      case "authentication-results": {
        if (t.compauth || !f.value.toLowerCase().includes("compauth")) break;
        const h = authResultsOf(f);
        const compauth = h.results.find((r) => r.method === "compauth");
        if (!compauth) break;
        const dmarc = h.results.find((r) => r.method === "dmarc");
        t.compauth = { result: compauth.result, reason: compauth.props.get("reason") ?? null, action: dmarc?.props.get("action")?.toLowerCase() ?? null, position };
        break;
      }
    }
  });
  return t;
}

/** Microsoft 365's report, or null when the message carries none of its headers. */
export function readMicrosoft(fields: readonly RawField[]): VendorReport | null {
  const t = topmost(fields);
  const primary = t.forefront ?? t.scl ?? t.antispam ?? t.compauth;
  if (!primary) return null;
  const header = t.forefront ? "X-Forefront-Antispam-Report" : t.scl ? "X-MS-Exchange-Organization-SCL" : t.antispam ? "X-Microsoft-Antispam" : "Authentication-Results";
  const out: AntispamField[] = [];
  const reason: string[] = [];
  let cat: SpamVerdict | null = null;
  let sfv: SpamVerdict | null = null;
  let bulk = false;
  let scl: number | null = null;
  let bcl: number | null = null;

  if (t.forefront) {
    for (const { key, value } of colonPairs(t.forefront.value)) {
      const k = key.toUpperCase();
      switch (k) {
        case "CIP": out.push(field(k, value, value ? `The connecting IP address (${value}).` : null)); break;
        case "CTRY": out.push(field(k, value, value ? `Source country from the connecting IP address: ${value}.` : null)); break;
        case "LANG": out.push(field(k, value, value ? `Language of the message: ${value}.` : null)); break;
        case "H": out.push(field(k, value, value ? `HELO/EHLO name of the connecting server: ${value}.` : null)); break;
        case "PTR": out.push(field(k, value, value ? `Reverse DNS (PTR) of the source IP address: ${value}.` : null)); break;
        case "SCL": {
          const n = integer(value);
          if (n !== null) scl = n;
          out.push(field(k, value, n === null ? null : sclMeaning(n).meaning));
          break;
        }
        case "SFV": {
          const e = SFV[value.toUpperCase()];
          if (e) { sfv = e.verdict ?? sfv; reason.push(`SFV:${value}`); }
          out.push(field(k, value, e?.meaning ?? null));
          break;
        }
        case "CAT": {
          const e = CAT[value.toUpperCase()];
          if (e?.verdict) { cat = e.verdict; reason.push(`CAT:${value}`); }
          out.push(field(k, value, e?.meaning ?? null));
          break;
        }
        case "IPV": out.push(field(k, value, IPV[value.toUpperCase()] ?? null)); break;
        case "SRV": {
          const m = SRV[value.toUpperCase()] ?? null;
          if (value.toUpperCase() === "BULK") { bulk = true; reason.push("SRV:BULK"); }
          out.push(field(k, value, m));
          break;
        }
        case "SFTY": out.push(field(k, value, SFTY[value] ?? null)); break;
        default: out.push(field(key, value, null));
      }
    }
  }
  if (t.scl) {
    const n = integer(t.scl.value);
    if (scl === null && n !== null) scl = n;
    out.push(field("X-MS-Exchange-Organization-SCL", t.scl.value, n === null ? null : sclMeaning(n).meaning));
  }
  if (t.antispam) {
    for (const { key, value } of colonPairs(t.antispam.value)) {
      const k = key.toUpperCase();
      if (k === "BCL") {
        const n = integer(value);
        bcl = n;
        out.push(field("BCL", value, n === null ? null : bclMeaning(n)));
      } else if (k === "PCL") {
        const n = integer(value);
        out.push(field("PCL", value, n === null ? null : pclMeaning(n)));
      }
      // ARA, RULEID, SRVR …: diagnostic codes Microsoft does not document; left out of the report.
    }
  }
  if (t.pcl) {
    const n = integer(t.pcl.value);
    out.push(field("X-MS-Exchange-Organization-PCL", t.pcl.value, n === null ? null : pclMeaning(n)));
  }
  if (t.authAs) out.push(field("X-MS-Exchange-Organization-AuthAs", t.authAs.value, null));
  const delivery = t.mailboxDelivery ? mailboxDelivery(t.mailboxDelivery.value, out) : null;
  if (t.compauth) {
    const c = t.compauth;
    out.push(field("compauth", c.result, COMPAUTH[c.result] ?? null));
    if (c.reason !== null) out.push(field("reason", c.reason, compauthReason(c.reason)));
    if (c.action !== null) out.push(field("action", c.action, DMARC_ACTION[c.action] ?? null));
  }

  let verdict: SpamVerdict = "unknown";
  const sclText = scl === null ? null : `SCL ${scl}`;
  if (cat) verdict = cat;
  else if (scl !== null && scl >= 5) verdict = "spam";
  else if (sfv && sfv !== "clean") verdict = sfv;
  else if (bulk || (bcl !== null && bcl >= DEFAULT_BCL_THRESHOLD && scl === null)) verdict = "bulk";
  else if (scl !== null && sclMeaning(scl).verdict) verdict = sclMeaning(scl).verdict as SpamVerdict;
  else if (sfv) verdict = sfv;
  if (sclText && (verdict !== "unknown")) reason.unshift(sclText);
  if (verdict === "bulk" && bcl !== null) reason.push(`BCL ${bcl}`);
  if (t.compauth && t.compauth.result === "fail") {
    const code = t.compauth.reason;
    const short = code ? compauthReasonShort(code) : null;
    reason.push(`compauth fail${code ? `: ${short ? `${short}, ` : ""}reason ${code}` : ""}`);
  }
  // Exchange Online files its own headers below the Received block and strips outside copies.
  const r = { ...report(MICROSOFT, header, primary.position, verdict, scl, null, dedupe(reason), out), operator: MICROSOFT };
  return delivery ? { ...r, delivery } : r;
}

/** Folders of X-Microsoft-Antispam-Mailbox-Delivery's dest: (I with RF absent, J with "RF:JunkEmail"). */
const DEST_FOLDER: Readonly<Record<string, "inbox" | "junk">> = { I: "inbox", J: "junk" };

/**
 * X-Microsoft-Antispam-Mailbox-Delivery, which the mailbox writes when it files the message
 * ("ucf:0;jmr:0;auth:1;dest:I;OFR:TrustedSenderList;ENG:(…);"): its dest:, OFR: and RF: words go
 * into the report as written (Microsoft documents neither the header nor its values, so no meaning
 * is given), and dest: says the folder.
 */
function mailboxDelivery(value: string, out: AntispamField[]): { folder: "inbox" | "junk" | "other"; words: string } | null {
  const words: string[] = [];
  let dest: string | null = null;
  for (const { key, value: v } of colonPairs(value)) {
    const k = key.toUpperCase();
    if (k !== "DEST" && k !== "OFR" && k !== "RF") continue;
    if (k === "DEST") dest ??= v.toUpperCase();
    out.push(field(key, v, null));
    words.push(`${key}:${v}`);
  }
  if (dest === null) return null;
  return { folder: DEST_FOLDER[dest] ?? "other", words: words.join("; ") };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
