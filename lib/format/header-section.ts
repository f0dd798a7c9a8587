/**
 * The header section of a message, by the engine's own rules (lib/analysis/message/section.ts:
 * only a truly empty line ends it; whitespace-only folding lines and double-spaced pastes are
 * recognised). Used in the browser so that only headers leave the person's machine, never a body.
 */
export { headerSection } from "@/lib/analysis/message/section";

/** Largest file we read in the browser; the API's own limit is 1 MiB of headers. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
