/**
 * The share store: one small interface, two implementations (sqlite-store.ts, the embedded default;
 * postgres-store.ts, for several app instances). The implementation is chosen once, in index.ts.
 *
 * Every time comparison uses the store's injected clock (`now`), never the database's own clock,
 * so expiry is testable and behaves the same on both stores.
 */

/** Milliseconds since the epoch; Date.now by default. */
export type Clock = () => number;

/** A stored share as the store keeps it. `analysisJson` is the snapshot, verbatim. */
export interface ShareRecord {
  id: string;
  /** The (possibly redacted) Analysis as stored, in `encoding` (compact.ts decodes it). */
  analysisJson: string;
  /** How analysisJson is written: "analysis-json" (rows before compaction) or "compact-v1". */
  encoding: string;
  /** Hex SHA-256 of the delete token; the token itself is never stored. */
  deleteTokenHash: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; the share is gone from this instant on. */
  expiresAt: number;
  /** Whether the analysis was redacted before it was stored. */
  redacted: boolean;
}

export interface ShareStore {
  /** Inserts a record in one statement; throws when the id exists (never overwrites). */
  create(record: ShareRecord): Promise<void>;
  /** The record, or null when unknown or expired (an expired record is deleted on the way). */
  get(id: string): Promise<ShareRecord | null>;
  /** Removes a record; true when there was one. */
  delete(id: string): Promise<boolean>;
  /** Deletes every expired record; returns how many. */
  purgeExpired(): Promise<number>;
  /** Whether the store can take new shares right now (cheap: no write). */
  probe(): Promise<"ok" | "full" | "read-only" | "unavailable">;
  /** Releases connections / file handles. */
  close(): Promise<void>;
}
