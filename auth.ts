import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import { getDb } from "./db";
import { getUserEmail } from "@/db/queries/admin-sessions";
import { recordAudit } from "@/db/queries/audit";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { queueEmail } from "@/db/queries/outbox";
import { ADMIN_SIGN_IN_TEMPLATE, type AdminSignInPayload } from "@/emails/compose";
import { recordOrganiserSignIn } from "@/db/queries/organisers";
import { roleOfAddress } from "@/server/auth/organiser-role";
import { deriveToken, newTokenNonce } from "@/lib/security/tokens";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { getConfig } from "@/lib/config";

const SESSION_HOURS = 12;
const LINK_MINUTES = 15;
export const CHECK_EMAIL_PAGE = "/sign-in/check-email";

// Each link's token is derived from a nonce, like a confirmation token, so that the outbox keeps only the
// nonce: a token Auth.js asked for waits here the moment until its email is queued.
const nonces = ((globalThis as { __delegationSignInNonces?: Map<string, string> }).__delegationSignInNonces ??=
  new Map());

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
        generateVerificationToken() {
          const nonce = newTokenNonce();
          const token = deriveToken(getAuthSecret(), nonce);
          nonces.set(token, nonce);
          return token;
        },
        // Through the outbox, like every email: retried through an outage, and the answer never waits for it.
        async sendVerificationRequest({ identifier, token, url }) {
          const tokenNonce = nonces.get(token);
          nonces.delete(token);
          if (!tokenNonce) throw new Error("A sign-in token was not issued here.");
          const link = new URL(url);
          link.searchParams.delete("token");
          const payload: AdminSignInPayload = { link: link.toString(), tokenNonce, validMinutes: LINK_MINUTES };
          // No nudge here: the sign-in form wakes the worker once its answer is out (see its action).
          await queueEmail(ADMIN_SIGN_IN_TEMPLATE, identifier, payload);
        },
      },
    ],
    callbacks: {
      // Runs before any email is sent: anyone without a role (ADMIN_EMAILS or an invitation) sees the same
      // "check your inbox" page and gets nothing. The lookup is the same for both; the answer floor hides the rest.
      async signIn({ user }) {
        return (await roleOfAddress(user.email)) ? true : CHECK_EMAIL_PAGE;
      },
    },
    events: {
      async signIn({ user }) {
        // The first sign-in of an invited organiser accepts the invitation.
        if (user.email) await recordOrganiserSignIn(user.email);
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
