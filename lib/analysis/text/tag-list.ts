/**
 * DKIM-style tag lists (RFC 6376 §3.2: "v=1; a=rsa-sha256; d=example.com; …"), as used by
 * DKIM-Signature and ARC-Seal. One linear pass, no regexes. Names lower-case, values trimmed,
 * the first occurrence of a tag wins. A Map: tag names come from the message.
 */
export function parseTagList(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value[i] !== ";") continue;
    const tag = value.slice(start, i);
    start = i + 1;
    const eq = tag.indexOf("=");
    if (eq <= 0) continue;
    const name = tag.slice(0, eq).trim().toLowerCase();
    if (!tags.has(name)) tags.set(name, tag.slice(eq + 1).trim());
  }
  return tags;
}
