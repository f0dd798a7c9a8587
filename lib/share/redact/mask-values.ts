/**
 * Masking collected personal values by value, in any string: names (display names, SMTP AUTH
 * user names) as whole words, and host names (the submitting machine's HELO / reverse-DNS name)
 * as whole host tokens. Each string is scanned once, whatever the number of values: names are
 * looked up by their first word at each word start, hosts by the whole token, in Maps.
 */
import { MASK } from "./mask";

/** Word characters (\p{L}, \p{N}, "_"), for every BMP code unit, computed once. */
const WORD = new Uint8Array(65536);
{
  const re = /[\p{L}\p{N}_]/u;
  for (let c = 0; c < 65536; c++) if (c < 0xd800 || c > 0xdfff) WORD[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  // Astral letters arrive as surrogate pairs: count both halves as word characters.
  for (let c = 0xd800; c <= 0xdfff; c++) WORD[c] = 1;
}

function isWord(s: string, i: number): boolean {
  return i >= 0 && i < s.length && WORD[s.charCodeAt(i)] === 1;
}

/** "." "-" "@" join words into one name ("kette.jp", "jane-doe", "a@b"). */
function isJoiner(c: number): boolean {
  return c === 46 || c === 45 || c === 64;
}

/** The character before i continues a word or a dotted/hyphenated name. */
function joinedBefore(s: string, i: number): boolean {
  return isWord(s, i - 1) || (i >= 2 && isJoiner(s.charCodeAt(i - 1)) && isWord(s, i - 2));
}

/** The character at `end` continues a word or a dotted/hyphenated name. */
function joinedAfter(s: string, end: number): boolean {
  return isWord(s, end) || (end < s.length && isJoiner(s.charCodeAt(end)) && isWord(s, end + 1));
}

/** Names compiled for the scan: lower-case, grouped by their first word. */
export interface NameIndex {
  byFirstWord: Map<string, string[]>;
  /** Lengths of the first words: a word of another length is skipped without a look-up. */
  firstLengths: Set<number>;
  /** Whether lower-casing keeps every index in place for all names (it does not for "İ"). */
  foldable: boolean;
}

export function indexNames(names: readonly string[]): NameIndex {
  const byFirstWord = new Map<string, string[]>();
  let foldable = true;
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower.length !== name.length) foldable = false;
  }
  for (const name of names) {
    const key = foldable ? name.toLowerCase() : name;
    let end = 0;
    while (end < key.length && isWord(key, end)) end++;
    const first = key.slice(0, end);
    if (first === "") continue; // a name must start with a word character to be matched
    const list = byFirstWord.get(first) ?? [];
    list.push(key);
    // Longest first, so "Jane Doe" wins over "Jane".
    list.sort((a, b) => b.length - a.length);
    byFirstWord.set(first, list);
  }
  return { byFirstWord, firstLengths: new Set([...byFirstWord.keys()].map((k) => k.length)), foldable };
}

/**
 * Replaces whole-word occurrences of the names (case-insensitive when safe). A name inside a dotted
 * or hyphenated name ("netscape" in "www.netscape.com") is a domain, which redaction keeps; a
 * sentence's full stop after a name does not protect it.
 */
export function maskNames(s: string, index: NameIndex): string {
  if (index.byFirstWord.size === 0) return s;
  const lower = index.foldable ? s.toLowerCase() : s;
  const hay = lower.length === s.length ? lower : s;
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  const n = hay.length;
  while (i < n) {
    if (!isWord(hay, i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isWord(hay, end)) end++;
    const candidates = index.firstLengths.has(end - i) && !joinedBefore(hay, i) ? index.byFirstWord.get(hay.slice(i, end)) : undefined;
    let matched = -1;
    if (candidates) {
      for (const name of candidates) {
        if (hay.startsWith(name, i) && !joinedAfter(hay, i + name.length)) {
          matched = i + name.length;
          break;
        }
      }
    }
    if (matched > 0) {
      parts.push(s.slice(copied, i), MASK);
      copied = matched;
      i = matched;
    } else {
      i = end;
    }
  }
  if (copied === 0) return s;
  parts.push(s.slice(copied));
  return parts.join("");
}

/** Characters of a host token: letters, digits, "-", "_", ".". */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 46;
}

/**
 * Replaces every whole host token equal (case-insensitively, trailing dot ignored) to one of
 * `hosts` (lower-case): "from jane-laptop (", "helo=imac27.example.net;", "by imac27.example.net".
 * A longer name that contains one ("jane-laptop.example.net" for "jane-laptop") is another host.
 */
export function maskHosts(s: string, hosts: ReadonlySet<string>): string {
  if (hosts.size === 0) return s;
  const lengths = lengthsOf(hosts);
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (!isHostChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isHostChar(s.charCodeAt(end))) end++;
    let stop = end;
    while (stop > i && s.charCodeAt(stop - 1) === 46) stop--;
    if (lengths.has(stop - i) && hosts.has(s.slice(i, stop).toLowerCase())) {
      parts.push(s.slice(copied, i), MASK);
      copied = stop;
    }
    i = end;
  }
  if (copied === 0) return s;
  parts.push(s.slice(copied));
  return parts.join("");
}

const hostLengths = new WeakMap<ReadonlySet<string>, Set<number>>();

function lengthsOf(hosts: ReadonlySet<string>): Set<number> {
  let set = hostLengths.get(hosts);
  if (!set) hostLengths.set(hosts, (set = new Set([...hosts].map((h) => h.length))));
  return set;
}
