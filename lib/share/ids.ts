/**
 * Share ids and delete tokens. Both are 128 random bits, base64url (22 characters, URL-safe).
 * Only a SHA-256 hash of the delete token is stored, so a copy of the database cannot delete shares;
 * the comparison runs in constant time over the two digests.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Random bytes per id / token: 16 bytes = 128 bits. */
export const ID_BYTES = 16;
export const TOKEN_BYTES = 16;

/** 16 bytes in base64url are exactly 22 characters from [A-Za-z0-9_-]. */
const ID_PATTERN = /^[\w-]{22}$/;

export function newShareId(): string {
  return randomBytes(ID_BYTES).toString("base64url");
}

export function newDeleteToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** True when `id` has the shape of an id we issue (checked before any store look-up). */
export function isShareId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Hex SHA-256 of a delete token: what the store keeps. */
export function hashDeleteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time check of a presented token against a stored hash. */
export function deleteTokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash("sha256").update(token, "utf8").digest();
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
