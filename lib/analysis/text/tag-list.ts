/**
 * DKIM-style tag lists (RFC 6376 §3.2: "v=1; a=rsa-sha256; d=example.com; …"), as used by
 * DKIM-Signature and ARC-Seal. One linear pass, no regexes. Names lower-case, values trimmed,
 * the first occurrence of a tag wins. A Map: tag names come from the message.
 *
 * The last few values' lists are kept: one DKIM-Signature is read by the sending-service, border
 * and clock readers in turn. The map is shared: read only.
 */
import { memoRecent } from "../memo";

export const parseTagList: (value: string) => ReadonlyMap<string, string> = memoRecent(readTagList, 8);

function readTagList(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  // The next "=" at or after `start`, found once for all the tags before it (a value of many
  // ";" and no "=" is scanned once, not once per tag); Infinity when there is none.
  let eq = -1;
  for (let start = 0; start <= value.length; ) {
    let end = value.indexOf(";", start);
    if (end < 0) end = value.length;
    if (eq < start) {
      eq = value.indexOf("=", start);
      if (eq < 0) eq = Infinity;
    }
    if (eq > start && eq < end) {
      const name = value.slice(start, eq).trim().toLowerCase();
      if (!tags.has(name)) tags.set(name, value.slice(eq + 1, end).trim());
    }
    start = end + 1;
  }
  return tags;
}
