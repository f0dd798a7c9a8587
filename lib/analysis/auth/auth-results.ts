/**
 * Authentication-Results (RFC 8601 §2.2) and ARC-Authentication-Results (RFC 8617 §4.1.2).
 *
 *   authres-header = authserv-id [ CFWS authres-version ] ( no-result / 1*resinfo )
 *   resinfo        = ";" methodspec [ reasonspec ] [ 1*propspec ]
 *   methodspec     = method [ "/" version ] "=" result      e.g. dkim=pass
 *   propspec       = ptype "." property "=" pvalue          e.g. header.d=example.com
 *
 * Forms met in real headers that the grammar does not cover, and how they are read:
 * - Microsoft 365 writes no authserv-id: "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=…;
 *   dkim=pass (signature was verified) header.d=…;dmarc=pass action=none header.from=…;
 *   compauth=pass reason=100". A first segment whose first word is followed by "=" is a resinfo.
 * - "dmarc=pass(p=NONE)" with no space before the comment; comments anywhere.
 * - Google's old "smtp.mail=" for smtp.mailfrom (RFC 5451 era).
 * - A missing ";" between the authserv-id and the first resinfo is tolerated.
 */
import { commentTags, readPairs, splitSemis, tokenizeAuth, type AuthToken } from "./tokens";
import { memoPerAnalysis } from "../memo";

/** One resinfo: method, result and its properties. */
export interface ResInfo {
  /** Lower-case method without version ("spf", "dkim", "dmarc", "arc", "iprev", "compauth", …). */
  method: string;
  /** Lower-case result ("pass", "fail", "softfail", "none", "bestguesspass", …). */
  result: string;
  /** Lower-case ptype.property (and bare keys such as "reason", "action") → value as written; first wins. */
  props: Map<string, string>;
  /** Texts of the comments in this resinfo, in order. */
  comments: string[];
}

export interface AuthResultsHeader {
  /** The authserv-id (lower-case), or null when the header has none (Microsoft 365). */
  authservId: string | null;
  /** ARC instance (i=) for ARC-Authentication-Results; null otherwise or when unreadable. */
  instance: number | null;
  results: ResInfo[];
}

/** Longest result or method token we keep; longer ones are junk. */
const MAX_TOKEN_CHARS = 64;
/** RFC 8617 §4.2.1: ARC instances run from 1 to 50. */
export const MAX_ARC_INSTANCE = 50;

/**
 * The parse of an Authentication-Results or ARC-Authentication-Results field, once per field: the
 * border finder (receiver-checks.ts) and the authentication summary both read every one. The
 * result is shared: callers read it and build their own objects.
 */
export const authResultsOf: (field: { readonly key: string; readonly value: string }) => AuthResultsHeader = memoPerAnalysis(
  (field) => (field.key === "arc-authentication-results" ? parseArcAuthResults(field.value) : parseAuthResults(field.value)),
  1024,
);

/** Parses one Authentication-Results value. Never throws. */
export function parseAuthResults(value: string): AuthResultsHeader {
  return parsePayload(splitSemis(tokenizeAuth(value)), null);
}

/** Parses one ARC-Authentication-Results value: "i=N;" then an Authentication-Results payload. */
export function parseArcAuthResults(value: string): AuthResultsHeader {
  const segments = splitSemis(tokenizeAuth(value));
  const { pairs } = readPairs(segments[0]);
  if (pairs.length === 1 && pairs[0].key === "i") {
    return parsePayload(segments.slice(1), parseInstance(pairs[0].value));
  }
  // No instance tag: read it as a plain Authentication-Results payload.
  return parsePayload(segments, null);
}

/** "1".."50" → number; anything else → null. */
export function parseInstance(text: string | undefined): number | null {
  if (!text || text.length > 2) return null;
  for (const c of text) if (c < "0" || c > "9") return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_ARC_INSTANCE ? n : null;
}

function parsePayload(segments: AuthToken[][], instance: number | null): AuthResultsHeader {
  const results: ResInfo[] = [];
  let authservId: string | null = null;
  segments.forEach((segment, index) => {
    let rest = segment;
    if (index === 0) {
      const head = readAuthservId(segment);
      authservId = head.authservId;
      rest = head.rest;
    }
    const r = readResInfo(rest);
    if (r) results.push(r);
  });
  return { authservId, instance, results };
}

/**
 * The first segment starts with the authserv-id unless its first word is followed by "="
 * (Microsoft's form). An optional all-digit version follows the id (RFC 8601 §2.2).
 */
function readAuthservId(segment: AuthToken[]): { authservId: string | null; rest: AuthToken[] } {
  const solid: number[] = [];
  for (let i = 0; i < segment.length && solid.length < 3; i++) if (segment[i].type !== "comment") solid.push(i);
  if (solid.length === 0) return { authservId: null, rest: [] };
  const first = segment[solid[0]];
  const second = solid.length > 1 ? segment[solid[1]] : undefined;
  if (first.type === "eq" || second?.type === "eq") return { authservId: null, rest: segment };
  const id = first.text.trim().toLowerCase();
  let restFrom = solid[0] + 1;
  if (second && second.type === "word" && isDigits(second.text)) restFrom = solid[1] + 1;
  return { authservId: id === "" ? null : id, rest: segment.slice(restFrom) };
}

function readResInfo(tokens: AuthToken[]): ResInfo | null {
  const { pairs, comments } = readPairs(tokens);
  if (pairs.length === 0) return null;
  const [head, ...props] = pairs;
  const slash = head.key.indexOf("/");
  const method = (slash >= 0 ? head.key.slice(0, slash) : head.key).trim();
  const result = head.value.trim().toLowerCase();
  if (!method || !result || method.length > MAX_TOKEN_CHARS || result.length > MAX_TOKEN_CHARS) return null;
  const map = new Map<string, string>();
  for (const p of props) if (!map.has(p.key)) map.set(p.key, p.value);
  return { method, result, props: map, comments };
}

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 9) return false;
  for (const c of s) if (c < "0" || c > "9") return false;
  return true;
}

const DMARC_POLICIES = new Set(["none", "quarantine", "reject"]);

/**
 * The DMARC policy of a dmarc resinfo, lower-case ("none" | "quarantine" | "reject"), or null.
 * Sources, first found wins: the property policy.dmarc, polrec.p (DMARCbis), Cyrus/Fastmail's
 * policy.published-domain-policy, then a comment tag p= (Google "(p=NONE sp=QUARANTINE dis=NONE)",
 * Microsoft "(p=none sp=quarantine pct=100)", OpenDMARC "(p=none dis=none)") or policy=
 * (rspamd "(policy=none)"). The published policy is reported, not the disposition applied.
 * Values other than the three RFC 7489 §6.3 policies are dropped rather than guessed at.
 */
export function dmarcPolicy(r: ResInfo): string | null {
  for (const key of ["policy.dmarc", "polrec.p", "policy.published-domain-policy"]) {
    const v = r.props.get(key)?.toLowerCase();
    if (v && DMARC_POLICIES.has(v)) return v;
  }
  for (const c of r.comments) {
    const tags = commentTags(c);
    const v = (tags.get("p") ?? tags.get("policy"))?.toLowerCase();
    if (v && DMARC_POLICIES.has(v)) return v;
  }
  return null;
}

/** The ARC instance an "arc=pass (i=2 …)" comment names (Google writes it), or null. */
export function arcInstanceFromComments(r: ResInfo): number | null {
  for (const c of r.comments) {
    const i = parseInstance(commentTags(c).get("i"));
    if (i !== null) return i;
  }
  return null;
}
