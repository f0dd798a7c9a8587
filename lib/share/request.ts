/**
 * The body of POST /api/analyses: `{ headers: string, redact?: boolean, expiresInDays?: 1|7|30|365 }`.
 * Unknown fields are ignored (clients may be newer than the server).
 *
 * API default: `redact` is TRUE when omitted. A client that forgets the flag must not publish
 * addresses; storing the full text is an explicit choice (`"redact": false`). The UI always sends it.
 */
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/json-body";

/** Lifetimes a share may have, in days; the default is DEFAULT_EXPIRY_DAYS. */
export const EXPIRY_DAYS = [1, 7, 30, 365] as const;
export type ExpiryDays = (typeof EXPIRY_DAYS)[number];
export const DEFAULT_EXPIRY_DAYS: ExpiryDays = 30;
export const DEFAULT_REDACT = true;

export interface ShareRequest {
  headers: string;
  redact: boolean;
  expiresInDays: ExpiryDays;
}

const schema = z.object({
  headers: z.string({ error: '"headers" must be a string.' }),
  redact: z.boolean({ error: '"redact" must be true or false.' }).optional(),
  expiresInDays: z
    .union([z.literal(1), z.literal(7), z.literal(30), z.literal(365)], { error: '"expiresInDays" must be 1, 7, 30 or 365.' })
    .optional(),
});

/** Parses the JSON text of a create request; throws a 400 HttpError naming the problem. */
export function parseShareRequest(body: string): ShareRequest {
  const data = parseJsonBody(body, schema);
  return {
    headers: data.headers,
    redact: data.redact ?? DEFAULT_REDACT,
    expiresInDays: data.expiresInDays ?? DEFAULT_EXPIRY_DAYS,
  };
}
