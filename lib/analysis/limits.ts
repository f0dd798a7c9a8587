/** Limits adopted from Postfix/Exim practice (design.md, "Limits"). */

/**
 * Header section size, in bytes (1 MiB). A larger header section is refused with "too-large"; a
 * full message may be larger (its body is ignored), up to MAX_MESSAGE_BYTES on the HTTP API.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;
/**
 * How much of the input is read to find the end of the header section: the limit plus room for
 * the empty line and the line after it (section.ts looks one line ahead). Past this, a section
 * that has not ended is over the limit anyway.
 */
export const SECTION_SCAN_CHARS = MAX_INPUT_BYTES + 64 * 1024;
/** A whole message sent to the HTTP API (body included, read and discarded): 50 MiB. */
export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
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
