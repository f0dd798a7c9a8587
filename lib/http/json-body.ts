/**
 * A JSON request body checked against a zod schema, for every route that takes one: not JSON, not
 * an object, or a field of the wrong type is a 400 HttpError whose message names the problem.
 */
import type { z } from "zod";
import { HttpError } from "./errors";

export function parseJsonBody<S extends z.ZodType>(body: string, schema: S): z.infer<S> {
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
  return r.data;
}
