/**
 * A domain name as DNS takes it: letters, digits, hyphens and dots, with a dot, no empty label,
 * no label over 63 characters. Recipient domains come from the engine (recipientDomains); only
 * these are ever sent to a resolver.
 */
export function isDnsName(d: string): boolean {
  if (d.length < 3 || d.length > 253 || !d.includes(".")) return false;
  return d.split(".").every((label) => label.length > 0 && label.length <= 63 && /^[a-z0-9-]+$/.test(label));
}
