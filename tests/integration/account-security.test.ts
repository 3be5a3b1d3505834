// Account security through the real services and the real sign-in route: forgot-password links,
// two-factor codes and recovery codes, the web session registry and what ends sessions.
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { beginTwoFactorEnrolment } from "@/lib/services/account/begin-two-factor-enrolment";
import { changePassword } from "@/lib/services/account/change-password";
import { completePasswordReset } from "@/lib/services/account/complete-password-reset";
import { completeSignInChallenge } from "@/lib/services/account/complete-sign-in-challenge";
import { confirmTwoFactorEnrolment } from "@/lib/services/account/confirm-two-factor-enrolment";
import { regenerateRecoveryCodes } from "@/lib/services/account/regenerate-recovery-codes";
import { removeAvatar } from "@/lib/services/account/remove-avatar";
import { requestPasswordReset } from "@/lib/services/account/request-password-reset";
import { setAvatar } from "@/lib/services/account/set-avatar";
import { setRequireTwoFactor } from "@/lib/services/account/set-require-two-factor";
import { signOutEverywhere } from "@/lib/services/account/sign-out-everywhere";
import { startSignInChallenge } from "@/lib/services/account/start-sign-in-challenge";
import { verifyTwoFactorCode } from "@/lib/services/account/verify-two-factor-code";
import { createPersonalToken } from "@/lib/services/credentials/create-personal-token";
import { resetPassword } from "@/lib/services/users/reset-password";
import { addMember } from "@/lib/services/workspaces/add-member";
import { createTestWorkspace, type TestWorkspace } from "../support/fixtures";
import { baseUrl, callToolOk, connectMcp } from "../support/mcp-client";
import { CookieJar, signIn } from "../support/oauth-http";

// Seeds are sealed in this process as on the server; the test process needs a key of its own.
process.env.SECRET_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");

const PASSWORD = "correct horse battery";
/**
 * The address each test acts from: a new one per test, as the per-address limits (reset requests,
 * sign-in failures) count across the tests of a run otherwise.
 */
const FROM = { ip: "203.0.113.1" };
let nextAddress = 0;
beforeEach(() => {
  nextAddress += 1;
  FROM.ip = `203.0.113.${(nextAddress % 250) + 1}`;
});
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createTestWorkspace("acct");
});

/** A fresh member of the test workspace, so each test owns its account. */
async function newMember(role: "agent" | "admin" = "agent") {
  const email = `${role}.${randomBytes(3).toString("hex")}@acct.test`;
  const { userId } = await addMember({ workspace: ws.slug, email, role, password: PASSWORD });
  return { email, userId, actor: { userId, ip: FROM.ip, sessionId: null } };
}

/** The token of the newest reset mail to `email` (the link the person would click). */
async function resetTokenMailedTo(email: string): Promise<string> {
  const mail = await prisma.mailMessage.findFirstOrThrow({
    where: { purpose: "password_reset", to: { has: email } },
    orderBy: { createdAt: "desc" },
  });
  const token = /reset-password\?token=(\S+)/.exec(mail.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

/** The second step of sign-in through POST /api/auth/callback/credentials, as the sign-in form's action does it. */
async function codeStep(challenge: string, code: string) {
  const jar = new CookieJar();
  const csrf = (await (await jar.fetch(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await jar.fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ challenge, code, csrfToken: csrf.csrfToken, callbackUrl: `${baseUrl()}/tickets` }),
  });
  return { jar, status: res.status, signedIn: jar.header().includes("authjs.session-token") };
}

const codeAt = (secret: string, timestamp = Date.now()) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp });

async function liveSessions(userId: string) {
  return prisma.webSession.count({ where: { userId, revokedAt: null } });
}

async function auditActions(userId: string) {
  const rows = await prisma.auditEvent.findMany({
    where: { workspaceId: ws.workspace.id, actorUserId: userId },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

describe("forgot password", () => {
  it("mails a link that sets a new password once, and ends every web session", async () => {
    const m = await newMember();
    const jar = await signIn(m.email);
    await requestPasswordReset({ email: m.email.toUpperCase() }, FROM);
    const token = await resetTokenMailedTo(m.email);
    // Only a digest is stored.
    expect(await prisma.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);

    await completePasswordReset({ token, password: "a brand new secret" }, FROM);
    await expect(completePasswordReset({ token, password: "another new secret" }, FROM)).rejects.toMatchObject({
      code: "validation_error",
      fields: { token: [expect.stringContaining("expired or was already used")] },
    });
    expect(await liveSessions(m.userId)).toBe(0);
    expect((await jar.fetch(`${baseUrl()}/tickets`)).headers.get("location")).toMatch(/\/login/);
    await expect(signIn(m.email, PASSWORD)).rejects.toThrow(/sign-in failed/);
    await signIn(m.email, "a brand new secret");
    expect(await auditActions(m.userId)).toContain("account.password_reset");
  });

  it("refuses an expired link", async () => {
    const m = await newMember();
    await requestPasswordReset({ email: m.email }, FROM);
    const token = await resetTokenMailedTo(m.email);
    await prisma.passwordResetToken.updateMany({
      where: { userId: m.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(completePasswordReset({ token, password: "a brand new secret" }, FROM)).rejects.toMatchObject({
      fields: { token: [expect.any(String)] },
    });
    await signIn(m.email, PASSWORD);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const email = `nobody.${randomBytes(3).toString("hex")}@acct.test`;
    await expect(requestPasswordReset({ email }, FROM)).resolves.toBeUndefined();
    expect(await prisma.mailMessage.count({ where: { to: { has: email } } })).toBe(0);
  });

  it("names the field of a weak new password", async () => {
    await expect(completePasswordReset({ token: "dbw_x", password: "aaaaaaaaaaaa" }, FROM)).rejects.toMatchObject({
      fields: { password: ["The new password needs at least 5 different characters."] },
    });
  });
});

describe("two-factor sign-in", () => {
  it("turns on with a code computed from the seed, and the seed is sealed at rest", async () => {
    const m = await newMember();
    const { secret, uri } = await beginTwoFactorEnrolment(m.actor);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Deskbridge:/);
    await expect(confirmTwoFactorEnrolment(m.actor, { code: "000000" })).rejects.toMatchObject({
      fields: { code: [expect.stringContaining("does not match")] },
    });
    const { recovery_codes } = await confirmTwoFactorEnrolment(m.actor, { code: codeAt(secret) });
    expect(recovery_codes).toHaveLength(10);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: m.userId }, select: { twoFactorSecret: true } });
    expect(row.twoFactorSecret).not.toContain(secret);
    expect(await auditActions(m.userId)).toContain("account.two_factor_enabled");

    // The enrolment's own code cannot be played again; the next one works once.
    expect(await verifyTwoFactorCode(m.userId, codeAt(secret), FROM)).toBeNull();
    const next = codeAt(secret, Date.now() + 30_000);
    expect(await verifyTwoFactorCode(m.userId, next, FROM)).toBe("totp");
    expect(await verifyTwoFactorCode(m.userId, next, FROM)).toBeNull();
  });

  it("takes each recovery code once", async () => {
    const m = await newMember();
    const { secret } = await beginTwoFactorEnrolment(m.actor);
    const { recovery_codes } = await confirmTwoFactorEnrolment(m.actor, { code: codeAt(secret) });
    const code = recovery_codes[3]!;
    expect(await verifyTwoFactorCode(m.userId, code.toUpperCase(), FROM)).toBe("recovery");
    expect(await verifyTwoFactorCode(m.userId, code, FROM)).toBeNull();
    expect(await verifyTwoFactorCode(m.userId, recovery_codes[4]!, FROM)).toBe("recovery");
    expect(await prisma.recoveryCode.count({ where: { userId: m.userId, usedAt: null } })).toBe(8);
    expect(await auditActions(m.userId)).toContain("account.recovery_code_used");
  });

  it("new recovery codes need the password or a fresh code; the old ones stop working", async () => {
    const m = await newMember();
    const { secret } = await beginTwoFactorEnrolment(m.actor);
    const first = (await confirmTwoFactorEnrolment(m.actor, { code: codeAt(secret) })).recovery_codes;
    await expect(regenerateRecoveryCodes(m.actor, { password_or_code: "not the password" })).rejects.toMatchObject({
      code: "validation_error",
      fields: { password_or_code: [expect.stringContaining("neither your password")] },
    });
    await expect(regenerateRecoveryCodes(m.actor, { password_or_code: "" })).rejects.toMatchObject({
      fields: { password_or_code: ["Enter your password or a code from your authenticator app."] },
    });

    const second = (await regenerateRecoveryCodes(m.actor, { password_or_code: PASSWORD })).recovery_codes;
    expect(second).toHaveLength(10);
    expect(second.some((code) => first.includes(code))).toBe(false);
    expect(await verifyTwoFactorCode(m.userId, first[0]!, FROM)).toBeNull();
    const third = (await regenerateRecoveryCodes(m.actor, { password_or_code: codeAt(secret, Date.now() + 30_000) }))
      .recovery_codes;
    expect(await verifyTwoFactorCode(m.userId, second[0]!, FROM)).toBeNull();
    expect(await verifyTwoFactorCode(m.userId, third[0]!, FROM)).toBe("recovery");
    expect(await prisma.recoveryCode.count({ where: { userId: m.userId, usedAt: null } })).toBe(9);
    expect(await auditActions(m.userId)).toContain("account.recovery_codes_regenerated");
  });

  it("there are no recovery codes to renew while two-factor sign-in is off", async () => {
    const m = await newMember();
    await expect(regenerateRecoveryCodes(m.actor, { password_or_code: PASSWORD })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("a password alone no longer signs in; the code step takes five tries and works once", async () => {
    const m = await newMember();
    const { secret } = await beginTwoFactorEnrolment(m.actor);
    await confirmTwoFactorEnrolment(m.actor, { code: codeAt(secret) });
    await expect(signIn(m.email)).rejects.toThrow(/sign-in failed/);

    const challenge = await startSignInChallenge(m.userId);
    expect(await completeSignInChallenge({ challenge, code: "123456" }, FROM)).toEqual({ status: "wrong_code" });
    const code = codeAt(secret, Date.now() + 30_000);
    expect(await completeSignInChallenge({ challenge, code }, FROM)).toEqual({ status: "ok", userId: m.userId });
    expect(await completeSignInChallenge({ challenge, code }, FROM)).toEqual({ status: "expired" });

    const guessed = await startSignInChallenge(m.userId);
    for (let i = 0; i < 5; i++) {
      expect(await completeSignInChallenge({ challenge: guessed, code: "000000" }, FROM)).toEqual({
        status: "wrong_code",
      });
    }
    const late = codeAt(secret, Date.now() + 60_000);
    expect(await completeSignInChallenge({ challenge: guessed, code: late }, FROM)).toEqual({ status: "expired" });
  });

  it("the code step of the real sign-in route takes a recovery code once, and throttles wrong codes", async () => {
    const m = await newMember();
    const { secret } = await beginTwoFactorEnrolment(m.actor);
    const { recovery_codes } = await confirmTwoFactorEnrolment(m.actor, { code: codeAt(secret) });

    const signed = await codeStep(await startSignInChallenge(m.userId), recovery_codes[0]!);
    expect(signed.signedIn).toBe(true);
    expect((await signed.jar.fetch(`${baseUrl()}/tickets`)).status).toBe(200);
    const reused = await codeStep(await startSignInChallenge(m.userId), recovery_codes[0]!);
    expect(reused.signedIn).toBe(false);

    // Wrong codes count against the account like wrong passwords: five free (the reused code was the
    // first), then a wait, even for a right code.
    const challenge = await startSignInChallenge(m.userId);
    for (let i = 0; i < 4; i++) expect((await codeStep(challenge, "000000")).status).toBe(302);
    const throttled = await codeStep(challenge, recovery_codes[1]!);
    expect(throttled.status).toBe(429);
    expect(throttled.signedIn).toBe(false);
  });

  it("a workspace that requires it sends an admin to set it up, and their MCP token keeps working", async () => {
    const admin = await newMember("admin");
    const token = (await createPersonalToken({ ...ws.admin, userId: admin.userId }, { name: "Admin client" })).secret;
    await setRequireTwoFactor(ws.owner, { require_two_factor: true });
    try {
      const jar = await signIn(admin.email);
      expect((await jar.fetch(`${baseUrl()}/tickets`)).headers.get("location")).toMatch(/\/two-factor\/enrol$/);
      const enrol = await jar.fetch(`${baseUrl()}/two-factor/enrol`);
      expect(enrol.status).toBe(200);
      expect(await enrol.text()).toContain("Your workspace requires two-factor sign-in");
      // An agent is not asked.
      const agentJar = await signIn(ws.emails.agent);
      expect((await agentJar.fetch(`${baseUrl()}/tickets`)).status).toBe(200);

      const client = await connectMcp(token);
      expect((await callToolOk(client, "get_me", {})).user.email).toBe(admin.email);
      await client.close();
    } finally {
      await setRequireTwoFactor(ws.owner, { require_two_factor: false });
    }
    const audit = await prisma.auditEvent.count({
      where: { workspaceId: ws.workspace.id, action: "workspace.require_two_factor" },
    });
    expect(audit).toBe(2);
  });
});

describe("web sessions", () => {
  it("sign out everywhere ends every web session, not API access", async () => {
    const m = await newMember();
    const first = await signIn(m.email);
    const second = await signIn(m.email);
    expect((await first.fetch(`${baseUrl()}/tickets`)).status).toBe(200);
    expect(await liveSessions(m.userId)).toBe(2);
    const token = (await createPersonalToken({ ...ws.agent, userId: m.userId }, { name: "Agent client" })).secret;

    expect(await signOutEverywhere(m.actor)).toEqual({ ended: 2 });
    for (const jar of [first, second]) {
      expect((await jar.fetch(`${baseUrl()}/tickets`)).headers.get("location")).toMatch(/\/login/);
    }
    const client = await connectMcp(token);
    expect((await callToolOk(client, "get_me", {})).user.email).toBe(m.email);
    await client.close();
    expect(await auditActions(m.userId)).toContain("account.sessions_revoked");
  });

  it("a password set from the command line ends every web session too", async () => {
    const m = await newMember();
    const jar = await signIn(m.email);
    await resetPassword({ email: m.email, password: "set by the operator" });
    expect((await jar.fetch(`${baseUrl()}/tickets`)).headers.get("location")).toMatch(/\/login/);
    await signIn(m.email, "set by the operator");
  });

  it("a password change needs the current password and ends the other sessions only", async () => {
    const m = await newMember();
    const here = await signIn(m.email);
    const elsewhere = await signIn(m.email);
    const current = await prisma.webSession.findFirstOrThrow({
      where: { userId: m.userId },
      orderBy: { createdAt: "asc" },
    });
    const actor = { ...m.actor, sessionId: current.id };
    await expect(
      changePassword(actor, { current_password: "wrong one", new_password: "a brand new secret" }),
    ).rejects.toMatchObject({
      fields: { current_password: ["The current password is not right."] },
    });
    await expect(
      changePassword(actor, { current_password: PASSWORD, new_password: "1111111111" }),
    ).rejects.toMatchObject({ fields: { new_password: [expect.stringContaining("5 different characters")] } });

    expect(await changePassword(actor, { current_password: PASSWORD, new_password: "a brand new secret" })).toEqual({
      ended: 1,
    });
    expect((await here.fetch(`${baseUrl()}/tickets`)).status).toBe(200);
    expect((await elsewhere.fetch(`${baseUrl()}/tickets`)).headers.get("location")).toMatch(/\/login/);
    expect(await auditActions(m.userId)).toContain("account.password_changed");
  });
});

describe("profile picture", () => {
  const PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );

  it("stores an image read from its bytes and serves it to signed-in people", async () => {
    const m = await newMember();
    const { avatar_url } = await setAvatar(m.actor, new Uint8Array(PNG));
    expect(avatar_url).toMatch(new RegExp(`^/api/avatars/${m.userId}\\?v=`));
    expect((await fetch(`${baseUrl()}${avatar_url}`)).status).toBe(401);
    const res = await (await signIn(ws.emails.agent)).fetch(`${baseUrl()}${avatar_url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(await auditActions(m.userId)).toContain("account.avatar_changed");
  });

  it("a removed picture is no longer served, and the initials show again", async () => {
    const m = await newMember();
    const { avatar_url } = await setAvatar(m.actor, new Uint8Array(PNG));
    await removeAvatar(m.actor);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: m.userId }, select: { avatarKey: true } });
    expect(user.avatarKey).toBeNull();
    expect((await (await signIn(ws.emails.agent)).fetch(`${baseUrl()}${avatar_url}`)).status).toBe(404);
    expect(await auditActions(m.userId)).toContain("account.avatar_removed");
    await expect(removeAvatar(m.actor)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses what is not an image, or too large, naming the field", async () => {
    const m = await newMember();
    await expect(setAvatar(m.actor, new TextEncoder().encode("<svg onload=alert(1)>"))).rejects.toMatchObject({
      fields: { avatar: ["The picture must be a PNG, JPEG, WebP or GIF image"] },
    });
    const large = new Uint8Array(1024 * 1024 + 1);
    large.set(PNG);
    await expect(setAvatar(m.actor, large)).rejects.toMatchObject({
      fields: { avatar: [expect.stringContaining("larger than 1 MB")] },
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: m.userId }, select: { avatarKey: true } });
    expect(user.avatarKey).toBeNull();
  });
});
