import type { Token } from "./tokenize";
import type { ClauseSet } from "./clauses";
import { tokenizeComment } from "./tokenize";
import { trimEnd } from "../text/trim";

/**
 * The envelope sender, where the receiver recorded it:
 *   Exim, Sendmail, Postmark, ecelerity, Dovecot  "(envelope-from <a@b>)" / "(envelope-from a@b)"
 *   qmail                                          "(envelope-sender <a@b>)"
 *   qmail-scanner                                  "(envelope-from <a@b>, uid 502)"
 *   Haraka                                         bare "envelope-from <a@b>" after the id
 *   XMail, IBM SMTP Gateway                        a trailing "from <a@b>" clause
 */
export function readEnvelopeFrom(tokens: Token[], set: ClauseSet): string | null {
  for (const t of tokens) {
    if (t.kind !== "comment" || (t.text.charCodeAt(0) | 32) !== 101) continue; // "e…"
    const lower = t.text.slice(0, 16).toLowerCase();
    if (!lower.startsWith("envelope-from") && !lower.startsWith("envelope-sender")) continue;
    const v = addressAfterKeyword(tokenizeComment(t.text));
    if (v !== null) return v;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t && t.kind === "word" && t.text.length === 13 && t.text.toLowerCase() === "envelope-from") {
      const v = addressAfterKeyword(tokens.slice(i, i + 2));
      if (v !== null) return v;
    }
  }
  let seenFrom = false;
  for (const c of set.clauses) {
    if (c.name !== "from") continue;
    if (seenFrom) {
      const first = c.tokens[0];
      if (first && first.kind === "angle") return first.text;
    }
    seenFrom = true;
  }
  return null;
}

function addressAfterKeyword(inner: readonly Token[]): string | null {
  const next = inner[1];
  if (!next) return null;
  if (next.kind === "angle") return next.text;
  if (next.kind === "word") {
    const w = trimEnd(next.text, ",;");
    return w.length > 0 ? w : null;
  }
  return null;
}
