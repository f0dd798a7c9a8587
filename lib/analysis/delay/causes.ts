/**
 * Why a long gap happened and who owns it (issue 13), from evidence only; null when the message
 * says nothing. A gap is long at LONG_GAP_SECONDS (2 minutes: beyond ordinary relaying and
 * scanning, below the shortest usual retry interval of 5 minutes); it is measured on the
 * skew-corrected delay. Evidence, strongest first:
 *   clock-skew       the raw gap is long but the corrected one is not (a distrusted clock made it)
 *   greylisting      an X-Greylist note of this hop's server (greylist.ts)
 *   backup-mx        the previous hop was received by a backup MX (relayType backup-mx)
 *   sandbox          Microsoft Safe Attachments marked the message (X-MS-Exchange-AtpMessageProperties SA)
 *                    and the gap is inside Exchange Online; or the gap is inside a filtering gateway
 *                    (Mimecast, Proofpoint) that holds messages for attachment scanning
 *   mailbox-pickup   the hop is a POP3/IMAP collector (fetchmail) re-injecting what it fetched: the
 *                    message sat in the polled mailbox until the next poll, it was not queued
 *   mailbox-delivery the hop is the final delivery into the mailbox store (relayType delivery)
 *   deferral         the gap is at the recipient's border: the sending server queued the message and
 *                    retried (the recipient deferred it, or could not be reached); never longer than
 *                    the longest queue lifetime of the common MTAs (MAX_QUEUE_SECONDS)
 *   sender-queue     the Date header or a DKIM signature is a long gap before the first hop
 */
import { describeSeconds } from "../route/findings";
import { isFetched, type ChainHop } from "../route/chain";
import { fieldsNamed, type RawField } from "../message/headers";
import type { DelayCause, RelayType } from "../types";
import { greylistNotes, noteNamesHost } from "./greylist";
import { MAX_QUEUE_SECONDS } from "./queue-lifetime";

export const LONG_GAP_SECONDS = 120;

export interface CauseHop {
  hop: ChainHop;
  relayType: RelayType;
  trust: "recipient" | "sender";
  rawDelay: number | null;
  correctedDelay: number | null;
  forged: boolean;
  /** Corrected time (ms) or null. */
  time: number | null;
  /** The clock group distrusted for this hop, if any. */
  distrustedClock: string | null;
}

const GATEWAYS = new Set(["Mimecast", "Proofpoint"]);

function ownerOf(h: CauseHop): string {
  return h.hop.byOperator?.name ?? h.hop.byOrg ?? h.trust;
}

function safeAttachments(fields: readonly RawField[]): boolean {
  return fieldsNamed(fields, "x-ms-exchange-atpmessageproperties").some((f) => /(?:^|\|)\s*SA\s*(?:\||$)/.test(f.value));
}

/** Earliest Date / DKIM t= time (ms) with its label, for the sender-queue check. */
export interface OriginTime {
  time: number;
  label: string;
}

export function delayCauses(hops: readonly CauseHop[], fields: readonly RawField[], origins: readonly OriginTime[]): (DelayCause | null)[] {
  const notes = greylistNotes(fields);
  const sa = safeAttachments(fields);
  const firstDated = hops.findIndex((h) => h.time !== null && !h.forged);
  return hops.map((h, i) => {
    if (h.forged) return null;
    const prev = i > 0 ? hops[i - 1] : null;
    if (i === firstDated) return senderQueue(h, origins);
    const raw = h.rawDelay;
    const cor = h.correctedDelay ?? raw;
    if (raw === null || cor === null) return null;
    const n = h.hop.index;
    if (raw >= LONG_GAP_SECONDS && cor < LONG_GAP_SECONDS && h.distrustedClock !== null) {
      return {
        cause: "clock-skew",
        owner: h.distrustedClock,
        evidence: [`The raw gap of ${describeSeconds(raw)} is ${describeSeconds(cor)} once the clock of ${h.distrustedClock} is corrected: it is a clock error, not a wait.`],
      };
    }
    if (cor < LONG_GAP_SECONDS) return null;
    const gap = describeSeconds(cor);
    const byHost = h.hop.parsed.by?.host ?? null;
    const note = notes.find((x) => noteNamesHost(x, byHost));
    if (note && note.seconds >= 60) {
      return {
        cause: "greylisting",
        owner: ownerOf(h),
        evidence: [`X-Greylist: ${byHost} (${note.software}) delayed the message ${describeSeconds(note.seconds)} and accepted it on the sender's retry; hop ${n} took ${gap}.`],
      };
    }
    if (isFetched(h.hop)) {
      return {
        cause: "mailbox-pickup",
        owner: prev ? ownerOf(prev) : "recipient",
        evidence: [
          `Hop ${n} is a mail collector fetching the message over ${h.hop.parsed.with} from ${h.hop.parsed.from?.rdns ?? h.hop.parsed.from?.helo ?? "the mailbox server"}, ${gap} after the previous hop: it waited in that mailbox until the next poll, not in a queue.`,
        ],
      };
    }
    if (prev && prev.relayType === "backup-mx") {
      return {
        cause: "backup-mx",
        owner: ownerOf(prev),
        evidence: [`Hop ${n - 1} was received by the backup MX ${prev.hop.parsed.by?.host ?? "(unnamed)"}, which held the message ${gap} until the next server took it.`],
      };
    }
    const prevOp = prev?.hop.byOperator?.name ?? null;
    const curOp = h.hop.byOperator?.name ?? null;
    if (sa && prevOp === "Microsoft 365" && curOp === "Microsoft 365") {
      return {
        cause: "sandbox",
        owner: "Microsoft 365",
        evidence: [`X-MS-Exchange-AtpMessageProperties says Safe Attachments scanned the message, and the ${gap} gap is inside Exchange Online (hops ${n - 1} and ${n}).`],
      };
    }
    if (prevOp && GATEWAYS.has(prevOp)) {
      return {
        cause: "sandbox",
        owner: prevOp,
        evidence: [`The ${gap} gap is inside ${prevOp}'s filtering gateway (hop ${n - 1} received the message, hop ${n} is when it was handed on); gateways hold messages while they scan attachments.`],
      };
    }
    if (h.relayType === "delivery") {
      return {
        cause: "mailbox-delivery",
        owner: ownerOf(h),
        evidence: [`Hop ${n} is the delivery into the mailbox store, ${gap} after the previous hop.`],
      };
    }
    if (prev && h.trust === "recipient" && prev.trust === "sender" && cor <= MAX_QUEUE_SECONDS) {
      return {
        cause: "deferral",
        owner: ownerOf(prev),
        evidence: [
          `Hop ${n} is where the recipient's server accepted the message, ${gap} after ${prev.hop.parsed.by?.host ?? "the sending server"} had it: the sending server queued it and retried (a temporary refusal or an unreachable server).`,
        ],
      };
    }
    return null;
  });
}

function senderQueue(h: CauseHop, origins: readonly OriginTime[]): DelayCause | null {
  if (h.time === null || origins.length === 0) return null;
  const earliest = origins.reduce((a, b) => (b.time < a.time ? b : a));
  const gap = (h.time - earliest.time) / 1000;
  if (gap < LONG_GAP_SECONDS) return null;
  // Days apart is not a queue: a draft, a resent message or a wrong clock.
  if (gap > 2 * 86_400) return null;
  return {
    cause: "sender-queue",
    owner: "sender",
    evidence: [`${cap(earliest.label)} is ${describeSeconds(gap)} before the first hop (${h.hop.parsed.by?.host ?? "hop " + h.hop.index}): the message waited on the sender's side before it was sent.`],
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
