/**
 * The public contract of the analysis engine (../shared/api-contract.md, version 1).
 * Field names and meanings are fixed; fields may be added, never renamed or repurposed.
 * Every value is plain JSON: ISO strings for dates, numbers, null for unknown. Never NaN, never Date.
 */

export type Severity = "info" | "warning" | "critical";

/**
 * Every finding code the engine emits, in one place (stable kebab-case ids; the README lists
 * what each means). The contract types `code` as a string: clients must accept codes added later.
 */
export type FindingCode =
  // the header block
  | "double-spaced-paste"
  | "too-many-headers"
  | "header-too-long"
  | "no-received"
  | "internal-error"
  // one Received header
  | "unreadable-header"
  | "unreadable-date"
  | "missing-date"
  | "may-be-forged"
  // the chain
  | "hops-truncated"
  | "plaintext-hop"
  | "clock-skew"
  | "implausible-date"
  | "chain-break"
  | "slow-hop"
  | "date-gap"
  | "date-in-future"
  | "date-in-past"
  | "mx-record"
  | "helo-mismatch"
  // the sending service
  | "esp-headers-unconfirmed"
  // a by clause naming no host; an older trail (resent or bounced mail); a sending service
  // named by a DKIM selector alone (a hint)
  | "junk-by-host"
  | "earlier-trail"
  | "sender-hint"
  // is it genuine? (issue 12: lib/analysis/verdict/)
  | "spam-verdict"
  | "compauth-fail"
  | "dmarc-fail"
  | "arc-override"
  | "dmarc-missing"
  | "from-not-aligned"
  | "from-malformed"
  | "display-name-address"
  | "display-name-brand"
  | "sender-brand"
  | "reply-to-other-org"
  // clocks, delays and IP ownership (issue 13)
  | "network-mismatch"
  // the sender's side's record of the submitting device
  | "originating-ip";

export interface Finding {
  /** Stable kebab-case id, e.g. "plaintext-hop", "clock-skew", "chain-break" (see FindingCode). */
  code: FindingCode;
  severity: Severity;
  /** One sentence for a person. */
  message: string;
  /** 1-based index of the hop it concerns, if any. */
  hop?: number;
}

export type RelayType =
  | "submission"
  | "internal"
  | "esp"
  | "smart-host"
  | "backup-mx"
  | "mx"
  | "delivery"
  | "unknown";

export interface HopTls {
  /** true: TLS recorded; false: a plain protocol with no TLS sign; null: nothing says either way. */
  encrypted: boolean | null;
  /** Normalised: "TLSv1.0" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3" | "SSLv3" | null. */
  version: string | null;
  /** Cipher as written, or null. */
  cipher: string | null;
}

export interface HopFrom {
  /** The name the client gave (HELO/EHLO), as written, brackets kept for literals. */
  helo: string | null;
  /** Reverse-DNS name the receiver recorded, trailing dot removed, lower-case. */
  rdns: string | null;
  /** Connecting IP (IPv4 dotted, IPv6 compressed lower-case, "IPv6:" removed). */
  ip: string | null;
  /** Network owner of `ip` (offline data); null when unknown or private. Absent when not looked up. */
  asn?: AsnInfo | null;
  /** ISO 3166 alpha-2 country of `ip` (offline data); null when unknown or private. Absent when not looked up. */
  country?: string | null;
}

export interface HopBy {
  /** Host, lower-case, trailing dot removed. */
  host: string | null;
  ip: string | null;
}

export interface Hop {
  /** 1-based, chronological (1 = earliest = bottom-most Received header). */
  index: number;
  /** null when the header has no from part. */
  from: HopFrom | null;
  by: HopBy | null;
  /** Protocol token as written, upper-cased ("ESMTPS", "MICROSOFT SMTP SERVER", "MAPI", …). */
  with: string | null;
  id: string | null;
  /** Envelope recipient without angle brackets. */
  for: string | null;
  /** The header's date, ISO 8601 UTC; null if absent or unparseable. */
  timestamp: string | null;
  /** This timestamp minus the previous hop's; null for hop 1 or when unknown; may be negative. */
  delaySeconds: number | null;
  tls: HopTls;
  /** SMTP AUTH recorded: true; plain protocol token: false; unknown: null. */
  authenticated: boolean | null;
  relayType: RelayType;
  /** Why the hop has its relay type: one sentence for a person (the rule that decided it). */
  relayReason: string;
  /**
   * Whose record the hop is: "recipient" for hops at and above the recipient's border (written by
   * the recipient's own servers), "sender" for hops below it (claims of the sending side that the
   * recipient cannot verify).
   */
  trust: "recipient" | "sender";
  /**
   * The trail (leg of the journey) the hop belongs to, numbered from the latest: 1 = the trail of
   * the topmost Received header. A message delivered to one organisation and sent on to another
   * (auto-forwarding, a forwarding service, a mailing list, a resent message) has one trail per
   * delivery; each trail has its own border. Most messages have one trail.
   */
  trail: number;
  /** Provider recognised for the `by` server, e.g. "Google", "Microsoft 365", or null. */
  operator: string | null;
  /** The header value, unfolded. */
  raw: string;
  findings: Finding[];
  /** This hop's server clock as other clocks of the message judge it (issue 13). */
  clock?: HopClock;
  /** Why a long gap before this hop happened, from evidence only; null when not long or unknown. */
  delayCause?: DelayCause | null;
}

export interface Summary {
  subject: string | null;
  from: string | null;
  to: string | null;
  /** Date header as ISO 8601 UTC. */
  date: string | null;
  messageId: string | null;
  /** === hops.length */
  hopCount: number;
  /** Last hop timestamp minus first hop timestamp; null if either is unknown. */
  totalDelaySeconds: number | null;
  /** Over hops whose tls.encrypted is not null. */
  tls: "all" | "partial" | "none" | "unknown";
  /** Sending service recognised (e.g. "Amazon SES"), else null. */
  sender: { operator: string | null };
  /**
   * The recipient's border: the hop (1-based) where the recipient's inbound server accepted the
   * message from outside, with the evidence for it, strongest first; hop null when the chain shows
   * no entry from outside (mail that stayed inside one organisation).
   */
  border: { hop: number | null; evidence: string[] };
  /** How many trails the chain holds (see Hop.trail); 1 for most messages. */
  trails: number;
  /** The border of every trail, trail 1 (the latest) first; `border` is the first entry's. */
  borders: { trail: number; hop: number | null; evidence: string[] }[];
  /** The verdict line (issue 12); absent in older shares. */
  verdict?: MessageVerdict;
  /**
   * Delivery time: the latest hop's time minus the earliest hop's, over hops that are not forged
   * (no implausible date, and not a sender-side hop that contradicts the border); corrected for
   * clock offsets where they were estimated. null when fewer than two such hops are dated.
   */
  deliverySeconds?: number | null;
  /** The hop (1-based) that held most of the delivery time (>= 10 s and >= 30% of it, no tie), else null. */
  slowestHop?: number | null;
  /** The address the message was submitted from, as the sender's mail service recorded it (X-Originating-IP); null when none. */
  originatingIp?: OriginatingIp | null;
}

/** message/originating-ip.ts. */
export interface OriginatingIp {
  /** Normalised as hop addresses are (IPv4 dotted, IPv6 compressed lower-case). */
  ip: string;
  /** The header it came from. */
  header: string;
  /** A loopback or private address (the sender's own network): not looked up. */
  private: boolean;
  /** With the offline lookup (as hops[].from.asn / country): the AS and country of a public address. */
  asn?: AsnInfo | null;
  country?: string | null;
}

// ---- issue 13: clocks, delay causes, IP ownership ----

/** An autonomous system: the network an address is routed from. */
export interface AsnInfo {
  number: number;
  /** Registered name, e.g. "Google LLC". */
  name: string;
}

/** What the offline data says about one public address. */
export interface IpInfo {
  asn: AsnInfo | null;
  country: string | null;
}

/** Looks up an address; injected by server code (lib/ipinfo), never bundled into the engine. */
export type IpInfoLookup = (ip: string) => IpInfo;

export interface HopClock {
  /**
   * How far this hop's server clock is ahead (+) or behind (-) the reference clock, in seconds;
   * 0 for the reference clock itself; null when no evidence gives an estimate.
   */
  offsetSeconds: number | null;
  /** delaySeconds with both hops' clock offsets removed; equals delaySeconds when none is known. */
  correctedDelaySeconds: number | null;
  /** The evidence, one sentence each (the clocks compared and what they showed). */
  basis: string[];
}

export type DelayCauseKind =
  | "sender-queue"
  | "greylisting"
  | "backup-mx"
  | "sandbox"
  | "deferral"
  | "mailbox-delivery"
  | "mailbox-pickup"
  | "clock-skew";

export interface DelayCause {
  cause: DelayCauseKind;
  /** Whose system held the message: "sender", "recipient", or the operator's name. */
  owner: string;
  /** One sentence each: the headers and times that point to the cause. */
  evidence: string[];
}

export interface SpfResult extends ResultTrust {
  result: string;
  domain: string | null;
  authservId: string | null;
}
export interface DkimResult extends ResultTrust {
  result: string;
  domain: string | null;
  selector: string | null;
  authservId: string | null;
}
export interface DmarcResult extends ResultTrust {
  result: string;
  domain: string | null;
  policy: string | null;
  authservId: string | null;
}
export interface ArcResult {
  result: string;
  instance: number | null;
}

export interface Authentication {
  spf: SpfResult[];
  dkim: DkimResult[];
  dmarc: DmarcResult[];
  arc: ArcResult[];
  /** Relaxed alignment with the From domain; null when it cannot be decided. */
  alignment: { spf: boolean | null; dkim: boolean | null };
  /**
   * The same alignment over the recipient's own results only (trusted, issue 12): what the
   * recipient's servers showed, without upstream claims. Absent when the message shows no border
   * (and in older shares).
   */
  recipientAlignment?: { spf: boolean | null; dkim: boolean | null };
}

// ---- issue 12: spam-filter verdicts, trusted authentication, the verdict line (all additive) ----

/**
 * Whose record an authentication result is (added by issue 12; absent in older shares).
 * "recipient": written by the recipient's own servers (the header lies above the border hop's
 * Received header, or just below it with the border organisation's authserv-id);
 * "upstream": a claim of a server before the border, which the recipient cannot verify.
 * Absent when the message shows no border (mail that stayed inside one organisation).
 */
export interface ResultTrust {
  trusted?: boolean;
  source?: "recipient" | "upstream";
}

/** What a spam filter decided. "skipped": the filter let the message bypass scanning (allow lists, rules). */
export type SpamVerdict = "spam" | "bulk" | "phish" | "malware" | "clean" | "skipped" | "unknown";

export interface AntispamField {
  /** The field's name as the vendor writes it ("SCL", "SFV", "BCL", "compauth", a rule name, "score"). */
  name: string;
  /** The raw value as written. */
  value: string;
  /** The vendor's documented meaning in words; null when the tables do not know the code (never guessed). */
  meaning: string | null;
}

/** One spam filter's record on the message (lib/analysis/antispam/). */
export interface AntispamReport {
  /** "Microsoft 365", "SpamAssassin", "rspamd", "Proofpoint", "Barracuda", "Cisco Secure Email", "Mimecast". */
  vendor: string;
  /** The header the verdict was read from (the first one of this vendor read). */
  header: string;
  verdict: SpamVerdict;
  /** The filter's score as written (SCL for Microsoft, points for SpamAssassin/rspamd…), or null. */
  score: number | null;
  /** The score at which the filter calls it spam, when the header says (SpamAssassin required=, rspamd's), else null. */
  threshold: number | null;
  /** The fields that decided the verdict, in words (e.g. "SCL 7", "SFV:SPM"), empty when none did. */
  reason: string[];
  /**
   * true: written by the recipient's side (above the border hop's Received header); false: found
   * below it, a claim of an upstream server; null when the message shows no border.
   */
  trusted: boolean | null;
  fields: AntispamField[];
  /**
   * Where the recipient's mailbox filed the message, when the vendor's header says so (Microsoft
   * 365's X-Microsoft-Antispam-Mailbox-Delivery "dest:I" Inbox, "dest:J" Junk Email, else other),
   * with that header's words ("dest:I; OFR:TrustedSenderList"). Absent when no header says.
   */
  delivery?: { folder: "inbox" | "junk" | "other"; words: string };
}

/** The one line the page shows first: was it filtered, is it genuine? */
export interface MessageVerdict {
  text: string;
  /** bad: a filter marked it / spoofing evidence; warn: doubts; good: authenticated; neutral: nothing decisive. */
  tone: "bad" | "warn" | "good" | "neutral";
  /** The evidence, one phrase each, strongest first. */
  basis: string[];
}

export interface HeaderField {
  name: string;
  value: string;
}

export interface Analysis {
  schemaVersion: 1;
  summary: Summary;
  /** Chronological: hops[0] is the earliest transfer (the bottom-most Received header). */
  hops: Hop[];
  authentication: Authentication;
  /** Message-level findings, most severe first. */
  warnings: Finding[];
  /** Every header, in original order, unfolded, encoded-words decoded. */
  headers: HeaderField[];
  /** Spam filters' records, one per vendor, recipient's side first (issue 12); absent in older shares. */
  antispam?: AntispamReport[];
}

export interface AnalyzeOptions {
  /** The caller looked up DNS for this analysis (contract option). The engine itself never does I/O. */
  dns?: boolean;
  /**
   * MX records of recipient domains, looked up by the caller when `dns` is on (lib/dns/mx.ts).
   * They turn "named like a backup MX" into evidence: a by host listed at a lower priority than
   * the domain's best MX is a backup MX. Default: none.
   */
  mx?: readonly MxRecordSet[];
  /**
   * Offline ASN/country lookup (lib/ipinfo/load.ts on the server). Without it hops carry no
   * from.asn / from.country and no network-mismatch finding is possible.
   */
  ipInfo?: IpInfoLookup;
}

/** The MX records of one domain. */
export interface MxRecordSet {
  /** The domain, lower-case. */
  domain: string;
  /** Exchanges, lower-case without trailing dot, with their preference (lower is preferred). */
  hosts: readonly { host: string; priority: number }[];
}
