import type { TestClient, TestContext } from "../../../test/support/test-app.ts";

/** The last code queued by SMS to a phone (0xxxxxxxxx), read from the notifications outbox. */
export async function lastCodeSentTo(ctx: TestContext, phone: string): Promise<string | null> {
  const row = await ctx.handle.db
    .selectFrom("notification_outbox")
    .select("body_text")
    .where("template", "=", "citizen.confirm-code")
    .where("channel", "=", "sms")
    .where("recipient", "=", `+84${phone.slice(1)}`)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return /: (\d{6})\./.exec(row?.body_text ?? "")?.[1] ?? null;
}

/** The token of the last password reset link e-mailed to an address. */
export async function lastResetTokenSentTo(ctx: TestContext, email: string): Promise<string | null> {
  const row = await ctx.handle.db
    .selectFrom("notification_outbox")
    .select("body_text")
    .where("template", "=", "citizen.password-reset")
    .where("channel", "=", "email")
    .where("recipient", "=", email)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return /[?&]token=([A-Za-z0-9_-]+)/.exec(row?.body_text ?? "")?.[1] ?? null;
}

export const REGISTRATION: {
  fullName: string;
  identityNumber: string;
  birthDate: string | null;
  phone: string;
  email: string;
  password: string;
} = {
  fullName: "Lý Thị Hoa",
  identityNumber: "006195012345",
  birthDate: "1995-04-01",
  phone: "0977123456",
  email: "hoa.ly@example.vn",
  password: "hoa-mat-khau-2026",
};

/** Registers and confirms an account; the client ends signed in. */
export async function registerAndConfirm(ctx: TestContext, client: TestClient, input = REGISTRATION) {
  const registered = await client.post("/api/v1/portal/account/register", input);
  if (registered.statusCode !== 202) throw new Error(`register: ${registered.statusCode} ${registered.body}`);
  const { challengeId } = registered.json() as { challengeId: string };
  const code = await lastCodeSentTo(ctx, input.phone);
  const confirmed = await client.post("/api/v1/portal/account/confirm", { challengeId, code });
  if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
  return confirmed.json() as { id: string };
}
