import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { MemoryFileStore } from "../../src/adapters/storage/memory-file-store.ts";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { DbHandle } from "../../src/db/connection.ts";
import { SESSION_COOKIE } from "../../src/modules/auth/sessions.ts";
import { seedDemoIfEmpty } from "../../src/seed/demo.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";
import { createTestDb } from "./test-db.ts";

export interface TestClock {
  now: Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start = "2026-11-24T02:00:00Z"): TestClock {
  const clock = {
    now: new Date(start),
    set(v: string | Date) {
      clock.now = new Date(v);
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  return clock;
}

export interface TestContext {
  app: FastifyInstance;
  handle: DbHandle;
  clock: TestClock;
  /** Unit ids of the demo tree by code. */
  unitId(code: string): Promise<string>;
  client(): TestClient;
  /** A client signed in as a demo account. */
  as(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

export async function createTestContext(
  options: { seed?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<TestContext> {
  const handle = await createTestDb();
  const clock = testClock();
  const config = loadConfig({ LOG_LEVEL: "silent", DEMO: "1", ...options.env });
  if (options.seed !== false) await seedDemoIfEmpty(handle.db, clock.now);
  const files = new MemoryFileStore();
  const app = await buildApp({ db: handle.db, engine: handle.engine, config, clock: () => clock.now, files });
  await app.ready();
  const ctx: TestContext = {
    app,
    handle,
    clock,
    async unitId(code) {
      const row = await handle.db
        .selectFrom("units")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    client: () => new TestClient(app),
    async as(username) {
      const client = new TestClient(app);
      const res = await client.post("/api/v1/auth/login", { username, password: DEMO_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return client;
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
  return ctx;
}

/** Keeps cookies between requests and sends the CSRF token on state-changing ones, as the web app does. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;
  /** Extra headers on every request (e.g. a fixed remote address). */
  headers: Record<string, string> = {};

  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const method = (options.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = {
      ...this.headers,
      ...(options.headers as Record<string, string>),
    };
    if (method !== "GET" && method !== "HEAD" && options.csrf !== false) {
      headers["x-csrf-token"] = await this.csrf();
    }
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    const res = await this.app.inject({ ...options, headers });
    this.remember(res);
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: "GET", url, ...(headers ? { headers } : {}) });
  }
  post(url: string, body?: unknown, extra: Partial<InjectOptions> & { csrf?: boolean } = {}) {
    return this.request({
      method: "POST",
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      ...extra,
    });
  }
  patch(url: string, body?: unknown, extra: Partial<InjectOptions> & { csrf?: boolean } = {}) {
    return this.request({
      method: "PATCH",
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      ...extra,
    });
  }
  delete(url: string, extra: Partial<InjectOptions> & { csrf?: boolean } = {}) {
    return this.request({ method: "DELETE", url, ...extra });
  }

  async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const res = await this.get("/api/v1/auth/csrf");
      this.csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    }
    return this.csrfToken;
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      // The app's clock is fixed in tests, so only an explicit clearing counts as expiry here.
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= 0);
      // The CSRF token is bound to the session: a new or ended session needs a new token, as in the web app.
      if (c.name === SESSION_COOKIE || c.name === `__Host-${SESSION_COOKIE}`) this.csrfToken = undefined;
      if (expired || c.value === "") this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}
