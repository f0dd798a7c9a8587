/**
 * The body of POST /api/analyze (api-contract.md): text/plain or message/rfc822 is the raw headers;
 * application/json is `{ headers: string, options?: { dns?: boolean } }`, validated with zod as
 * lib/share/request.ts does. Unknown fields are ignored (clients may be newer than the server).
 */
import { z } from "zod";
import { HttpError } from "./errors";

export interface AnalyzeInput {
  headers: string;
  options: { dns?: boolean };
}

const schema = z.object({
  headers: z.string({ error: 'The JSON body needs "headers" as a string.' }),
  options: z
    .object(
      { dns: z.boolean({ error: '"options.dns" must be true or false.' }).optional() },
      { error: '"options" must be an object.' },
    )
    .optional(),
});

/** Parses the JSON text of an analyze request; throws a 400 HttpError naming the problem. */
export function inputFromJson(body: string): AnalyzeInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HttpError(400, "invalid-input", "The body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, "invalid-input", 'The JSON body must be an object: { "headers": "<raw headers>" }.');
  }
  const r = schema.safeParse(parsed);
  if (!r.success) throw new HttpError(400, "invalid-input", r.error.issues[0]?.message ?? "Invalid request body.");
  const out: AnalyzeInput = { headers: r.data.headers, options: {} };
  if (r.data.options?.dns !== undefined) out.options.dns = r.data.options.dns;
  return out;
}
