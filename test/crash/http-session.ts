/** A minimal HTTP client that keeps the session and CSRF cookies and sends the CSRF token, as the web app does. */
export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf = "";

  constructor(private readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const value = pair.slice(i + 1);
      // The CSRF token is bound to the session: a new session needs a new token.
      if (pair.slice(0, i) === "motcua_session") this.csrf = "";
      if (value === "") this.cookies.delete(pair.slice(0, i));
      else this.cookies.set(pair.slice(0, i), value);
    }
  }

  async send(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    if (!this.csrf) {
      const r = await fetch(`${this.base}/api/v1/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
      this.keep(r);
      this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    }
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        "x-csrf-token": this.csrf,
        cookie: this.cookieHeader(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    this.keep(res);
    return res;
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.send("POST", "/api/v1/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  }
}
