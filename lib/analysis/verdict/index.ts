/**
 * "Is it genuine?" (issue 12): whose records the authentication results and spam verdicts are
 * (trust.ts), the spam filters' reports (../antispam), the findings (genuine.ts) and the
 * verdict line (line.ts). build.ts calls trustLine() before reading authentication and
 * assessGenuine() after.
 */
import { computeAlignment, withDmarcEvidence } from "../auth/alignment";
import { signedDomains } from "../auth/authentication";
import type { Guard } from "../guard";
import { firstField, type RawField } from "../message/headers";
import { readAntispam } from "../antispam";
import type { AntispamReport, Authentication, Finding, MessageVerdict } from "../types";
import { parseMailboxes } from "../message/addresses";
import { arcEvidence } from "./arc";
import { genuineFindings } from "./genuine";
import { verdictLine } from "./line";
import { operatorTrust, trustAt, type TrustLine } from "./trust";

export { trustLine, trustAt } from "./trust";

/** Adds recipientAlignment (alignment over the trusted results) when the message shows a border. */
export function withRecipientAlignment(auth: Authentication, fromDomain: string | null, fields: readonly RawField[] = []): Authentication {
  const all = [...auth.spf, ...auth.dkim, ...auth.dmarc];
  if (all.length === 0 || all.every((r) => r.trusted === undefined)) return auth;
  const own = <T extends { trusted?: boolean }>(list: readonly T[]) => list.filter((r) => r.trusted === true);
  const alignment = computeAlignment(own(auth.spf), own(auth.dkim), fromDomain);
  return { ...auth, recipientAlignment: withDmarcEvidence(alignment, own(auth.dmarc), fromDomain, () => signedDomains(fields)) };
}

export interface Genuine {
  antispam: AntispamReport[];
  findings: Finding[];
  verdict: MessageVerdict;
}

export function assessGenuine(fields: readonly RawField[], auth: Authentication, line: TrustLine | null, guard: Guard): Genuine {
  const antispam = readAntispam(fields, { at: (position) => trustAt(line, position), operator: (name) => operatorTrust(line, name) }, guard);
  const arc = guard("ARC-Authentication-Results", () => arcEvidence(fields, parseMailboxes(firstField(fields, "from")?.value)[0]?.domain ?? null, (position, writer) => trustAt(line, position, writer)), null);
  const findings = guard("From", () => genuineFindings({ fields, auth, antispam, arc }), []);
  const verdict = guard("From", () => verdictLine(fields, auth, antispam, findings, arc), { text: "Not decided", tone: "neutral" as const, basis: [] });
  return { antispam, findings, verdict };
}
