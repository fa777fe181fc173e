import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import { getDb } from "./db";
import { getUserEmail } from "@/db/queries/admin-sessions";
import { recordAudit } from "@/db/queries/audit";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { composeAdminSignIn } from "@/emails/compose";
import { sendEmails } from "@/emails/transport/send";
import { isAdminEmail } from "@/lib/security/admins";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { getConfig } from "@/lib/config";

const SESSION_HOURS = 12;
const LINK_MINUTES = 15;
export const CHECK_EMAIL_PAGE = "/sign-in/check-email";

// Lazy so that nothing touches the database or the secret during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  // Auth.js builds the magic link from AUTH_URL: pin it to APP_URL, never the request's Host header.
  process.env.AUTH_URL ??= config.appUrl;
  return {
    secret: getAuthSecret(),
    trustHost: true,
    // Auth.js's cookies are HttpOnly and SameSite=Lax; Secure (and the __Secure-/__Host- names) follows
    // APP_URL rather than whichever scheme a request claims.
    useSecureCookies: config.appUrl.startsWith("https://"),
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // A fixed 12-hour lifetime: updateAge equal to maxAge means a session is never extended.
    session: { strategy: "database", maxAge: SESSION_HOURS * 3600, updateAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/sign-in", verifyRequest: CHECK_EMAIL_PAGE, error: "/sign-in" },
    // Auth.js's own logger prints request details (URLs with the sign-in token among them): only the kind
    // of error reaches the log, and debug output never does.
    debug: false,
    logger: {
      error: (error) => console.error(`[auth] ${error.name}${"type" in error ? ` (${String(error.type)})` : ""}`),
      warn: (code) => console.warn(`[auth] warning: ${code}`),
      debug: () => {},
    },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        maxAge: LINK_MINUTES * 60,
        async sendVerificationRequest({ identifier, url }) {
          const email = await composeAdminSignIn(identifier, url, LINK_MINUTES);
          const key = `sign-in-${randomUUID()}`;
          const result = await sendEmails([{ key, email }], key);
          if (!result.ok) throw new Error(`The sign-in email could not be sent: ${result.error}`);
        },
      },
    ],
    callbacks: {
      // Runs before any email is sent: a non-admin sees the same "check your inbox" page and gets nothing.
      signIn({ user }) {
        return isAdminEmail(user.email) ? true : CHECK_EMAIL_PAGE;
      },
    },
    events: {
      async signIn({ user }) {
        await recordAudit({ actor: user.email ?? "unknown", action: "admin.sign-in" });
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        const email = userId ? await getUserEmail(userId) : null;
        await recordAudit({ actor: email ?? "unknown", action: "admin.sign-out" });
      },
    },
  };
});
