/**
 * Which organisations are one owner's, or run one another's mail (issue 10, chain-break). Data,
 * not code: a row per owner or platform. Members are what organizationOf() returns: an operator
 * name from the table (data.ts) or a registrable domain.
 *
 * - OWNERS: one owner's operators and domains. kernel.org's list server vger.kernel.org hands
 *   mail out through out1.vger.email (kernel.org's "subspace" list infrastructure); GMX, WEB.DE
 *   and IONOS are United Internet's (1&1) and share its relays; AOL leaves through Yahoo's hosts.
 * - PLATFORMS: white-label mail platforms and the partners whose mail they run. OX Cloud
 *   (Open-Xchange, *.xion.oxcs.net) serves partners under their own brands (its documentation:
 *   "OX Cloud is available as a whitelabel solution where all public endpoints appear under the
 *   partner's brand"): GoDaddy (secureserver.net), Vodafone (vodafonemail), TalkTalk, Bluehost,
 *   Network Solutions. A hand-off between the platform and one of its partners is no break; two
 *   partners are still two organisations.
 */

export interface OwnerRow {
  owner: string;
  members: readonly string[];
}

export interface PlatformRow {
  platform: string;
  partners: readonly string[];
}

export const OWNERS: readonly OwnerRow[] = [
  { owner: "kernel.org", members: ["kernel.org", "vger.email"] },
  { owner: "United Internet", members: ["GMX", "WEB.DE", "IONOS"] },
  { owner: "Yahoo", members: ["Yahoo", "AOL"] },
  { owner: "GoDaddy", members: ["secureserver.net", "godaddy.com", "domaincontrol.com"] },
];

export const PLATFORMS: readonly PlatformRow[] = [
  {
    platform: "oxcs.net",
    partners: ["secureserver.net", "godaddy.com", "vodafonemail.de", "vodafone.de", "arcor.de", "talktalk.net", "bluehost.com", "networksolutionsemail.com"],
  },
];

const OWNER_OF = new Map<string, string>();
for (const row of OWNERS) for (const m of row.members) OWNER_OF.set(m, row.owner);

const PARTNERS = new Map<string, ReadonlySet<string>>();
for (const row of PLATFORMS) PARTNERS.set(row.platform, new Set(row.partners));

/** The owner of an organisation (an operator name or a registrable domain); itself when unlisted. */
export function ownerOf(org: string): string {
  return OWNER_OF.get(org) ?? org;
}

/**
 * True when two organisations are one owner's, or one is a white-label platform that runs the
 * other's mail (either order).
 */
export function sameOwner(a: string, b: string): boolean {
  if (a === b || ownerOf(a) === ownerOf(b)) return true;
  return Boolean(PARTNERS.get(a)?.has(b) || PARTNERS.get(b)?.has(a));
}
