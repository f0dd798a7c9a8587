/** Runs once when a server instance starts (Next.js instrumentation): open and migrate the share store. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareShareStore } = await import("@/lib/share");
  await prepareShareStore();
}
