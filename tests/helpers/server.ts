/**
 * Starts the real production server (scripts/server.mjs: Next.js behind node:http, as `npm start`
 * runs it) on the production build for API and browser tests.
 * The build must exist (scripts/test.mjs runs `next build` first). Each call gets its own port,
 * so a suite can start several servers (e.g. stop and start on the same DATA_DIR).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface RunningServer {
  url: string;
  port: number;
  /** Process id of the `next start` process (e.g. to read its memory from /proc/<pid>/status). */
  pid: number;
  /** Everything the server printed so far (for assertions that nothing sensitive was logged). */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Runs the server through another command, e.g. `unshare -m sh -c "mount …; exec \"$@\"" sh`: gets [node, server.mjs]. */
  wrap?: (argv: string[]) => string[];
}

export async function startServer(env: Record<string, string | undefined> = {}, opts: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const argv = opts.wrap ? opts.wrap([process.execPath, path.join(ROOT, "scripts", "server.mjs")]) : [process.execPath, path.join(ROOT, "scripts", "server.mjs")];
  const child: ChildProcess = spawn(argv[0], argv.slice(1), {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", HOSTNAME: "127.0.0.1", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    pid: child.pid ?? -1,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      });
    },
  };
}
