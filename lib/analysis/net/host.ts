/**
 * Host names as Received headers write them: the one normaliser and the one shape check.
 */

/** Longest host name considered (RFC 1035 §2.3.4). Longer strings are no host name. */
export const MAX_HOST_CHARS = 255;

/**
 * The form the contract wants for host names: trimmed, lower-case, without surrounding "[…]",
 * an "IPv6:" tag, or trailing dots and stray ",;" (a clause separator glued on). null when
 * nothing is left or the text is longer than a host name can be. Not ":": Gmail's internal by
 * names ("2002:a17:902:aa49::") end in one.
 */
export function normaliseHost(text: string | null | undefined): string | null {
  if (!text) return null;
  let h = text.trim();
  if (h.length > MAX_HOST_CHARS + 8) return null;
  h = h.toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h.startsWith("ipv6:")) h = h.slice(5);
  let end = h.length;
  while (end > 0 && ".,;".includes(h[end - 1])) end--;
  if (end === 0 || end > MAX_HOST_CHARS) return null;
  return end === h.length ? h : h.slice(0, end);
}

/**
 * True when `s` is a plausible host name: letters/digits/"-"/"_" labels joined by dots (a
 * trailing dot allowed), at least one dot (or "localhost") and at least one letter.
 */
export function isHostName(s: string): boolean {
  if (s.length === 0 || s.length > MAX_HOST_CHARS) return false;
  let prevDot = true;
  let dots = 0;
  let letters = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return false;
      prevDot = true;
      dots++;
      continue;
    }
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const ok = alpha || (c >= 48 && c <= 57) || c === 45 || c === 95;
    if (!ok) return false;
    if (alpha) letters = true;
    prevDot = false;
  }
  return (dots > 0 || s.toLowerCase() === "localhost") && letters;
}

/** "localhost" and "localhost.localdomain": names a client gives itself, never evidence of who it is. */
export function isLocalhostName(name: string | null | undefined): boolean {
  if (!name || (name.length !== 9 && name.length !== 21)) return false;
  const n = name.toLowerCase();
  return n === "localhost" || n === "localhost.localdomain";
}
