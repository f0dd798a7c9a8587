/**
 * Share use cases behind the thin route handlers and the /a/[id] page: create (analyze, redact,
 * store a snapshot), read, delete with the delete token. Errors are HttpErrors with their status.
 * Nothing here logs header content, ids or tokens.
 */
import { analyze } from "@/lib/analysis";
import type { Analysis } from "@/lib/analysis/types";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/errors";
import { deleteTokenMatches, hashDeleteToken, isShareId, newDeleteToken, newShareId } from "./ids";
import { shareClock, shareStore } from "./index";
import { requestOrigin } from "./origin";
import { redactAnalysis } from "./redact";
import type { ShareRequest } from "./request";
import type { ShareRecord } from "./store";

const DAY_MS = 86_400_000;
/** Expired shares are also purged on create, at most this often per instance. */
const PURGE_ON_CREATE_EVERY_MS = 60_000;

/** The 201 body of POST /api/analyses (contract: id, url, deleteToken, expiresAt). */
export interface CreatedShare {
  id: string;
  /** Absolute URL of the page /a/{id}. */
  url: string;
  /** Shown once; only its hash is stored. */
  deleteToken: string;
  /** ISO 8601 UTC. */
  expiresAt: string;
}

let lastPurge = 0;

/** Analyzes, optionally redacts, and stores the snapshot. The URL uses PUBLIC_URL, else the request's origin. */
export async function createShare(req: ShareRequest, httpReq: Request): Promise<CreatedShare> {
  const full = analyze(req.headers);
  const analysis = req.redact ? redactAnalysis(full) : full;
  const store = shareStore();
  const now = shareClock();
  if (now - lastPurge >= PURGE_ON_CREATE_EVERY_MS) {
    lastPurge = now;
    await store.purgeExpired();
  }
  const id = newShareId();
  const deleteToken = newDeleteToken();
  const record: ShareRecord = {
    id,
    analysisJson: JSON.stringify(analysis),
    deleteTokenHash: hashDeleteToken(deleteToken),
    createdAt: now,
    expiresAt: now + req.expiresInDays * DAY_MS,
    redacted: req.redact,
  };
  await store.create(record);
  const e = env();
  const origin = e.publicUrl ?? requestOrigin(httpReq, e.trustProxy);
  return { id, url: `${origin}/a/${id}`, deleteToken, expiresAt: new Date(record.expiresAt).toISOString() };
}

/** The stored record, or null when the id is malformed, unknown or expired. */
export async function findShare(id: string): Promise<ShareRecord | null> {
  return isShareId(id) ? shareStore().get(id) : null;
}

/** The record or a 404 HttpError. */
export async function requireShare(id: string): Promise<ShareRecord> {
  const record = await findShare(id);
  if (!record) throw new HttpError(404, "not-found", "No such shared analysis (it may have expired or been deleted).");
  return record;
}

/** The page's view of a share. */
export async function loadSharedAnalysis(id: string): Promise<{ analysis: Analysis; expiresAt: string; redacted: boolean } | null> {
  const record = await findShare(id);
  if (!record) return null;
  return { analysis: JSON.parse(record.analysisJson) as Analysis, expiresAt: new Date(record.expiresAt).toISOString(), redacted: record.redacted };
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Deletes with `Authorization: Bearer <deleteToken>`: 401 when the header is missing or not a
 * bearer token, 404 when the share is unknown or expired, 403 when the token does not match.
 */
export async function deleteShare(id: string, authorization: string | null): Promise<void> {
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!token) {
    throw new HttpError(401, "unauthorized", "Send the delete token as 'Authorization: Bearer <deleteToken>'.", {
      "WWW-Authenticate": 'Bearer realm="shares"',
    });
  }
  const record = await requireShare(id);
  if (!deleteTokenMatches(token, record.deleteTokenHash)) {
    throw new HttpError(403, "forbidden", "The delete token does not match this share.");
  }
  if (!(await shareStore().delete(id))) throw new HttpError(404, "not-found", "No such shared analysis.");
}
