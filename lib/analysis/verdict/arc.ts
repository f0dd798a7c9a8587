/**
 * Forwarded mail and ARC (RFC 8617): a message that a forwarder or a mailing list passes on fails
 * DMARC at the final recipient (the forwarder's address is not the From domain's, and a changed
 * body breaks DKIM), although it passed where it first arrived. ARC lets that first receiver record
 * its results (ARC-Authentication-Results i=1, sealed by ARC-Seal i=1), and a final recipient that
 * trusts the sealer may accept the message on them instead of applying the DMARC policy.
 *
 * Anyone can seal an ARC set claiming "dmarc=pass": a chain that validates (arc=pass) proves only
 * that no one changed it after sealing, not that its sealer told the truth. So the engine takes
 * the earlier pass as the recipient's judgement only when the recipient says it accepted it:
 *   - Microsoft 365: compauth=pass reason=130 in the Authentication-Results that records the
 *     DMARC failure (Microsoft Learn: "to check whether the ARC result was used to override a
 *     DMARC failure, look for compauth=pass and reason=130"; other pass reasons, such as 111 and
 *     116 for reverse DNS, are not ARC);
 *   - a receiver that writes the disposition it applied and that ARC decided it, in the DMARC
 *     result itself: Gmail's "dmarc=fail (p=REJECT sp=REJECT dis=NONE arc=pass)", Fastmail's
 *     "(p=reject,d=none,d.eval=reject,arc_aware_result=pass)": none although the policy that
 *     applied is reject or quarantine. A disposition of none without those words is no ARC
 *     acceptance: a mailing-list or trusted-forwarder override (Fastmail writes "override=
 *     mailing_list" for any message with a List-Id) or a pct sample gives it too.
 * The recipient's topmost header that speaks decides (arcEvidence). Without the recipient's word,
 * an earlier pass in a chain the recipient validated (arc=pass) is reported as a claim, and the
 * DMARC failure stands.
 */
import { authResultsOf, dmarcPolicy, parseInstance, type ResInfo } from "../auth/auth-results";
import { commentTags } from "../auth/tokens";
import type { RawField } from "../message/headers";
import { domainOf, organizationalDomain } from "../net/domain";
import { parseTagList } from "../text/tag-list";

/** What the ARC chain says about a DMARC failure of the recipient's. */
export interface ArcEvidence {
  /** The recipient said it accepted the message on the chain (see `how`). */
  accepted: boolean;
  /** The recipient's words: "compauth=pass reason=130", "dis=none under p=reject". */
  how: string | null;
  /** Who recorded the DMARC failure: its authserv-id ("Microsoft 365" for its header without one), or null. */
  receiver: string | null;
  /** The lowest ARC instance whose ARC-Authentication-Results record DMARC pass for the From domain. */
  instance: number;
  /** That set's authserv-id (who checked), or null. */
  recordedBy: string | null;
  /** The d= of that instance's ARC-Seal (who sealed), or null. */
  sealer: string | null;
  /** The domain DMARC passed for. */
  domain: string;
}

/** Whether a header position is the recipient's record (verdict/trust.ts's trustAt, bound to the message). */
export type RecipientAt = (position: number, writer: string | null) => boolean | null;

const ENFORCING = new Set(["reject", "quarantine"]);
/** Microsoft 365's compauth reason for a pass on an ARC override. */
const MICROSOFT_ARC_REASON = "130";

/**
 * The ARC evidence about the recipient's DMARC failure, or null when the recipient recorded no
 * DMARC failure, no ARC set records a DMARC pass for the From domain's organisation, or the
 * recipient neither accepted the message on the chain nor validated it (arc=pass).
 *
 * The recipient's headers are read top-down and the first that speaks decides: one that records
 * the failure with an ARC acceptance (acceptance()) is the acceptance; one above it that records
 * a DMARC result for the From domain any other way (a pass, a disposition other than none, a
 * compauth verdict) vetoes it. A copy that records the failure and nothing more (Microsoft's
 * ARC-Authentication-Results of its own results) neither decides nor vetoes. A header the sender
 * wrote can only lie lower than the recipient's own, so it cannot outvote them.
 */
export function arcEvidence(fields: readonly RawField[], fromDomain: string | null, recipientAt: RecipientAt): ArcEvidence | null {
  if (!fromDomain) return null;
  const fromOrg = organizationalDomain(fromDomain);
  const subdomain = fromDomain !== fromOrg;
  let failed = false;
  let arcPass = false;
  let decided = false;
  let how: string | null = null;
  let receiver: string | null = null;
  let best: { instance: number; recordedBy: string | null; domain: string } | null = null;
  const sealers = new Map<number, string>();

  for (let position = 0; position < fields.length; position++) {
    const field = fields[position];
    if (field.key === "arc-seal") {
      const tags = parseTagList(field.value);
      const i = parseInstance(tags.get("i"));
      const d = tags.get("d");
      if (i !== null && d && !sealers.has(i)) sealers.set(i, d.toLowerCase());
      continue;
    }
    if (field.key !== "authentication-results" && field.key !== "arc-authentication-results") continue;
    const header = authResultsOf(field);
    if (field.key === "arc-authentication-results" && header.instance !== null) {
      // The earlier pass must name the From domain: a result without header.from speaks for no one.
      const pass = header.results.find((r) => r.method === "dmarc" && r.result === "pass" && namesOrg(r, fromOrg));
      const domain = pass ? domainOf(pass.props.get("header.from")) : null;
      if (domain && (best === null || header.instance < best.instance)) best = { instance: header.instance, recordedBy: header.authservId, domain };
    }
    if (recipientAt(position, header.authservId) === false) continue;
    for (const r of header.results) if (r.method === "arc" && r.result === "pass") arcPass = true;
    const dmarc = header.results.find((r) => r.method === "dmarc" && forOrg(r, fromOrg));
    if (!dmarc) continue;
    const tags = dmarc.comments.length > 0 ? commentTags(dmarc.comments.join(" ")) : new Map<string, string>();
    if (tags.get("arc")?.toLowerCase() === "pass") arcPass = true;
    if (dmarc.result === "fail") failed = true;
    if (decided) continue;
    const accepted = dmarc.result === "fail" ? acceptance(dmarc, tags, header.results, subdomain) : null;
    if (accepted) {
      how = accepted;
      receiver = header.authservId ?? (header.results.some((x) => x.method === "compauth") ? "Microsoft 365" : null);
      decided = true;
    } else if (dmarc.result !== "fail" || speaks(dmarc, tags, header.results)) {
      decided = true; // the recipient said something else first: no acceptance below counts
    }
  }
  if (!failed || best === null || (how === null && !arcPass)) return null;
  return { accepted: how !== null, how, receiver, instance: best.instance, recordedBy: best.recordedBy, sealer: sealers.get(best.instance) ?? null, domain: best.domain };
}

/** The disposition a DMARC result says was applied: "dis=", policy.applied-disposition, Fastmail's "d=". */
function disposition(dmarc: ResInfo, tags: ReadonlyMap<string, string>): string | undefined {
  return (tags.get("dis") ?? dmarc.props.get("policy.applied-disposition") ?? tags.get("d"))?.toLowerCase();
}

/** The header says more about the failure than that it happened: a disposition or a compauth verdict. */
function speaks(dmarc: ResInfo, tags: ReadonlyMap<string, string>, sameHeader: readonly ResInfo[]): boolean {
  return disposition(dmarc, tags) !== undefined || sameHeader.some((r) => r.method === "compauth");
}

/**
 * The recipient's words that it let the failure pass on the ARC chain, or null. Only words that
 * name ARC count: a disposition of none alone may come from a mailing-list or trusted-forwarder
 * override (Fastmail's "override=mailing_list", which any List-Id triggers) or a pct sample.
 */
function acceptance(dmarc: ResInfo, tags: ReadonlyMap<string, string>, sameHeader: readonly ResInfo[], subdomain: boolean): string | null {
  const compauth = sameHeader.find((r) => r.method === "compauth");
  if (compauth?.result === "pass" && compauth.props.get("reason") === MICROSOFT_ARC_REASON) return `compauth=pass reason=${MICROSOFT_ARC_REASON}`;
  if (tags.has("override") || dmarc.props.has("policy.override")) return null;
  const marker = tags.get("arc")?.toLowerCase() === "pass" ? "arc=pass" : tags.get("arc_aware_result")?.toLowerCase() === "pass" ? "arc_aware_result=pass" : null;
  if (marker === null || disposition(dmarc, tags) !== "none") return null;
  const policy = appliedPolicy(dmarc, tags, subdomain);
  return policy !== null && ENFORCING.has(policy) ? `dis=none under p=${policy}, ${marker}` : null;
}

/**
 * The policy that applied: p=, or for a subdomain's mail sp= (RFC 7489 §6.3) when the header says
 * so (policy.policy-from=sp, Fastmail's); a subdomain's p= and sp= that differ leave it unknown
 * (the subdomain may publish its own record, whose p= then applies).
 */
function appliedPolicy(dmarc: ResInfo, tags: ReadonlyMap<string, string>, subdomain: boolean): string | null {
  const p = dmarcPolicy(dmarc);
  const sp = tags.get("sp")?.toLowerCase() ?? null;
  const from = (dmarc.props.get("policy.policy-from") ?? tags.get("policy.policy-from"))?.toLowerCase();
  if (from === "sp") return sp;
  if (from === "p" || !subdomain) return p;
  return sp === null || sp === p ? p : null;
}

/** A result for the From domain's organisation (one naming no domain counts: Microsoft's may not). */
function forOrg(r: ResInfo, fromOrg: string): boolean {
  const d = domainOf(r.props.get("header.from"));
  return d === null || organizationalDomain(d) === fromOrg;
}

/** A result that names the From domain's organisation. */
function namesOrg(r: ResInfo, fromOrg: string): boolean {
  const d = domainOf(r.props.get("header.from"));
  return d !== null && organizationalDomain(d) === fromOrg;
}

/** "the ARC set i=1 (sealed by google.com, results by mx.google.com)": whose claim the earlier pass is. */
export function arcSource(e: ArcEvidence): string {
  const parts = [e.sealer ? `sealed by ${e.sealer}` : null, e.recordedBy ? `results by ${e.recordedBy}` : null].filter(Boolean);
  return `the ARC set i=${e.instance}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/** "mx.google.com accepted it (dis=none under p=reject)" */
export function arcAcceptance(e: ArcEvidence): string {
  return `${e.receiver ?? "the recipient"} accepted it (${e.how})`;
}
