/**
 * Delete tokens live only in the browser that created the share (localStorage, keyed by share id):
 * the server keeps a hash and cannot show them again. Storage failures (private mode, quota) are
 * ignored: the share still works, it just cannot be deleted from this browser.
 */
const PREFIX = "hoptrace:share-delete-token:";

export function saveDeleteToken(id: string, token: string): void {
  try {
    localStorage.setItem(PREFIX + id, token);
  } catch {
    /* storage unavailable */
  }
}

export function readDeleteToken(id: string): string | null {
  try {
    return localStorage.getItem(PREFIX + id);
  } catch {
    return null;
  }
}

export function forgetDeleteToken(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    /* storage unavailable */
  }
}
