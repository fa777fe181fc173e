import { eq, gt } from "drizzle-orm";
import { hashToken } from "@/lib/security/tokens";
import { getDb } from "@/db/index";
import { sessions, users } from "@/db/schema";

export async function getUserEmail(userId: string): Promise<string | null> {
  const [user] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, userId));
  return user?.email ?? null;
}

/** Sessions that still work, soonest to expire first; the token itself never leaves this module. */
export async function listActiveSessions(now = new Date()) {
  const rows = await getDb()
    .select({ token: sessions.sessionToken, email: users.email, expires: sessions.expires })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(gt(sessions.expires, now))
    .orderBy(sessions.expires);
  return rows.map(({ token, ...row }) => ({ ...row, id: sessionId(token) }));
}

/** Ends a session at once; it is identified by a digest so the page never holds a live token. */
export async function revokeSession(id: string): Promise<string | null> {
  const rows = await getDb().select({ token: sessions.sessionToken, userId: sessions.userId }).from(sessions);
  const match = rows.find((row) => sessionId(row.token) === id);
  if (!match) return null;
  await getDb().delete(sessions).where(eq(sessions.sessionToken, match.token));
  return getUserEmail(match.userId);
}

function sessionId(token: string): string {
  return hashToken(token).slice(0, 24);
}

/** Ends every session of one address (an organiser removed); returns how many. */
export async function revokeSessionsOf(email: string): Promise<number> {
  const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) return 0;
  const ended = await getDb()
    .delete(sessions)
    .where(eq(sessions.userId, user.id))
    .returning({ token: sessions.sessionToken });
  return ended.length;
}
