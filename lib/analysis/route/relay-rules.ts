/**
 * The relay-type rules as data: an ordered table of { type, when, because }. The first rule whose
 * `when` holds decides the hop; its `because` is the hop's relayReason (one sentence for a person).
 * The border of each leg (border.ts) has already been found: rules read where the hop stands
 * relative to it ("border", "recipient" above it, "sender" below it).
 */
import { protocolInfo } from "../received/protocols";
import { hostRole } from "../operators/match";
import type { RelayType } from "../types";
import { isContentFilter, isFetched, isLocalFilter, type ChainHop } from "./chain";
import type { Leg } from "./border";
import type { ClientIdentity } from "./client";

export interface HopFacts {
  hops: readonly ChainHop[];
  /** 0-based index. */
  i: number;
  hop: ChainHop;
  prev: ChainHop | null;
  leg: Leg | null;
  /** Where the hop stands in its leg. */
  place: "sender" | "border" | "recipient";
  /** The client as the evidence shows it (route/client.ts). */
  client: ClientIdentity;
  /** The client's organisation by its own names (claims included) or the previous server. */
  clientOrg: string | null;
  /** Both sides name one organisation (a bare-domain HELO without rDNS does not count). */
  sameOrg: boolean;
  /** Organisations the message reaches after this hop (up to a fetchmail hop). */
  laterOrgs: ReadonlySet<string>;
  /** The first hop of its leg. */
  legStart: boolean;
  /** The by host is its operator's inbound MX (operator table). */
  inboundHost: boolean;
  /** A cross-organisation transfer happened earlier on this leg's sending side. */
  crossed: boolean;
  /** The hop records a hand-in (SMTP AUTH, webmail, MAPI, local program) before any crossing. */
  submissionHere: boolean;
  last: boolean;
}

export interface RelayRule {
  type: RelayType;
  when: (f: HopFacts) => boolean;
  because: (f: HopFacts) => string;
}

const MAILBOX_SOFTWARE = /cyrus|dovecot/i;
const MAILBOX_OVER_HTTPS = new Set(["Microsoft 365", "Yahoo"]);
/** Relay services by name: Google Workspace's SMTP relay, hosts named smarthost. */
const SMART_HOST_NAME = /^(?:smtp-relay\.gmail\.com|smarthost\d*\.|smart-host\d*\.)/;
/** Submission evidence that names a program on the by host itself, not a remote client. */
const LOCAL_SUBMISSION = new Set(["local", "uid", "userid", "submit"]);

const by = (f: HopFacts) => f.hop.parsed.by?.host ?? f.hop.parsed.by?.ip ?? "the server";
const client = (f: HopFacts) => {
  const from = f.hop.parsed.from;
  return from?.rdns ?? from?.helo ?? from?.ip ?? "the client";
};
const orgName = (org: string | null) => org ?? "an unidentified organisation";

export function deliveryKind(hop: ChainHop, prev: ChainHop | null): string | null {
  const p = hop.parsed;
  if (protocolInfo(p.with)?.delivery === true) return `with ${p.with}`;
  if (isFetched(hop)) return `by fetchmail, which fetched it over ${p.with}`;
  if (p.software && MAILBOX_SOFTWARE.test(p.software)) return `to ${p.software}`;
  // Microsoft 365 and Yahoo hand the message to the mailbox server over HTTPS as the very last
  // step ("by MN0PR19MB6312.namprd19.prod.outlook.com with HTTPS", "by atlas114…yahoo.com with HTTPS").
  if (p.with === "HTTPS" && MAILBOX_OVER_HTTPS.has(hop.byOperator?.name ?? "")) return `over HTTPS inside ${hop.byOperator?.name}`;
  // Gmail's topmost "Received: by 10.36.81.3 / 2002:a05:… with SMTP id …" has no from part: the
  // mailbox side taking the message from Gmail's own MX.
  if (!p.from && hop.byOperator?.name === "Google" && prev?.byOrg === "Google") return "inside Gmail (its mailbox side, no client recorded)";
  return null;
}

const SUBMISSION_WORDS: Record<string, string> = {
  auth: "logged in with SMTP AUTH",
  http: "handed it in over HTTP (webmail or an API)",
  mapi: "handed it in over MAPI (Outlook)",
  local: "handed it in as a local program",
  userid: "handed it in as a local user (Postfix pickup)",
  uid: "handed it in as a local user (qmail-inject)",
  submit: "handed it in through Sendmail's submission agent",
};

function capitalise(s: string): string {
  return s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s;
}

export const RULES: readonly RelayRule[] = [
  {
    type: "delivery",
    when: (f) => f.last && f.hops.length > 1 && deliveryKind(f.hop, f.prev) !== null,
    because: (f) => `The last hop hands the message to the mailbox store ${deliveryKind(f.hop, f.prev)}.`,
  },
  {
    type: "unknown",
    when: (f) => !f.hop.parsed.by && !f.hop.parsed.from && f.hop.parsed.problems.includes("unreadable-header"),
    because: () => "The header could not be read, so it says nothing about the route.",
  },
  {
    type: "submission",
    when: (f) => !f.hop.parsed.by && !f.hop.parsed.from && f.hop.parsed.submission !== null && f.place === "sender" && !f.crossed && f.legStart,
    because: (f) => `A local program ${SUBMISSION_WORDS[f.hop.parsed.submission ?? "local"] ?? "handed the message in"} (a header with no from or by part).`,
  },
  {
    type: "internal",
    when: (f) => !f.hop.parsed.by && !f.hop.parsed.from && f.i > 0,
    because: () => "A header with no from or by part, written on the host of the hop before it.",
  },
  {
    type: "unknown",
    when: (f) => !f.hop.parsed.by && !f.hop.parsed.from,
    because: () => "A header with no from or by part says nothing about a hand-off.",
  },
  {
    type: "backup-mx",
    when: (f) => f.place === "border" && f.leg?.backup === true,
    because: (f) => `The recipient's border is a backup MX, which then passed the message to the primary: ${f.leg?.evidence[0] ?? by(f)}.`,
  },
  {
    type: "mx",
    when: (f) => f.place === "border",
    because: (f) => `The recipient's border: ${f.leg?.evidence[0] ?? `${by(f)} took the message from outside`}.`,
  },
  {
    type: "mx",
    when: (f) => f.place === "recipient" && f.leg?.backup === true && firstPrimaryHop(f),
    because: (f) => `The backup MX hands the message on to the recipient's primary MX ${by(f)}.`,
  },
  {
    type: "internal",
    when: (f) => f.place === "recipient" && f.leg?.gatewayHandoff === f.i,
    because: (f) => `The recipient's gateway hands the message to the recipient's mailbox server ${by(f)}.`,
  },
  {
    type: "internal",
    when: (f) => f.place === "recipient",
    because: (f) => recipientSideReason(f),
  },
  // ---- the sending side (below the border) ----
  {
    type: "internal",
    when: (f) => isContentFilter(f.hop),
    because: (f) => `A content filter (${f.hop.parsed.software}) re-injects the message on the same host.`,
  },
  {
    type: "esp",
    when: (f) =>
      f.hop.byOperator?.kind === "esp" && !f.inboundHost && f.clientOrg !== f.hop.byOrg && !(f.hop.fromPrivate && f.prev?.byOrg === f.hop.byOrg),
    because: (f) => `${f.hop.byOperator?.name}'s server takes the message from a customer: ${f.hop.byOperator?.name} is a sending service.`,
  },
  {
    type: "internal",
    when: (f) => f.i > 0 && f.hop.fromPrivate,
    because: (f) => `The client ${client(f)} has a private or loopback address: a program or relay on the same site.`,
  },
  {
    type: "smart-host",
    when: (f) => !f.crossed && SMART_HOST_NAME.test(f.hop.parsed.by?.host ?? "") && f.hop.parsed.from !== null && f.laterOrgs.size > 0,
    because: (f) => `${by(f)} is a relay service that the sender's server hands outbound mail to.`,
  },
  {
    type: "submission",
    when: (f) => f.legStart && (!f.hop.parsed.from || f.hop.fromPrivate || localFrom(f.hop)),
    because: (f) =>
      !f.hop.parsed.from
        ? `The message starts here: ${by(f)} records no client.`
        : `The message starts here: ${by(f)} took it from ${f.hop.fromPrivate ? "a client on its own private network" : "a local sender"}.`,
  },
  {
    type: "submission",
    when: (f) => f.submissionHere,
    because: (f) => `The client ${client(f)} ${SUBMISSION_WORDS[f.hop.parsed.submission ?? "auth"] ?? "handed the message in"}.`,
  },
  {
    type: "internal",
    when: (f) =>
      f.i > 0 &&
      (localFrom(f.hop) || isLocalFilter(f.hop) || isFetched(f.hop) || (f.hop.parsed.submission !== null && LOCAL_SUBMISSION.has(f.hop.parsed.submission))),
    because: (f) => (isFetched(f.hop) ? `fetchmail re-injects mail it fetched from ${client(f)}.` : `A local program on ${by(f)} hands the message back in.`),
  },
  {
    type: "submission",
    when: (f) => f.legStart && f.sameOrg && !f.inboundHost && f.laterOrgs.size > 0,
    because: (f) => `The message starts at a host of the sending organisation itself (${orgName(f.hop.byOrg)}).`,
  },
  {
    type: "internal",
    when: (f) => f.sameOrg,
    because: (f) =>
      `Both sides belong to ${orgName(f.hop.byOrg)}${f.client.basis === "claim" ? " (by the client's own name, which nothing checks)" : ""}.`,
  },
  {
    type: "submission",
    when: (f) => !f.crossed && f.hop.byOperator !== null && hostRole(f.hop.byOperator.name, f.hop.parsed.by?.host ?? null) === "submission",
    because: (f) => `${by(f)} is ${f.hop.byOperator?.name}'s submission host, where its users hand mail in.`,
  },
  {
    type: "submission",
    when: (f) => f.legStart && f.hops.length > 1 && Boolean(f.hop.parsed.by?.host) && f.hop.fromOrg === null && !f.inboundHost,
    because: (f) => `The first server ${by(f)} took the message from a client with no recognised name.`,
  },
  {
    type: "unknown",
    when: (f) => f.hop.byOrg === null,
    because: (f) => `The organisation of ${by(f)} cannot be told from its name.`,
  },
  {
    type: "smart-host",
    when: (f) => f.place === "sender",
    because: (f) =>
      `${by(f)} (${orgName(f.hop.byOrg)}) relays for the sending side${f.hop.parsed.authenticated === true ? " after the client logged in" : ""}: the message passes on to ${[...f.laterOrgs][0] ?? "another organisation"} afterwards.`,
  },
];

/** Sendmail "(from user@localhost)": a from part that names no host, address or HELO. */
function localFrom(hop: ChainHop): boolean {
  const from = hop.parsed.from;
  return from !== null && !from.helo && !from.rdns && !from.ip;
}

/** The first hop after a backup-MX border whose server is another host of the recipient's side. */
function firstPrimaryHop(f: HopFacts): boolean {
  const b = f.leg?.border;
  if (b === null || b === undefined) return false;
  const backupHost = f.hops[b].parsed.by?.host ?? null;
  for (let j = b + 1; j < f.i; j++) {
    const h = f.hops[j].parsed.by?.host ?? null;
    if (h && h !== backupHost) return false;
  }
  const host = f.hop.parsed.by?.host ?? null;
  return host !== null && host !== backupHost;
}

function recipientSideReason(f: HopFacts): string {
  const b = f.leg?.border ?? 0;
  const borderHop = f.hops[b]?.index ?? 1;
  if (f.hop.fromPrivate) return `The recipient's site hands the message on from ${client(f)}, a private or loopback address (a filter or relay), after the border at hop ${borderHop}.`;
  if (isFetched(f.hop)) return `The recipient's fetchmail re-injects the mail it fetched from ${client(f)}.`;
  if (f.hop.byOperator && f.hop.byOperator.name === f.hops[b]?.byOperator?.name) {
    return `${capitalise(f.hop.byOperator.name)} passes the message on inside its own systems, after the border at hop ${borderHop}.`;
  }
  return `Recorded by the recipient's servers after the border at hop ${borderHop}: a hand-off inside the recipient's side.`;
}
