/**
 * Address lists (From, To, Cc, Reply-To, …; RFC 5322 §3.4) read by one char-code scan: quoted
 * strings with backslash escapes, nested comments, angle addresses, groups ("name: a, b;").
 * No regex over the value, so a 100 KiB To header costs one pass.
 */
import { MASK } from "./mask";

export interface Mailbox {
  /** Display name: the phrase and quoted strings before "<…>", whitespace collapsed; "" when none. */
  name: string;
  /** Comments, e.g. "bob@x.org (Bob)"; each whitespace-collapsed. */
  comments: string[];
  /** The address: inside "<…>", else the bare token with "@"; "" when none. */
  address: string;
}

function collapse(s: string): string {
  let out = "";
  let space = false;
  for (const ch of s) {
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") {
      space = out !== "";
    } else {
      if (space) out += " ";
      out += ch;
      space = false;
    }
  }
  return out;
}

export interface AddressList {
  mailboxes: Mailbox[];
  /** Group names ("undisclosed-recipients" in "undisclosed-recipients:;"). */
  groups: string[];
}

/** Parsed lists of one redaction, by value: From/To are read by several steps, parsed once. */
export type AddressListCache = Map<string, AddressList>;

/** parseAddressList through a per-redaction cache. */
export function readAddressList(value: string, cache?: AddressListCache): AddressList {
  if (!cache) return parseAddressList(value);
  let list = cache.get(value);
  if (!list) cache.set(value, (list = parseAddressList(value)));
  return list;
}

/** The mailboxes of an address list, and the names of its groups ("undisclosed-recipients"). */
export function parseAddressList(value: string): AddressList {
  const mailboxes: Mailbox[] = [];
  const groups: string[] = [];
  let phrase = "";
  let angle: string | null = null;
  let comments: string[] = [];
  const flush = () => {
    const text = collapse(phrase);
    if (angle !== null) {
      mailboxes.push({ name: text, comments, address: angle.trim() });
    } else if (text !== "" || comments.length > 0) {
      // No "<…>": a bare address (words with "@"), or a phrase alone.
      const words = text.split(" ");
      const address = words.find((w) => w.includes("@")) ?? "";
      const name = words.filter((w) => w !== address).join(" ");
      mailboxes.push({ name, comments, address });
    }
    phrase = "";
    angle = null;
    comments = [];
  };
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value[i];
    if (c === '"') {
      let j = i + 1;
      let q = "";
      while (j < n && value[j] !== '"') {
        if (value[j] === "\\" && j + 1 < n) j++;
        q += value[j++];
      }
      phrase += ` ${q} `;
      i = j + 1;
    } else if (c === "(") {
      let depth = 1;
      let j = i + 1;
      let text = "";
      while (j < n && depth > 0) {
        const d = value[j];
        if (d === "\\" && j + 1 < n) {
          text += value[j + 1];
          j += 2;
          continue;
        }
        if (d === "(") depth++;
        else if (d === ")") depth--;
        if (depth > 0) text += d;
        j++;
      }
      const t = collapse(text);
      if (t !== "") comments.push(t);
      i = j;
    } else if (c === "<") {
      const close = value.indexOf(">", i + 1);
      const end = close === -1 ? n : close;
      angle = (angle ?? "") + value.slice(i + 1, end);
      i = end + 1;
    } else if (c === ",") {
      flush();
      i++;
    } else if (c === ":" && angle === null && !phrase.includes("@")) {
      const g = collapse(phrase);
      if (g !== "") groups.push(g);
      phrase = "";
      i++;
    } else if (c === ";") {
      flush();
      i++;
    } else {
      phrase += c;
      i++;
    }
  }
  flush();
  return { mailboxes, groups };
}

/** Characters of a domain after "@": anything but space, specials and angle/quote/comment marks. */
function isDomainChar(c: string): boolean {
  return c > " " && !"<>()[]\\\",;:@".includes(c) && c !== "\u007f";
}

/** "jane@example.com" → "example.com"; "" when the address has no domain. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf("@");
  if (at === -1) return "";
  let end = at + 1;
  while (end < address.length && isDomainChar(address[end])) end++;
  return address.slice(at + 1, end);
}

/** The masked form of every address inside a display name ("support@metamask.io via X" → "•••@metamask.io"). */
function addressesInName(name: string): string[] {
  if (!name.includes("@")) return [];
  return name
    .split(" ")
    .filter((w) => w.includes("@"))
    .map((w) => `${MASK}@${domainOf(w)}`);
}

/**
 * An address list with every personal part gone: each mailbox becomes "•••@domain". A display
 * name that is itself an address stays, as one quoted name with its local part masked, so the
 * spoof a phishing From relies on is still visible: '"support@metamask.io" <x@proprofs.com>' →
 * '"•••@metamask.io" <•••@proprofs.com>'. Other display names and comments are dropped; "<>"
 * stays; a list with no address at all (a group like "undisclosed-recipients:;") becomes "•••".
 */
export function redactAddressList(value: string, cache?: AddressListCache): string {
  const t = value.trim();
  if (t === "" || t === "<>") return value;
  const out: string[] = [];
  for (const m of readAddressList(value, cache).mailboxes) {
    if (m.address === "" || !m.address.includes("@")) continue;
    const masked = `${MASK}@${domainOf(m.address)}`;
    const shown = addressesInName(m.name);
    out.push(shown.length > 0 ? `"${shown.join(" ")}" <${masked}>` : masked);
  }
  return out.length > 0 ? out.join(", ") : MASK;
}
