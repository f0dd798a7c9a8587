/**
 * Findings that answer "is it genuine?" (issue 12), each with its evidence in the message text:
 *
 *   spam-verdict          a spam filter of the recipient's side marked the message (SCL >= 5,
 *                         SFV:SPM, X-Spam-Flag: YES, rspamd's action …): warning; phishing or
 *                         malware: critical (the filter named a threat, not just unwanted mail);
 *                         bulk: info. An upstream filter's verdict: info (a claim of the sender's side).
 *   compauth-fail         Microsoft 365's composite authentication failed: warning (Microsoft's own
 *                         judgement that the From domain is not authenticated, its spoof signal).
 *   dmarc-fail            the recipient's DMARC check failed: warning; info when the recipient
 *                         accepted the message on an earlier DMARC pass its ARC chain records
 *                         (arc.ts), which arc-override then describes.
 *   arc-override          that acceptance: info.
 *   dmarc-missing         a header says the From domain publishes p=reject or p=quarantine, yet the
 *                         recipient's servers, which did record SPF or DKIM, recorded no DMARC pass
 *                         or fail: warning (no DNS used).
 *   from-not-aligned      SPF/DKIM results exist but none passes for the From domain's organisation,
 *                         and no DMARC pass: warning (nothing authenticates the visible sender).
 *   display-name-address  the display name holds an address of another organisation: warning.
 *   display-name-brand    the display name names a brand (brands.ts) the From domain does not belong
 *                         to: warning.
 *   reply-to-other-org    replies go to another organisation: warning when to a free-mail provider
 *                         (a classic fraud pattern), info otherwise (help desks and ESPs do this).
 *   sender-brand          the Sender header (which Outlook shows as "Sender on behalf of From")
 *                         names a brand, by its display name or its domain, that the From domain
 *                         does not belong to, and no DKIM pass of the recipient's signs for it:
 *                         warning. A Sender of another organisation alone is ordinary (mailing
 *                         lists write their own; Google Calendar signs its own) and no finding.
 * "The recipient's results": those written at or above the border (trusted); when the message
 * shows no border, all results. Upstream-only results are never taken as the recipient's.
 */
import { parseMailboxes, type Mailbox } from "../message/addresses";
import type { RawField } from "../message/headers";
import { firstField } from "../message/headers";
import { organizationalDomain } from "../net/domain";
import { isHostName } from "../net/host";
import type { AntispamReport, Authentication, Finding, ResultTrust } from "../types";
import { arcAcceptance, arcSource, type ArcEvidence } from "./arc";
import { BRANDS, FREEMAIL_DOMAINS, RESERVED_LOCAL_PARTS, type Brand } from "./brands";

/** The entries the recipient's side wrote: trusted ones; all when no border is known. */
export function recipientResults<T extends ResultTrust>(list: readonly T[]): T[] {
  if (list.some((r) => r.trusted === true)) return list.filter((r) => r.trusted === true);
  if (list.every((r) => r.trusted === undefined)) return [...list];
  return [];
}

export interface GenuineFacts {
  fields: readonly RawField[];
  auth: Authentication;
  antispam: readonly AntispamReport[];
  /** What the ARC chain says about a DMARC failure of the recipient's (arc.ts); null: nothing. */
  arc?: ArcEvidence | null;
}

const VERDICT_WORD: Record<string, string> = { spam: "spam", phish: "phishing", malware: "malware", bulk: "bulk mail" };

export function genuineFindings({ fields, auth, antispam, arc = null }: GenuineFacts): Finding[] {
  const out: Finding[] = [];
  const fromField = firstField(fields, "from");
  const fromBoxes = parseMailboxes(fromField?.value ?? null);
  const from = fromBoxes[0] ?? null;
  const fromDomain = from?.domain ?? null;
  const fromOrg = fromDomain ? organizationalDomain(fromDomain) : null;
  if (fromField) {
    const malformed = fromMalformed(fromField.decoded, fromBoxes, recipientResults(auth.dmarc));
    if (malformed) out.push(malformed);
  }

  for (const r of antispam) {
    const word = VERDICT_WORD[r.verdict];
    if (!word) continue;
    const why = r.reason.length > 0 ? ` (${r.reason.join(", ")})` : "";
    if (r.trusted === false) {
      out.push({ code: "spam-verdict", severity: "info", message: `An upstream ${r.vendor} filter (${r.header}, below the recipient's border) marked the message as ${word}${why}; this is a claim of a server before the recipient.` });
      continue;
    }
    const severity = r.verdict === "phish" || r.verdict === "malware" ? "critical" : r.verdict === "bulk" ? "info" : "warning";
    out.push({ code: "spam-verdict", severity, message: `${r.vendor} marked the message as ${word}${why}.` });
  }

  const ms = antispam.find((r) => r.vendor === "Microsoft 365" && r.trusted !== false);
  const compauth = ms?.fields.find((f) => f.name === "compauth");
  if (compauth && compauth.value.toLowerCase() === "fail") {
    const reason = ms!.fields.find((f) => f.name === "reason");
    const because = reason ? ` (reason ${reason.value}${reason.meaning ? `: ${lowerFirst(reason.meaning).replace(/\.$/, "")}` : ""})` : "";
    out.push({ code: "compauth-fail", severity: "warning", message: `Microsoft 365's composite authentication failed for the From domain${fromDomain ? ` ${fromDomain}` : ""}${because}.` });
  }

  const dmarc = recipientResults(auth.dmarc);
  const spf = recipientResults(auth.spf);
  const dkim = recipientResults(auth.dkim);
  const msAction = ms?.fields.find((f) => f.name === "action")?.value.toLowerCase() ?? null;
  const knownPolicy = (org: string | null) => policyFromHeaders(auth, org) ?? policyFromAction(msAction);
  const failed = dmarc.find((d) => d.result === "fail");
  const passed = dmarc.some((d) => d.result === "pass" || d.result === "bestguesspass");
  if (failed) {
    const policy = failed.policy ?? knownPolicy(fromOrg);
    const what = `DMARC failed for ${failed.domain ?? fromDomain ?? "the From domain"}${policy ? ` (published policy ${policy})` : ""}${failed.authservId ? `, recorded by ${failed.authservId}` : ""}: neither SPF nor DKIM authenticated the From domain`;
    if (arc?.accepted) {
      out.push({ code: "dmarc-fail", severity: "info", message: `${what} after forwarding, and the recipient accepted the message on the DMARC pass its ARC chain records.` });
      out.push({
        code: "arc-override",
        severity: "info",
        message: `The message was forwarded: ${arcSource(arc)} records DMARC pass for ${arc.domain} before that, and ${arcAcceptance(arc)} on its ARC chain. The earlier pass is the sealer's record; the acceptance is the recipient's.`,
      });
    } else if (arc) {
      out.push({ code: "dmarc-fail", severity: "warning", message: `${what}. ${upperFirst(arcSource(arc))} claims an earlier DMARC pass in an ARC chain the recipient validated, but the recipient did not say it accepted the message on it: a sealer can claim anything.` });
    } else {
      out.push({ code: "dmarc-fail", severity: "warning", message: `${what}.${fromOrg ? listContext(fields, auth, fromOrg) : ""}` });
    }
  } else if (!passed && fromOrg && (spf.length > 0 || dkim.length > 0)) {
    // Only when the recipient's servers did check the message (SPF or DKIM recorded): a receiver
    // that records no checks at all says nothing about this message's DMARC.
    const policy = knownPolicy(fromOrg);
    if (policy === "reject" || policy === "quarantine") {
      const got = dmarc.length > 0 ? `DMARC ${dmarc.map((d) => d.result).join(", ")}` : "no DMARC result";
      out.push({ code: "dmarc-missing", severity: "warning", message: `${fromDomain} publishes DMARC p=${policy} (as a header of this message says), yet the recipient's servers recorded ${got}: the From domain was not shown to be authentic.` });
    }
  }

  if (!failed && !passed && fromOrg && (spf.length > 0 || dkim.length > 0)) {
    const aligned = (r: { result: string; domain: string | null }) => r.result === "pass" && r.domain !== null && organizationalDomain(r.domain) === fromOrg;
    if (!spf.some(aligned) && !dkim.some(aligned)) {
      const passes = [...spf.filter((r) => r.result === "pass").map((r) => `SPF passed for ${r.domain ?? "an unnamed domain"}`), ...dkim.filter((r) => r.result === "pass").map((r) => `DKIM passed for ${r.domain ?? "an unnamed domain"}`)];
      const detail = passes.length > 0 ? ` (${[...new Set(passes)].slice(0, 3).join("; ")})` : " (no SPF or DKIM result passed)";
      out.push({ code: "from-not-aligned", severity: "warning", message: `No passing SPF or DKIM result is aligned with the From domain ${fromDomain}${detail}: nothing authenticates the visible sender.` });
    }
  }

  if (from) {
    // The name a mail client shows: the display name, or with none the rest of the header's text
    // ('"Paypal ❗", "Paypal ❗", <service@otto.de>' parses to a nameless address after two
    // names without one; the reader still sees "Paypal").
    const name = from.name.trim() || visibleText(fromField?.decoded ?? "");
    const inName = addressInName(name);
    if (inName && fromOrg && organizationalDomain(inName.domain) !== fromOrg) {
      out.push({ code: "display-name-address", severity: "warning", message: `The From display name shows the address ${inName.address}, but the message is from ${from.address} (another domain): the name imitates a sender.` });
    }
    const brand = brandInName(name);
    if (brand && fromDomain && !belongsTo(fromDomain, brand, from.address)) {
      out.push({ code: "display-name-brand", severity: "warning", message: `The From display name "${name.slice(0, 80)}" names ${brand.name}, but the address ${from.address} is not at a ${brand.name} domain.` });
    }
  }

  const senderField = firstField(fields, "sender");
  const sender = senderField ? (parseMailboxes(senderField.value)[0] ?? null) : null;
  // A service that sends for its users signs as itself (Google Calendar: "Sender: Google Calendar
  // <calendar-notification@google.com>", DKIM d=google.com): a Sender the recipient saw signed is no impersonation.
  const senderSigned = (org: string) => dkim.some((r) => r.result === "pass" && r.domain !== null && organizationalDomain(r.domain) === org);
  if (sender && from && fromDomain && sender.domain && organizationalDomain(sender.domain) !== fromOrg && !senderSigned(organizationalDomain(sender.domain))) {
    const name = sender.name.trim() || visibleText(senderField?.decoded ?? "");
    const brand = brandInName(name) ?? BRANDS.find((b) => belongsTo(sender.domain as string, b, sender.address)) ?? null;
    if (brand && !belongsTo(fromDomain, brand, from.address)) {
      const shown = name.length > 60 ? `${name.slice(0, 57)}...` : name;
      out.push({
        code: "sender-brand",
        severity: "warning",
        message: `The Sender header (${shown ? `"${shown}" ` : ""}${sender.address}) names ${brand.name}, but the message is from ${from.address}: Outlook shows it as "${sender.address} on behalf of" the From address, and nothing here authenticates it.`,
      });
    }
  }

  const replyTo = parseMailboxes(firstField(fields, "reply-to")?.value ?? null)[0] ?? null;
  if (replyTo?.domain && fromOrg) {
    const replyOrg = organizationalDomain(replyTo.domain);
    if (replyOrg !== fromOrg) {
      const free = FREEMAIL_DOMAINS.has(replyOrg) && !FREEMAIL_DOMAINS.has(fromOrg);
      out.push({
        code: "reply-to-other-org",
        severity: free ? "warning" : "info",
        message: `Replies go to ${replyTo.domain}${free ? " (a free-mail provider)" : ""}, not to the From domain ${fromDomain}.`,
      });
    }
  }
  return out;
}

/**
 * from-malformed: a From header that DMARC cannot check (RFC 7489 §6.6.1 needs exactly one
 * address with a domain): no address at all ("Europa Park,(<noreply@dhl.de>)", an address only in
 * a comment), a domain that is no host name ("correios", "%atendimentos.net"): warnings; several
 * addresses: info (RFC 5322 allows them with a Sender, receivers may reject them).
 */
function fromMalformed(text: string, boxes: readonly Mailbox[], dmarc: readonly { domain: string | null }[]): Finding | null {
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  // The recipient's DMARC check names a From domain: it saw a valid From, and this text was
  // edited after delivery (a redacted copy: phishing_pot writes "phishing@pot" for its own address).
  const checked = dmarc.find((d) => d.domain !== null && isHostName(d.domain) && d.domain.includes("."))?.domain ?? null;
  const malformed = (what: string, consequence: string): Finding =>
    checked
      ? { code: "from-malformed", severity: "info", message: `${what}, yet the recipient's DMARC check names the From domain ${checked}: the header was edited after delivery (a redacted copy?).` }
      : { code: "from-malformed", severity: "warning", message: `${what}: ${consequence}` };
  if (boxes.length === 0) {
    return malformed(`The From header holds no valid address (it reads ${shown})`, "DMARC cannot check it, and a mail client shows whatever text it holds.");
  }
  const bad = boxes.find((b) => !b.address.includes("[") && (b.domain === null || !isHostName(b.domain) || !b.domain.includes(".") || !/[a-z]/i.test(b.domain.slice(b.domain.lastIndexOf(".") + 1))));
  if (bad) {
    return malformed(`The From address ${bad.address} has no valid domain`, "DMARC cannot check it, and no one can reply to it.");
  }
  if (boxes.length > 1) {
    return { code: "from-malformed", severity: "info", message: `The From header names ${boxes.length} addresses; DMARC checks a single one, and receivers may reject such messages (RFC 7489 §6.6.1).` };
  }
  return null;
}

/** The text of a From header outside its addresses: what a mail client shows when no display name parses. */
function visibleText(text: string): string {
  return text
    .replace(/<[^<>]*>/g, " ")
    .split(/[\s"',;()<>]+/)
    .filter((word) => word !== "" && !word.includes("@"))
    .join(" ")
    .slice(0, 200);
}

/** Longest List-Id shown in a message. */
const MAX_LIST_ID = 100;

/**
 * " The message came through the mailing list …": when a List-Id (RFC 2919) names a list and the
 * recipient found the From domain's DKIM signature broken, or a server before it recorded that
 * signature passing. Lists change what they send on (a subject tag, a footer), and a list message
 * failing DMARC is common; the words add that context, they decide nothing (a sender can write a
 * List-Id too). "" otherwise.
 */
function listContext(fields: readonly RawField[], auth: Authentication, fromOrg: string): string {
  const id = firstField(fields, "list-id")?.decoded ?? "";
  const open = id.lastIndexOf("<");
  const close = id.indexOf(">", open + 1);
  const list = open >= 0 && close > open + 1 && close - open <= MAX_LIST_ID ? id.slice(open + 1, close).trim() : null;
  if (!list) return "";
  const ofFrom = (r: { domain: string | null }) => r.domain !== null && organizationalDomain(r.domain) === fromOrg;
  const broken = recipientResults(auth.dkim).find((r) => r.result !== "pass" && ofFrom(r));
  const upstream = auth.dkim.find((r) => r.trusted === false && r.result === "pass" && ofFrom(r));
  if (!broken && !upstream) return "";
  const found = broken ? ` the recipient found the From domain's DKIM signature ${broken.result}` : "";
  const before = upstream ? `${found ? ", while" : ""} ${upstream.authservId ?? "a server before the recipient"} recorded DKIM pass for ${upstream.domain} (a claim of a server before the recipient)` : "";
  return ` The message names the mailing list ${list} (List-Id, which a sender can write too):${found}${before}. Lists change the messages they send on (a subject tag, a footer), so list mail often fails DMARC.`;
}

/**
 * The policy Microsoft 365's documented DMARC action implies: oreject / o.reject / pct.reject
 * are taken on p=reject, pct.quarantine on p=quarantine.
 */
export function policyFromAction(action: string | null): string | null {
  if (action === "oreject" || action === "o.reject" || action === "pct.reject") return "reject";
  if (action === "pct.quarantine") return "quarantine";
  return null;
}

/** The DMARC policy a header names for the From domain's organisation, or null. */
export function policyFromHeaders(auth: Authentication, fromOrg: string | null): string | null {
  if (!fromOrg) return null;
  for (const d of auth.dmarc) {
    if (d.policy && d.domain && organizationalDomain(d.domain) === fromOrg) return d.policy;
  }
  return null;
}

function upperFirst(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The first "local@domain" in a display name, or null. */
export function addressInName(name: string): { address: string; domain: string } | null {
  if (!name.includes("@")) return null;
  for (const word of name.split(/[\s"'<>()[\],;]+/)) {
    const at = word.indexOf("@");
    if (at <= 0 || at !== word.lastIndexOf("@")) continue;
    let domain = word.slice(at + 1).toLowerCase();
    while (domain.endsWith(".")) domain = domain.slice(0, -1);
    if (!domain.includes(".") || domain.length > 253 || !/^[a-z0-9.-]+$/.test(domain)) continue;
    return { address: word, domain };
  }
  return null;
}

/**
 * Lower-case words of a display name, separated by single spaces, padded. Format characters
 * (zero-width spaces, U+FEFF) hide words either way, "P\u200Bay\u200BPal" or "Apple\u200BSupport":
 * both readings are tried.
 */
function words(name: string, formatAs: string): string {
  const ascii = asciiWords(name);
  if (ascii !== null) return ascii;
  // A trade-mark sign ends the word ("Mcafee™"): NFKC would spell it "TM" and glue it on.
  const text = name.replace(MARK_SIGNS, " ").normalize("NFKC").replace(/\p{Cf}/gu, formatAs);
  const out: string[] = [];
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w !== "") out.push(latinLookalike(w).toLowerCase());
  return ` ${out.join(" ")} `;
}

/** ™ ℠ and the raised MC/MD/MR signs, which NFKC turns into letters. */
const MARK_SIGNS = /[\u2120\u2122\u{1F16A}-\u{1F16C}]/gu;

/**
 * Greek and Cyrillic letters drawn like Latin ones (Unicode's confusables, the unambiguous part),
 * by case: "Μetamаsk" (a Greek capital Mu and a Cyrillic a, phishing_pot sample-72) reads as
 * "Metamask". Only a word that turns wholly into ASCII letters and digits is read so; any other
 * word, such as a real Greek or Russian name, is kept as written.
 */
const LOOKALIKE = new Map<string, string>([
  // Cyrillic capitals and small letters
  ["А", "A"], ["В", "B"], ["Е", "E"], ["К", "K"], ["М", "M"], ["Н", "H"], ["О", "O"], ["Р", "P"], ["С", "C"],
  ["Т", "T"], ["Х", "X"], ["У", "Y"], ["І", "I"], ["Ј", "J"], ["Ѕ", "S"], ["Ԛ", "Q"], ["Ԝ", "W"], ["Һ", "H"], ["Ӏ", "I"],
  ["а", "a"], ["е", "e"], ["о", "o"], ["р", "p"], ["с", "c"], ["у", "y"], ["х", "x"], ["і", "i"], ["ј", "j"],
  ["ѕ", "s"], ["ԁ", "d"], ["һ", "h"], ["ӏ", "l"], ["ԛ", "q"], ["ԝ", "w"],
  // Greek capitals and small letters
  ["Α", "A"], ["Β", "B"], ["Ε", "E"], ["Ζ", "Z"], ["Η", "H"], ["Ι", "I"], ["Κ", "K"], ["Μ", "M"], ["Ν", "N"],
  ["Ο", "O"], ["Ρ", "P"], ["Τ", "T"], ["Υ", "Y"], ["Χ", "X"],
  ["ο", "o"], ["ρ", "p"], ["ι", "i"], ["κ", "k"], ["ν", "v"], ["υ", "u"], ["α", "a"],
]);

function latinLookalike(word: string): string {
  let out = "";
  let changed = false;
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += ch;
      continue;
    }
    const latin = LOOKALIKE.get(ch);
    if (latin === undefined) return word;
    out += latin;
    changed = true;
  }
  return changed && /^[a-z0-9]+$/i.test(out) ? out : word;
}

/**
 * words() of a name in printable ASCII, where NFKC changes nothing, there are no format
 * characters and the letters and digits are [A-Za-z0-9]: one pass, no Unicode regex. null otherwise.
 */
function asciiWords(name: string): string | null {
  let out = " ";
  let inWord = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c < 32 || c > 126) return null;
    const upper = c >= 65 && c <= 90;
    if (upper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (!inWord && out.length > 1) out += " ";
      if (upper) c += 32;
      out += String.fromCharCode(c);
      inWord = true;
    } else inWord = false;
  }
  return out.length > 1 ? out + " " : "  ";
}

/**
 * The brands' phrases padded once, and indexed by their first word: a display name is checked
 * only against the brands one of its words can start (a scan of every phrase of every brand with
 * a fresh template string each was a tenth of the verdict's time). Brand order is kept: the first
 * brand in BRANDS whose phrase matches wins, as before.
 */
const PADDED = BRANDS.map((b) => ({ brand: b, words: b.words.map((x) => ` ${x} `), exact: (b.exact ?? []).map((x) => ` ${x} `) }));
const BY_FIRST_WORD = new Map<string, number[]>();
PADDED.forEach((p, i) => {
  for (const phrase of [...p.words, ...p.exact]) {
    const first = phrase.trim().split(" ")[0];
    const list = BY_FIRST_WORD.get(first);
    if (!list) BY_FIRST_WORD.set(first, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }
});

export function brandInName(name: string): Brand | null {
  if (name.length === 0) return null;
  const cut = name.slice(0, 300);
  const readings = [words(cut, ""), words(cut, " ")];
  const candidates = new Set<number>();
  for (const r of readings) for (const w of r.trim().split(" ")) for (const i of BY_FIRST_WORD.get(w) ?? []) candidates.add(i);
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const p = PADDED[i];
    if (p.words.some((x) => readings.some((w) => w.includes(x)))) return p.brand;
    if (p.exact.some((x) => readings.some((w) => w === x))) return p.brand;
  }
  return null;
}

export function belongsTo(domain: string, brand: Brand, address = ""): boolean {
  const org = organizationalDomain(domain);
  if (brand.domains.includes(org)) return true;
  if (brand.mailboxDomains?.includes(org)) {
    const local = address.slice(0, Math.max(0, address.lastIndexOf("@"))).toLowerCase();
    return RESERVED_LOCAL_PARTS.has(local);
  }
  const label = org.split(".")[0];
  return brand.domains.some((d) => d.split(".")[0] === label);
}
