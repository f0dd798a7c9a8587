/**
 * RFC 2047 encoded words ("=?utf-8?B?…?=", "=?iso-8859-1?Q?…?="), decoded for headers[] and
 * the summary. One pass on char codes; the bytes go through the platform's TextDecoder (WHATWG
 * encodings: UTF-8, ISO-8859-x, windows-125x, KOI8, GBK/GB18030, Big5, Shift_JIS, EUC-JP/KR,
 * ISO-2022-JP …). A charset TextDecoder does not know falls back to libmime, mailparser's own
 * decoder, for the whole value; libmime was also the reference the tests compare against.
 *
 * Rules (RFC 2047 §2, §4, §6.2): whitespace between two adjacent encoded words is dropped;
 * adjacent words in the same charset are decoded as one byte string, so a character split across
 * two words survives; a language tag ("utf-8*en", RFC 2231 §5) is ignored; Q encoding writes "_"
 * for a space (a literal space inside, which real mail has, is read as one); text that is not an
 * encoded word stays as written. Never throws.
 */
import libmime from "libmime";

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(charset: string): TextDecoder | null {
  const key = charset.toLowerCase();
  let d = decoders.get(key);
  if (d === undefined) {
    try {
      d = new TextDecoder(key === "utf8" ? "utf-8" : key, { fatal: false });
    } catch {
      d = null;
    }
    // Bounded: charset names come from the message.
    if (decoders.size < 64) decoders.set(key, d);
  }
  return d;
}

interface Word {
  start: number;
  end: number;
  charset: string;
  base64: boolean;
  /** The encoded text: value[textFrom, textTo). */
  textFrom: number;
  textTo: number;
  /**
   * The decoded bytes as a string, when they are all ASCII in an ASCII-compatible charset (then
   * they are the decoded text, and nothing was written to the byte buffer); else null.
   */
  ascii: string | null;
}

/**
 * Charsets in which every byte below 0x80 is that ASCII character (the WHATWG decoders of these
 * names): a word of ASCII bytes in one of them is its own text. Not so for UTF-16 or the
 * ISO-2022 family, whose escapes are ASCII bytes.
 */
function asciiCompatible(charset: string): boolean {
  return charset === "utf-8" || charset === "utf8" || charset === "us-ascii" || charset.startsWith("iso-8859-") || charset.startsWith("windows-125");
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Base64 digit values (RFC 4648 §4) by char code; -1 for everything else. */
const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;

/**
 * s[from, to) is what atob accepts without whitespace (WHATWG forgiving-base64): base64 digits,
 * with one or two "=" at the end only when the whole length is a multiple of 4, and a digit count
 * that is not 1 more than a multiple of 4. "cipher=" is not ("=" in a length of 7): atob throws,
 * and a megabyte of such words spent 300 ms in DOMExceptions.
 */
export function isCleanBase64(s: string, from: number, to: number): boolean {
  let end = to;
  if ((to - from) % 4 === 0) while (end > from && to - end < 2 && s.charCodeAt(end - 1) === 61) end--;
  if ((end - from) % 4 === 1) return false;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || B64[c] < 0) return false;
  }
  return true;
}

/**
 * Writes the bytes of the word's encoded text into out at `at`; returns the new end, or -1 when
 * the text is not valid B or Q. `out` has room: a word never decodes to more bytes than characters.
 */
function decodeText(s: string, w: Word, out: Uint8Array, at: number): number {
  let o = at;
  if (w.base64) {
    // atob (WHATWG forgiving-base64) is native and much faster than a loop; it refuses what is
    // not clean base64 (a "=" inside, say), which the loop below then reads up to the padding.
    // Only clean base64 goes to atob: a refusal throws a DOMException, which costs microseconds
    // each (1 MiB of broken words took 1 s).
    let bin: string | null = null;
    if (isCleanBase64(s, w.textFrom, w.textTo)) {
      try {
        bin = atob(s.slice(w.textFrom, w.textTo));
      } catch {
        bin = null;
      }
    }
    if (bin !== null) {
      if (asciiCompatible(w.charset) && isAscii(bin)) {
        w.ascii = bin;
        return o;
      }
      for (let k = 0; k < bin.length; k++) out[o++] = bin.charCodeAt(k);
      return o;
    }
    let acc = 0;
    let bits = 0;
    for (let i = w.textFrom; i < w.textTo; i++) {
      const c = s.charCodeAt(i);
      if (c === 61) break; // padding
      const v = c < 128 ? B64[c] : -1;
      if (v < 0) return -1;
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (acc >> bits) & 0xff;
      }
    }
    return o;
  }
  for (let i = w.textFrom; i < w.textTo; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) out[o++] = 32;
    else if (c === 61 && i + 2 < w.textTo && hex(s.charCodeAt(i + 1)) >= 0 && hex(s.charCodeAt(i + 2)) >= 0) {
      out[o++] = hex(s.charCodeAt(i + 1)) * 16 + hex(s.charCodeAt(i + 2));
      i += 2;
    } else if (c > 0xff) return -1;
    else out[o++] = c;
  }
  return o;
}

/**
 * indexOf that remembers its last answer: the scan for "?=" or "?" after each "=?" would
 * otherwise run to the end of the value every time there is none (1 MiB of "=?utf-8?B?(" took
 * 9 s). Queries come in nearly increasing order, so each part of the value is scanned about once.
 */
class ForwardSearch {
  private from = Number.POSITIVE_INFINITY;
  private at = -1;
  constructor(
    private readonly s: string,
    private readonly needle: string,
  ) {}
  find(from: number): number {
    if (from >= this.from && (this.at === -1 || this.at >= from)) return this.at;
    this.from = from;
    this.at = this.s.indexOf(this.needle, from);
    return this.at;
  }
}

interface Finders {
  question: ForwardSearch;
  close: ForwardSearch;
}

/** The encoded word starting at s[i] ("=?"), or null when none starts there. */
function wordAt(s: string, i: number, find: Finders): Word | null {
  const q1 = find.question.find(i + 2);
  if (q1 < 0 || q1 - i > 80) return null;
  const enc = s.charCodeAt(q1 + 1) | 32;
  if ((enc !== 98 && enc !== 113) || s.charCodeAt(q1 + 2) !== 63) return null;
  const close = find.close.find(q1 + 3);
  if (close < 0) return null;
  for (let k = i + 2; k < q1; k++) {
    const c = s.charCodeAt(k);
    if (c <= 32 || c === 40 || c === 41 || c === 60 || c === 62 || c === 64 || c === 44 || c === 59 || c === 34) return null;
  }
  // The encoded text holds no "?" (RFC 2047 §2). Spaces are not allowed either, but real mail has
  // them ("=?iso-8859-1?q?Dear Sam's Club Customer?=") and mail clients read them: so do we.
  if (find.question.find(q1 + 3) !== close) return null;
  let charset = s.slice(i + 2, q1);
  const star = charset.indexOf("*");
  if (star >= 0) charset = charset.slice(0, star);
  if (charset === "") return null;
  return { start: i, end: close + 2, charset: charset.toLowerCase(), base64: enc === 98, textFrom: q1 + 3, textTo: close, ascii: null };
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * A byte buffer of at least n bytes for one decodeEncodedWords() call: one buffer is kept for
 * values up to SCRATCH_MAX characters (a typed array per value was a measurable part of the
 * header block's reading), larger values get their own. The decoding is synchronous and never
 * re-enters itself, and the bytes are decoded into strings before it returns.
 */
const SCRATCH_MAX = 16 * 1024;
let scratch = new Uint8Array(1024);

function scratchBytes(n: number): Uint8Array {
  if (n > SCRATCH_MAX) return new Uint8Array(n);
  if (scratch.length < n) scratch = new Uint8Array(SCRATCH_MAX);
  return scratch;
}

/** The value with its encoded words decoded. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes("=?")) return value;
  // One pass: each valid word's bytes go into `out` in order, so the bytes of a run of adjacent
  // words are one contiguous slice of it.
  const out = scratchBytes(value.length);
  const words: Word[] = [];
  const ends: number[] = [];
  let used = 0;
  const find: Finders = { question: new ForwardSearch(value, "?"), close: new ForwardSearch(value, "?=") };
  for (let i = value.indexOf("=?"); i >= 0; ) {
    const w = wordAt(value, i, find);
    const end = w ? decodeText(value, w, out, used) : -1;
    if (w && end >= 0) {
      if (!decoderFor(w.charset)) return libmimeDecode(value);
      words.push(w);
      ends.push(end);
      used = end;
      i = value.indexOf("=?", w.end);
    } else i = value.indexOf("=?", i + 2); // not a word: stays as written
  }
  if (words.length === 0) return value;
  const parts: string[] = [];
  let copied = 0;
  for (let k = 0; k < words.length; ) {
    const first = words[k];
    const bytesFrom = k === 0 ? 0 : ends[k - 1];
    parts.push(value.slice(copied, first.start));
    // The run of adjacent words (only whitespace between them) in the same charset decodes as one.
    let j = k + 1;
    while (j < words.length && words[j].charset === first.charset && isBlank(value, words[j - 1].end, words[j].start)) j++;
    const last = words[j - 1];
    parts.push(decodeRun(words, ends, k, j, out, bytesFrom));
    copied = last.end;
    // Whitespace before a following encoded word of another charset is dropped too (§6.2).
    if (j < words.length && isBlank(value, last.end, words[j].start)) copied = words[j].start;
    k = j;
  }
  parts.push(value.slice(copied));
  return parts.join("");
}

/**
 * The text of the run words[k, j) (one charset; its bytes are out[bytesFrom, ends[j - 1]) except
 * for ASCII words, which kept their text instead). All ASCII: the texts joined, no decoder.
 */
function decodeRun(words: readonly Word[], ends: readonly number[], k: number, j: number, out: Uint8Array, bytesFrom: number): string {
  let asciiWords = 0;
  for (let m = k; m < j; m++) if (words[m].ascii !== null) asciiWords++;
  if (asciiWords === j - k) {
    let text = "";
    for (let m = k; m < j; m++) text += words[m].ascii;
    return text;
  }
  const decoder = decoderFor(words[k].charset) as TextDecoder;
  if (asciiWords === 0) return decoder.decode(out.subarray(bytesFrom, ends[j - 1]));
  // Mixed: the run's bytes in order, ASCII words' from their text.
  let size = ends[j - 1] - bytesFrom;
  for (let m = k; m < j; m++) size += words[m].ascii?.length ?? 0;
  const bytes = new Uint8Array(size);
  let o = 0;
  let from = bytesFrom;
  for (let m = k; m < j; m++) {
    const a = words[m].ascii;
    if (a !== null) for (let c = 0; c < a.length; c++) bytes[o++] = a.charCodeAt(c);
    else for (let b = from; b < ends[m]; b++) bytes[o++] = out[b];
    from = ends[m];
  }
  return decoder.decode(bytes);
}

function libmimeDecode(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}
