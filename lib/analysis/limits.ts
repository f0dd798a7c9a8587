/** Limits adopted from Postfix/Exim practice (design.md, "Limits"). */

/** Request body / input size, in bytes (1 MiB). Larger input is refused with "too-large". */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** One unfolded header field, in characters (100 KiB); longer values are cut and reported. */
export const MAX_FIELD_CHARS = 100 * 1024;
/** Header fields read from one message; the rest are ignored and reported. */
export const MAX_FIELDS = 1000;
/** Received hops analysed; older ones are dropped and reported as truncated. */
export const MAX_HOPS = 100;
/**
 * Parts (words, comments, literals) and characters read from one Received header, plus its date.
 * Real headers have a few dozen parts in under 2 KiB; the rest of a longer one is kept in `raw`
 * and reported.
 */
export const MAX_RECEIVED_TOKENS = 400;
export const MAX_RECEIVED_CHARS = 16 * 1024;
