import { parseAddressList } from "./address-list";

/** Words of the Received grammar never treated as a display name. */
const NOT_NAMES = new Set(["from", "by", "via", "with", "id", "for", "smtp", "esmtp", "esmtps", "esmtpsa", "lmtp"]);

/**
 * Display names, comments and group names of an address list ('"Doe, Jane" <j@x.org>, c@z.org
 * (Carol)' → ["Doe, Jane", "Carol"]); a name that is itself an address is not a name.
 */
export function displayNames(value: string): string[] {
  const names = new Set<string>();
  const add = (n: string) => {
    if (n.length >= 2 && !n.includes("@") && !NOT_NAMES.has(n.toLowerCase())) names.add(n);
  };
  const { mailboxes, groups } = parseAddressList(value);
  for (const g of groups) add(g);
  for (const m of mailboxes) {
    add(m.name);
    for (const c of m.comments) add(c);
  }
  return [...names];
}
