import type { Token } from "./tokenize";
import { isHostName, normaliseHost } from "../net/host";
import { parseIp } from "../net/ip";
import { tokenize, tokenizeComment } from "./tokenize";
import { trimEnd } from "../text/trim";

/**
 * The from part: which name is the HELO, which the reverse-DNS name, which the address.
 *
 * Conventions, by MTA (first word after "from" = NAME):
 *   Postfix, Sendmail, Courier  "from HELO (RDNS [IP])"; RDNS "unknown" when the PTR failed
 *   Exim                        "from RDNS ([IP]:port helo=HELO)" when helo differs, "from [IP] (helo=HELO)"
 *   qmail, qpsmtpd, GMX         "from RDNS (HELO helo) (user@IP)", "from RDNS (EHLO helo) [IP]"
 *   Microsoft, SMTPSVC          "from HELO (IP)" / "from HELO ([IP])"
 *   Yahoo                       "from IP (EHLO name) (IP)"
 * So: when a comment names the HELO explicitly (HELO x, EHLO x, helo=x), NAME is the reverse-DNS
 * name (or an address); otherwise NAME is the HELO and the reverse-DNS name, if any, is the word
 * before the bracketed address inside the comment. With only "from X ([ip])", X is the HELO and
 * no reverse-DNS name was recorded.
 */

export interface FromPart {
  helo: string | null;
  rdns: string | null;
  ip: string | null;
}

/** Placeholders MTAs write where a reverse-DNS name would go. */
const RDNS_MARKERS = new Set(["unknown", "unverified", "softdnserr", "verified", "may", "rdns", "unknown.domain"]);
const HELO_WORDS = new Set(["helo", "ehlo", "lhlo", "hello"]);

interface CommentFacts {
  /** undefined: no HELO keyword; "": keyword with an empty name (qmail "(HELO )"). */
  helo?: string;
  rdns?: string;
  ip?: string;
}

export interface FromOptions {
  /**
   * The header is Exim's (its "(Exim 4.92)" banner or queue id). Exim writes "helo=" only when
   * the HELO differs from the name it verified ("from RDNS ([IP]:port)", spec/exim.html, "Received
   * header"): then NAME is the verified reverse-DNS name and the HELO both.
   */
  exim?: boolean;
  /**
   * The header is qmail-smtpd's (qmailStamp() in parse-received.ts). qmail writes "from
   * REMOTEHOST (HELO helo) (info@IP)" with the HELO part only when the HELO differs from
   * REMOTEHOST, its reverse-DNS name (received.c, qmail-smtpd.c): without it NAME is both.
   */
  qmail?: boolean;
}

/** Reads a from clause (the tokens after "from"). */
export function readFrom(tokens: Token[], opts: FromOptions = {}): FromPart {
  const first = tokens[0];
  const name = first && first.kind !== "comment" ? first : null;
  let helo: string | undefined;
  let rdns: string | undefined;
  let ip: string | undefined;
  /** A comment holding only the address, "([ip])" or Exim's "([ip]:port)". */
  let addressOnly = false;
  /** Exim's own "([ip]:port)" form (ZMailer's "([ip]:port "EHLO x")" names its HELO). */
  let portForm = false;
  for (let i = name ? 1 : 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === "comment") {
      const shape = addressOnlyComment(t.text);
      addressOnly ||= shape !== null;
      portForm ||= shape === "port";
      const f = readFromComment(t.text, true);
      if (helo === undefined && f.helo !== undefined) helo = f.helo;
      if (f.ip !== undefined) {
        // Two comments with addresses ("from x ([6.6.6.6]) (real.example.net [192.0.2.9])"): the
        // receiver appends its own record last; an earlier one may be text the client supplied.
        ip = f.ip;
        rdns = f.rdns ?? rdns;
      } else rdns ??= f.rdns;
    } else if (t.kind === "literal") {
      ip ??= parseIp(t.text) ?? undefined; // Exim 3 / fetchmail "from host [ip]"
    } else if (t.kind === "quoted" && helo === undefined && isWordAt(tokens, i - 1, "be")) {
      helo = t.text; // obtuse smtpd: 'from host(ip), claiming to be "helo" via SMTP'
    }
  }
  const nameText = name ? name.text : null;
  // "from 217.160.10.139:13012" (IONOS, t-online webmail front ends): an address and a port, no HELO.
  const portIp = nameText !== null && name?.kind === "word" ? ipWithPort(nameText) : null;
  if (portIp !== null) return { helo: null, rdns: null, ip: ip ?? portIp };
  const nameIp = nameText !== null && name?.kind !== "angle" ? parseIp(nameText) : null;
  let outHelo: string | null;
  let outRdns: string | null;
  if (helo !== undefined) {
    outHelo = helo === "" ? null : helo;
    // NAME is the receiver's reverse-DNS name here; only a host-like word counts (Exim's local
    // "from root (helo=x)" puts an ident user there).
    const nameHost = nameText !== null && name?.kind === "word" && !nameIp && isHostName(nameText) ? nameText : undefined;
    outRdns = cleanRdns(rdns ?? nameHost ?? null);
  } else {
    // A mailbox is no HELO name: qmail-scanner writes the envelope sender there
    // ("from replies@example.com by mailhost with qmail-scanner-1.00").
    outHelo = name && name.kind !== "angle" && !name.text.includes("@") ? trimEnd(name.text, ",") : null;
    // A lone dotless word with no address anywhere is a local login, not a HELO: Exim writes
    // "from andrew by host with local" and "from mail by host with spam-scanned" for local senders.
    if (outHelo !== null && tokens.length === 1 && name?.kind === "word" && !outHelo.includes(".") && !nameIp && outHelo.toLowerCase() !== "localhost") outHelo = null;
    outRdns = cleanRdns(rdns ?? null);
    // Exim without helo=: the HELO equalled the verified name, so NAME is the rDNS too.
    if ((opts.exim || portForm) && outRdns === null && addressOnly && outHelo !== null && !nameIp && isHostName(outHelo)) outRdns = cleanRdns(outHelo);
    // qmail without "(HELO …)": the same, its address written bare, "(IP)" or "(info@IP)".
    if (opts.qmail && outRdns === null && tokens.length === 2 && isQmailAddressComment(tokens[1]) && outHelo !== null && !nameIp && isHostName(outHelo)) outRdns = cleanRdns(outHelo);
  }
  if (outHelo === "") outHelo = null;
  return { helo: outHelo, rdns: outRdns, ip: ip ?? nameIp ?? null };
}

/**
 * Facts in one parenthesised comment of the from part. `allowLoneHost` lets a comment holding
 * just a host name count as the reverse-DNS name (LSMTP "(dl1gspmx02.gamestop.com)").
 */
export function readFromComment(text: string, allowLoneHost: boolean): CommentFacts {
  const facts: CommentFacts = {};
  const inner = tokenizeComment(text);
  const first = inner[0];
  // Comments that are about something else (TLS, AUTH, envelope, proxies) hold no from facts;
  // "(Authenticated sender: a@example.com)" must not yield an rdns.
  if (first !== undefined && first.kind === "word" && first.text.length <= SKIP_FIRST_LONGEST && SKIP_FIRST.has(first.text.toLowerCase())) return facts;
  let accountAt = -1;
  for (let i = 0; i < inner.length; i++) {
    const t = inner[i];
    if (!t) continue;
    // Only words are compared, and only with short keywords: a long word is never lower-cased.
    const lower = t.kind === "word" && t.text.length <= 7 ? t.text.toLowerCase() : "";
    if (lower === "account") {
      i++; // CommuniGate "(account name [ip] verified)": the account name is not a host
      accountAt = i;
      continue;
    }
    if (t.kind === "quoted" && facts.helo === undefined) {
      // ZMailer (vger.kernel.org): "([ip]:port "EHLO name" rhost-flags-OK-OK-OK-OK)".
      const q = tokenize(t.text);
      const kw = q[0];
      const arg = q[1];
      if (q.length === 2 && kw?.kind === "word" && HELO_WORDS.has(kw.text.toLowerCase()) && arg && (arg.kind === "word" || arg.kind === "literal")) {
        facts.helo = arg.text;
      }
      continue;
    }
    if (lower !== "" && HELO_WORDS.has(lower)) {
      const next = inner[i + 1];
      if (facts.helo === undefined) {
        facts.helo = next && (next.kind === "word" || next.kind === "literal") ? trimEnd(next.text, ",") : "";
      }
      i++;
      continue;
    }
    if (t.kind === "word" && t.text.length >= 5 && startsWithHeloEquals(t.text)) {
      // Exim "helo=name"; "helo=[192.168.1.29]" tokenises as "helo=" + literal.
      let v = t.text.slice(5);
      const next = inner[i + 1];
      if (v === "" && next && next.kind === "literal" && next.start === t.end) {
        v = next.text;
        i++;
      }
      if (facts.helo === undefined) facts.helo = v;
      continue;
    }
    if (t.kind === "literal") {
      const ip = parseIp(t.text);
      if (ip && facts.ip === undefined) facts.ip = ip;
      // "(rdns [ip])": the word before the literal is the looked-up name, even when the address
      // is empty or redacted (Postfix "(forward.example.net [])").
      const prev = inner[i - 1];
      if (prev && i - 1 !== accountAt && (prev.kind === "word" || prev.kind === "angle") && facts.rdns === undefined) {
        const host = hostPart(prev.text);
        if (host !== null && !parseIp(host)) facts.rdns = host;
      }
      continue;
    }
    if (t.kind === "word") {
      const ip = parseIp(t.text);
      // A bare IPv4 counts only first (qmail "(user@1.2.3.4)", Microsoft "(10.1.1.1)"); bare IPv6
      // anywhere (Facebook "(<token> 2401:db00:…)"), since version strings never look like IPv6.
      if (ip && facts.ip === undefined && (i === 0 || ip.includes(":"))) {
        facts.ip = ip;
        continue;
      }
    }
  }
  if (allowLoneHost && facts.rdns === undefined && facts.helo === undefined && inner.length <= 2) {
    for (const t of inner) {
      if (t.kind !== "word") continue;
      const host = hostPart(t.text);
      if (host !== null && isHostName(host) && !parseIp(host)) {
        facts.rdns = host;
        break;
      }
    }
  }
  return facts;
}

const SKIP_FIRST = new Set([
  "using", "authenticated", "no", "client", "envelope-from", "envelope-sender", "proxying", "qmail",
  "postfix", "may", "tls:", "auth:", "cipher", "crosscheck:", "peer", "squirrelmail", "single-drop",
]);

const SKIP_FIRST_LONGEST = Math.max(...[...SKIP_FIRST].map((w) => w.length));

/** "helo=…" in any case, on char codes. */
function startsWithHeloEquals(w: string): boolean {
  return (w.charCodeAt(0) | 32) === 104 && (w.charCodeAt(1) | 32) === 101 && (w.charCodeAt(2) | 32) === 108 && (w.charCodeAt(3) | 32) === 111 && w.charCodeAt(4) === 61;
}

/** "user@host" → "host"; "IDENT:user@host" → "host"; "user@" → null; plain words as they are. */
function hostPart(word: string): string | null {
  const at = word.lastIndexOf("@");
  const h = trimEnd(at >= 0 ? word.slice(at + 1) : word, ",");
  if (h.length === 0 || h.includes("=") || h.includes(":") && !parseIp(h)) return null;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95;
    if (!ok) return null;
  }
  return h;
}

/** "([192.0.2.1])" or "([192.0.2.1]:52311)": the address literal alone, an optional port after it. */
function addressOnlyComment(text: string): "address" | "port" | null {
  if (text.length > 60) return null;
  const inner = tokenizeComment(text);
  const lit = inner[0];
  if (!lit || lit.kind !== "literal" || parseIp(lit.text) === null) return null;
  if (inner.length === 1) return "address";
  const port = inner[1];
  return inner.length === 2 && port?.kind === "word" && port.start === lit.end && /^:\d{1,5}$/.test(port.text) ? "port" : null;
}

/** qmail's address comment: "(198.51.100.7)" or "(root@198.51.100.7)", the address bare. */
function isQmailAddressComment(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== "comment" || t.text.length > 80) return false;
  const at = t.text.lastIndexOf("@");
  const ip = t.text.slice(at + 1);
  return ip.length > 0 && ip.trim() === ip && parseIp(ip) === ip.toLowerCase() && (at < 0 || /^[^\s@()]+$/.test(t.text.slice(0, at)));
}

/** "217.160.10.139:13012" → "217.160.10.139"; null for anything else (an IPv6 address has no port here). */
function ipWithPort(word: string): string | null {
  const colon = word.lastIndexOf(":");
  if (colon < 7 || word.length - colon > 6 || word.indexOf(":") !== colon) return null;
  for (let i = colon + 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  if (colon === word.length - 1) return null;
  const ip = parseIp(word.slice(0, colon));
  return ip !== null && !ip.includes(":") ? ip : null;
}

function cleanRdns(v: string | null): string | null {
  if (v === null) return null;
  const h = normaliseHost(v);
  if (h === null || RDNS_MARKERS.has(h) || h.startsWith("unknown") || parseIp(h)) return null;
  // A name whose last label is all digits is no host (no top-level domain is numeric, RFC 3696
  // §2): a mangled address ("193.phishing@pot.113.71") is not a reverse-DNS name.
  if (numericLastLabel(h)) return null;
  return h;
}

function numericLastLabel(h: string): boolean {
  const dot = h.lastIndexOf(".");
  if (dot < 0 || dot === h.length - 1) return false;
  for (let i = dot + 1; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isWordAt(tokens: Token[], i: number, lower: string): boolean {
  const t = tokens[i];
  return t !== undefined && t.kind === "word" && t.text.toLowerCase() === lower;
}
