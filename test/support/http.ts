/**
 * Talking to a running motcua over real HTTP, for process tests, the crash suite, browser tests and benchmarks:
 * a free port, waiting for GET /health, and a session that keeps cookies and sends the CSRF token as the web
 * app does.
 */
import net from "node:net";

/** A port nothing listens on now (the OS picks it; another process could still take it before we do). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HealthWait {
  timeoutMs?: number;
  /** Settles when the server process exits: waiting stops at once with its output. */
  exited?: Promise<unknown>;
  /** What the server printed, for the error message. */
  output?: () => string;
}

/** Resolves with the milliseconds it took once GET /health answers {"status":"ok"}. */
export async function waitForHealth(url: string, options: HealthWait = {}): Promise<number> {
  const { timeoutMs = 60_000, exited, output } = options;
  const started = Date.now();
  let gone = false;
  void exited?.then(() => {
    gone = true;
  });
  const printed = () => (output ? `:\n${output()}` : "");
  while (Date.now() - started < timeoutMs) {
    if (gone) throw new Error(`the server exited before it became healthy${printed()}`);
    try {
      const res = await fetch(`${url}/health`);
      const body = (await res.json()) as { status?: string };
      if (res.ok && body.status === "ok") return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server at ${url} was not healthy after ${timeoutMs} ms${printed()}`);
}

/** Keeps the session and CSRF cookies and sends the CSRF token on every request, as the web app does. */
export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf = "";

  constructor(private readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const i = pair.indexOf("=");
      if (i <= 0) continue;
      const value = pair.slice(i + 1);
      // The CSRF token is bound to the session: a new session needs a new token.
      if (pair.slice(0, i).endsWith("motcua_session")) this.csrf = "";
      if (value === "") this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }

  private async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const r = await fetch(`${this.base}/api/v1/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
      this.keep(r);
      this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    }
    return this.csrf;
  }

  /** `base` sends the same session to another instance of the app (over the same database). */
  async send(
    method: string,
    url: string,
    body?: unknown,
    options: { signal?: AbortSignal; base?: string } = {},
  ): Promise<Response> {
    const csrf = await this.csrfToken();
    const res = await fetch(`${options.base ?? this.base}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        "x-csrf-token": csrf,
        cookie: this.cookieHeader(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    this.keep(res);
    return res;
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.send("POST", "/api/v1/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  }

  /** The cookie and CSRF headers of this session, for a load generator that sends its own requests. */
  async headers(): Promise<{ cookie: string; "x-csrf-token": string }> {
    return { cookie: this.cookieHeader(), "x-csrf-token": await this.csrfToken() };
  }
}
