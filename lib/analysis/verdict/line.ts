/**
 * The verdict line (summary.verdict): the one sentence the page shows first, with its evidence.
 * In order, the first that applies:
 *   1. a spam filter of the recipient's side marked the message spam, phishing or malware: bad,
 *      "Marked as spam by Microsoft 365 (SCL 7, compauth fail: …)", with "; delivered to the Inbox
 *      all the same (dest:I; OFR:TrustedSenderList)" when the mailbox says it filed it there;
 *   2. spoofing evidence (dmarc-fail, compauth-fail, display-name-brand, display-name-address): bad;
 *      weaker doubts (dmarc-missing, from-not-aligned, a free-mail Reply-To): warn;
 *   3. a filter called it bulk: warn;
 *   4. the recipient's results authenticate the From domain: good, "Authenticated: DKIM aligned
 *      with example.com" (DKIM first: it survives forwarding; then SPF, then DMARC pass; then a
 *      DMARC pass before forwarding that the recipient accepted on its ARC chain, arc.ts);
 *   5. otherwise neutral, saying why nothing is decided.
 */
import { parseMailboxes } from "../message/addresses";
import { firstField, type RawField } from "../message/headers";
import { organizationalDomain } from "../net/domain";
import type { AntispamReport, Authentication, Finding, MessageVerdict } from "../types";
import { arcAcceptance, arcSource, type ArcEvidence } from "./arc";
import { recipientResults } from "./genuine";

const MARKED: Record<string, string> = { spam: "spam", phish: "phishing", malware: "malware" };
const SPOOF_BAD = ["dmarc-fail", "compauth-fail", "display-name-brand", "display-name-address", "sender-brand"];
const SPOOF_WARN = ["dmarc-missing", "from-not-aligned", "from-malformed"];

export function verdictLine(fields: readonly RawField[], auth: Authentication, antispam: readonly AntispamReport[], findings: readonly Finding[], arc: ArcEvidence | null = null): MessageVerdict {
  const basis: string[] = [];
  const own = antispam.filter((r) => r.trusted !== false);
  const marked = own.find((r) => MARKED[r.verdict]);
  // A DMARC failure the recipient accepted on its ARC chain (info, arc.ts) is no spoofing evidence.
  // Several From addresses (from-malformed, info) are odd, not doubtful.
  const spoof = (codes: readonly string[]) => findings.filter((f) => codes.includes(f.code) && !(f.severity === "info" && (f.code === "dmarc-fail" || f.code === "from-malformed")));
  const bad = spoof(SPOOF_BAD);
  const warn = [...spoof(SPOOF_WARN), ...findings.filter((f) => f.code === "reply-to-other-org" && f.severity === "warning")];
  const good = authenticated(fields, auth) ?? (arc?.accepted ? `DMARC passed before forwarding, as ${arcSource(arc)} records; ${arcAcceptance(arc)}` : null);

  if (marked) {
    const reasons = marked.reason.slice(0, 4);
    basis.push(`${marked.vendor}: ${marked.reason.join(", ") || marked.verdict}`);
    // The mailbox filed it in the Inbox all the same (a safe-senders list, a rule): the filter's
    // verdict stands, and where the message went is part of the story.
    const inbox = marked.delivery?.folder === "inbox" ? `; delivered to the Inbox all the same (${marked.delivery.words})` : "";
    if (inbox) basis.push(`${marked.vendor}'s mailbox filed it in the Inbox: ${marked.delivery!.words}`);
    for (const f of [...bad, ...warn]) basis.push(f.message);
    if (good) basis.push(`Yet: ${good}`);
    return { text: `Marked as ${MARKED[marked.verdict]} by ${marked.vendor}${reasons.length ? ` (${reasons.join(", ")})` : ""}${inbox}`, tone: "bad", basis };
  }
  if (bad.length > 0 || warn.length > 0) {
    const first = bad[0] ?? warn[0];
    for (const f of [...bad, ...warn]) basis.push(f.message);
    return { text: headline(first), tone: bad.length > 0 ? "bad" : "warn", basis };
  }
  const bulk = own.find((r) => r.verdict === "bulk");
  if (bulk) {
    basis.push(`${bulk.vendor}: ${bulk.reason.join(", ")}`);
    if (good) basis.push(good);
    return { text: `Bulk mail according to ${bulk.vendor}${bulk.reason.length ? ` (${bulk.reason.slice(0, 3).join(", ")})` : ""}`, tone: "warn", basis };
  }
  for (const r of own) if (r.verdict === "clean" || r.verdict === "skipped") basis.push(`${r.vendor}: ${r.verdict === "clean" ? "not spam" : "filtering skipped"}${r.reason.length ? ` (${r.reason.slice(0, 3).join(", ")})` : ""}`);
  if (good) return { text: `Authenticated: ${good}`, tone: "good", basis: [good, ...basis] };
  const anyTrusted = [...auth.spf, ...auth.dkim, ...auth.dmarc].some((r) => r.trusted === true);
  const anyUpstream = [...auth.spf, ...auth.dkim, ...auth.dmarc].some((r) => r.trusted === false);
  const text = !anyTrusted && anyUpstream
    ? "Not verified: the only authentication results were written before the recipient's border"
    : auth.spf.length + auth.dkim.length + auth.dmarc.length === 0
      ? "No authentication results: nothing says whether the sender is genuine"
      : "Not decided: the authentication results neither confirm nor refute the From domain";
  return { text, tone: "neutral", basis };
}

function headline(f: Finding): string {
  switch (f.code) {
    case "dmarc-fail": return `Not authenticated: ${f.message.split(":")[0]}`;
    case "compauth-fail": return "Not authenticated: Microsoft 365's composite authentication failed";
    case "display-name-brand": return `Possible impersonation: ${f.message.replace(/^The From display name "[^"]*" names /, "the display name names ")}`;
    case "display-name-address": return "Possible impersonation: the display name shows another address";
    case "sender-brand": return `Possible impersonation: ${f.message.replace(/^The Sender header \([^)]*\) names /, "the Sender header names ").split(": Outlook")[0]}`;
    case "dmarc-missing": return "Not authenticated: the From domain enforces DMARC, but no DMARC result was recorded";
    case "from-not-aligned": return "Not authenticated: no SPF or DKIM pass is aligned with the From domain";
    case "from-malformed": return f.message.startsWith("The From header holds no valid address") ? "Not authenticated: the From header holds no valid address" : "Not authenticated: the From address has no valid domain";
    default: return `Doubtful: ${f.message}`;
  }
}

/** "DKIM aligned with example.com" when the recipient's results authenticate the From domain. */
function authenticated(fields: readonly RawField[], auth: Authentication): string | null {
  const from = parseMailboxes(firstField(fields, "from")?.value ?? null)[0];
  if (!from?.domain) return null;
  const org = organizationalDomain(from.domain);
  const aligned = (r: { result: string; domain: string | null }) => r.result === "pass" && r.domain !== null && organizationalDomain(r.domain) === org;
  const by = (id: string | null | undefined) => (id ? ` (recorded by ${id})` : "");
  const dkim = recipientResults(auth.dkim).find(aligned);
  if (dkim) return `DKIM aligned with ${dkim.domain}${by(dkim.authservId)}`;
  const spf = recipientResults(auth.spf).find(aligned);
  if (spf) return `SPF aligned with ${spf.domain}${by(spf.authservId)}`;
  const dmarc = recipientResults(auth.dmarc).find((d) => d.result === "pass");
  if (dmarc) return `DMARC pass for ${dmarc.domain ?? from.domain}${by(dmarc.authservId)}`;
  return null;
}
