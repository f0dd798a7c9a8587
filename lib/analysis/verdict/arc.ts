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
 *   - any receiver that writes the DMARC disposition it applied (Gmail: "dmarc=fail (p=REJECT
 *     sp=REJECT dis=NONE arc=pass)"; the policy.applied-disposition property; Fastmail's
 *     "(p=reject,d=none,d.eval=reject)"): none although the published policy is reject or
 *     quarantine.
 * Both only with an arc=pass of the recipient's side and an ARC set that records DMARC pass for
 * the From domain's organisation. Without the recipient's word the earlier pass is reported as a
 * claim, and the DMARC failure stands.
 */
import { authResultsOf, dmarcPolicy, type ResInfo } from "../auth/auth-results";
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
 * DMARC failure, its side recorded no arc=pass, or no ARC set records a DMARC pass for the From
 * domain's organisation.
 */
export function arcEvidence(fields: readonly RawField[], fromDomain: string | null, recipientAt: RecipientAt): ArcEvidence | null {
  if (!fromDomain) return null;
  const fromOrg = organizationalDomain(fromDomain);
  let failed = false;
  let arcPass = false;
  let how: string | null = null;
  let receiver: string | null = null;
  let best: { instance: number; recordedBy: string | null; domain: string } | null = null;
  const sealers = new Map<number, string>();

  for (let position = 0; position < fields.length; position++) {
    const field = fields[position];
    if (field.key === "arc-seal") {
      const tags = parseTagList(field.value);
      const i = Number(tags.get("i"));
      const d = tags.get("d");
      if (Number.isInteger(i) && d && !sealers.has(i)) sealers.set(i, d.toLowerCase());
      continue;
    }
    if (field.key !== "authentication-results" && field.key !== "arc-authentication-results") continue;
    const header = authResultsOf(field);
    if (field.key === "arc-authentication-results" && header.instance !== null) {
      const pass = header.results.find((r) => r.method === "dmarc" && r.result === "pass" && sameOrg(r, fromOrg));
      if (pass && (best === null || header.instance < best.instance)) {
        best = { instance: header.instance, recordedBy: header.authservId, domain: domainOf(pass.props.get("header.from")) ?? fromDomain };
      }
    }
    if (recipientAt(position, header.authservId) === false) continue;
    for (const r of header.results) {
      if (r.method === "arc" && r.result === "pass") arcPass = true;
      if (r.method !== "dmarc" || r.result !== "fail" || !sameOrg(r, fromOrg)) continue;
      failed = true;
      receiver ??= header.authservId ?? (header.results.some((x) => x.method === "compauth") ? "Microsoft 365" : null);
      const tags = r.comments.length > 0 ? commentTags(r.comments.join(" ")) : new Map<string, string>();
      if (tags.get("arc")?.toLowerCase() === "pass") arcPass = true;
      how ??= acceptance(r, tags, header.results, fromDomain !== fromOrg);
    }
  }
  if (!failed || !arcPass || best === null) return null;
  return { accepted: how !== null, how, receiver, instance: best.instance, recordedBy: best.recordedBy, sealer: sealers.get(best.instance) ?? null, domain: best.domain };
}

/** The recipient's words that it let the failure pass, or null. */
function acceptance(dmarc: ResInfo, tags: ReadonlyMap<string, string>, sameHeader: readonly ResInfo[], subdomain: boolean): string | null {
  const compauth = sameHeader.find((r) => r.method === "compauth");
  if (compauth?.result === "pass" && compauth.props.get("reason") === MICROSOFT_ARC_REASON) return `compauth=pass reason=${MICROSOFT_ARC_REASON}`;
  // The disposition applied: Google's and OpenDMARC's "dis=" comment tag, the registered
  // policy.applied-disposition property (registered with DMARCbis), Fastmail's "(p=reject,d=none,d.eval=reject)".
  const dis = (tags.get("dis") ?? dmarc.props.get("policy.applied-disposition") ?? tags.get("d"))?.toLowerCase();
  // A subdomain's mail is under the sp= policy when one is published (RFC 7489 §6.3).
  const sp = subdomain ? tags.get("sp")?.toLowerCase() : undefined;
  const policy = sp ?? dmarcPolicy(dmarc);
  if (dis === "none" && policy !== null && ENFORCING.has(policy)) return `dis=none under p=${policy}`;
  return null;
}

/** The DMARC result is for the From domain's organisation (or names no domain). */
function sameOrg(r: ResInfo, fromOrg: string): boolean {
  const d = domainOf(r.props.get("header.from"));
  return d === null || organizationalDomain(d) === fromOrg;
}

/** "mx.google.com (ARC set i=1, sealed by google.com)" */
export function arcSource(e: ArcEvidence): string {
  const sealed = e.sealer ? `, sealed by ${e.sealer}` : "";
  return `${e.recordedBy ?? "an earlier receiver"} (ARC set i=${e.instance}${sealed})`;
}

/** "mx.google.com accepted it (dis=none under p=reject)" */
export function arcAcceptance(e: ArcEvidence): string {
  return `${e.receiver ?? "the recipient"} accepted it (${e.how})`;
}
