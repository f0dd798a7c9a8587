import type { RawField } from "./headers";
import type { Authentication } from "./types";

// PLACEHOLDER: replaced by the Authentication-Results / ARC / Received-SPF parser.
export function parseAuthentication(_fields: readonly RawField[], _fromDomain: string | null): Authentication {
  return { spf: [], dkim: [], dmarc: [], arc: [], alignment: { spf: null, dkim: null } };
}
