/**
 * Runs once when a server instance starts (Next.js instrumentation): open and migrate the share
 * store, then load the offline ASN/country tables (about a second, once) so that no request waits.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareShareStore } = await import("@/lib/share");
  await prepareShareStore();
  const { ipData } = await import("@/lib/ipinfo/load");
  ipData();
}
