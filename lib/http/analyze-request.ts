/**
 * The body of POST /api/analyze (api-contract.md): text/plain or message/rfc822 is the raw headers;
 * application/json is `{ headers: string, options?: { dns?: boolean } }`, validated with zod as
 * lib/share/request.ts does. Unknown fields are ignored (clients may be newer than the server).
 */
import { z } from "zod";
import { parseJsonBody } from "./json-body";

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
  const data = parseJsonBody(body, schema);
  const out: AnalyzeInput = { headers: data.headers, options: {} };
  if (data.options?.dns !== undefined) out.options.dns = data.options.dns;
  return out;
}
