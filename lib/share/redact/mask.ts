/** What a removed value is replaced with, everywhere redaction masks something. */
export const MASK = "•••";
