/**
 * Share use cases behind the thin route handlers and the /a/[id] page: create (analyze, redact,
 * store a snapshot), read, delete with the delete token. Errors are HttpErrors with their status.
 * Nothing here logs header content, ids or tokens.
 */
import { analyze } from "@/lib/analysis";
import { lookupIpInfo } from "@/lib/ipinfo/load";
import type { Analysis } from "@/lib/analysis/types";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/errors";
import { guardShareBytes } from "@/lib/http/guards";
import { decodeAnalysis, encodeAnalysis } from "./compact";
import { deleteTokenMatches, hashDeleteToken, isShareId, newDeleteToken, newShareId } from "./ids";
import { shareClock, shareStore } from "./index";
import { requestOrigin } from "./origin";
import { redactAnalysis, redactWithReport, type RedactionReport } from "./redact";
import { lastFailure, stateOf, storeCall, type StoreState } from "./store-errors";
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

/**
 * Unredacted shares carry each hop's network owner (from.asn, from.country) like the API does.
 * Redacted ones do not: redaction masks the submitting client's address, and its AS name and
 * country (a home ISP, a town's network) would still say where the sender sits.
 */
function shareOptions(redact: boolean) {
  return redact ? {} : { ipInfo: lookupIpInfo };
}

/**
 * Analyzes, optionally redacts, and stores the snapshot compactly (compact.ts), counting its size
 * against the client's daily byte budget. The URL uses PUBLIC_URL, else the request's origin.
 */
export async function createShare(req: ShareRequest, httpReq: Request): Promise<CreatedShare> {
  const full = analyze(req.headers, shareOptions(req.redact));
  const analysis = req.redact ? redactAnalysis(full) : full;
  const { encoding, json } = encodeAnalysis(analysis);
  await guardShareBytes(httpReq, Buffer.byteLength(json));
  const now = shareClock();
  const id = newShareId();
  const deleteToken = newDeleteToken();
  const record: ShareRecord = {
    id,
    analysisJson: json,
    encoding,
    deleteTokenHash: hashDeleteToken(deleteToken),
    createdAt: now,
    expiresAt: now + req.expiresInDays * DAY_MS,
    redacted: req.redact,
  };
  await storeCall(async () => {
    const store = shareStore();
    if (now - lastPurge >= PURGE_ON_CREATE_EVERY_MS) {
      lastPurge = now;
      await store.purgeExpired();
    }
    await store.create(record);
  });
  const e = env();
  const origin = e.publicUrl ?? requestOrigin(httpReq, e.trustProxy);
  return { id, url: `${origin}/a/${id}`, deleteToken, expiresAt: new Date(record.expiresAt).toISOString() };
}

/** The stored record, or null when the id is malformed, unknown or expired. */
export async function findShare(id: string): Promise<ShareRecord | null> {
  return isShareId(id) ? storeCall(() => shareStore().get(id)) : null;
}

/** The Analysis JSON text of a record, as it was shown when shared (whatever the row's encoding). */
export function analysisText(record: ShareRecord): string {
  return decodeAnalysis(record.encoding, record.analysisJson);
}

/** What a share of these headers would store, before it is created: the analysis and what redaction masks. */
export function previewShare(req: ShareRequest): { redact: boolean; analysis: Analysis; masked: RedactionReport | null } {
  const full = analyze(req.headers, shareOptions(req.redact));
  if (!req.redact) return { redact: false, analysis: full, masked: null };
  const { analysis, report } = redactWithReport(full);
  return { redact: true, analysis, masked: report };
}

/** How long a failed store call keeps /api/health reporting it, when the probe itself passes. */
const FAILURE_MEMORY_MS = 30_000;
/** /api/health probes the store at most this often (a health check must stay cheap). */
const PROBE_EVERY_MS = 5_000;
let probed: { state: StoreState; at: number } | null = null;

/** The share store's state for /api/health: "ok", "full", "read-only" or "unavailable". */
export async function shareStoreState(): Promise<{ kind: "sqlite" | "postgres"; state: StoreState }> {
  const kind = env().databaseUrl ? "postgres" : "sqlite";
  const now = Date.now();
  if (!probed || now - probed.at >= PROBE_EVERY_MS) {
    let state: StoreState;
    try {
      state = await shareStore().probe();
    } catch (err) {
      state = stateOf(err);
    }
    probed = { state, at: now };
  }
  const state = probed.state === "ok" ? (lastFailure(FAILURE_MEMORY_MS, now) ?? "ok") : probed.state;
  return { kind, state };
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
  return { analysis: JSON.parse(analysisText(record)) as Analysis, expiresAt: new Date(record.expiresAt).toISOString(), redacted: record.redacted };
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
  if (!(await storeCall(() => shareStore().delete(id)))) throw new HttpError(404, "not-found", "No such shared analysis.");
}
