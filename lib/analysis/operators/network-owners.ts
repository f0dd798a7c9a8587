/**
 * Who runs each operator's networks, as data: the autonomous systems (number, or the registered
 * AS name in the RouteViews/DB-IP data) an operator's mail servers send from. Read by
 * route/ownership.ts to tell when a client that calls itself one operator's server connects from
 * another network (HELO mail-sor-f41.google.com from a DigitalOcean address).
 *
 * Only operators whose mail leaves from their own networks are listed: a row is a claim that mail
 * from them never comes from elsewhere. ESPs that send from rented cloud space, and gateways run
 * on customers' premises, have no row (nothing can be said). The operator's published ranges
 * (operators/data.ts ipRanges, networkRanges) always count as its own, whatever AS routes them.
 * Numbers were checked against the AS names in @ip-location-db/asn (2026-06).
 */
export interface NetworkOwner {
  /** Operator name as in operators/data.ts. */
  operator: string;
  asns: readonly number[];
  /** Registered AS names (anchored, linear) that are also the operator's own. */
  names: readonly RegExp[];
}

export const NETWORK_OWNERS: readonly NetworkOwner[] = [
  {
    operator: "Google",
    asns: [15169, 16550, 19527, 33715, 36040, 36383, 36384, 36385, 36411, 36492, 43515, 139070, 394089, 394507, 394639, 395973, 396178, 396982],
    names: [/^Google,? LLC$/i, /^Google (?:Ireland|Asia Pacific)\b/i],
  },
  {
    operator: "Microsoft 365",
    asns: [3598, 5761, 8068, 8069, 8070, 8071, 8075, 12076, 17144, 30520, 46182, 54396, 63314],
    names: [/^Microsoft Corp/i],
  },
  { operator: "Yahoo", asns: [7233, 10310, 26101, 34010, 36646, 36647, 56173], names: [/^Yahoo/i, /^Oath Holdings/i] },
  { operator: "AOL", asns: [7233, 10310, 26101, 34010, 36646, 36647], names: [/^Yahoo/i, /^Oath Holdings/i, /^AOL/i] },
  { operator: "Apple iCloud", asns: [714, 6185], names: [/^Apple Inc\.?$/i] },
  { operator: "Amazon SES", asns: [7224, 8987, 9059, 14618, 16509, 62785], names: [/^Amazon(?:\.com| Data Services| Technologies)/i] },
  { operator: "SendGrid", asns: [11377], names: [/^SendGrid/i, /^Twilio/i] },
  { operator: "Mailchimp", asns: [14782], names: [/^MailChimp/i, /^The Rocket Science Group/i] },
  { operator: "Mailjet", asns: [200069], names: [/^MAILJET/i] },
  { operator: "Yandex", asns: [13238], names: [/^YANDEX/i] },
];

const BY_OPERATOR = new Map(NETWORK_OWNERS.map((o) => [o.operator, o]));

/** The operator's network row, or null when the table says nothing about it. */
export function networkOwner(operator: string): NetworkOwner | null {
  return BY_OPERATOR.get(operator) ?? null;
}

/** True when the AS is one of the operator's own (by number or registered name). */
export function ownsAs(owner: NetworkOwner, asn: { number: number; name: string }): boolean {
  return owner.asns.includes(asn.number) || owner.names.some((p) => p.test(asn.name));
}
