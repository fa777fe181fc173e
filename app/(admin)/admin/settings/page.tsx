import Link from "next/link";
import { requireAdmin } from "@/server/auth/auth-guard";
import { defaultRateLimits, rateLimitsInForce, type RateLimitSettings } from "@/server/signing/rate-limits";
import { AdminForm, SubmitButton } from "@/app/_components/admin-form";
import { resetRateLimitsAction, saveRateLimitsAction } from "./actions";
import { RateLimitsForm } from "./rate-limits-form";

export const metadata = { title: "Settings" };

type Props = { searchParams: Promise<{ saved?: string; reset?: string }> };

const describe = ({ count, seconds }: RateLimitSettings["burst"]) =>
  `${count.toLocaleString("en")} signature${count === 1 ? "" : "s"} within ${seconds.toLocaleString("en")} second${seconds === 1 ? "" : "s"}`;

export default async function SettingsPage({ searchParams }: Props) {
  await requireAdmin();
  const { saved, reset } = await searchParams;
  const { limits, source, enabled } = await rateLimitsInForce();
  const defaults = defaultRateLimits();
  return (
    <>
      <h1>Settings</h1>
      {saved ? (
        <p className="notice success" role="status">
          The new rate limits apply from the next signature.
        </p>
      ) : null}
      {reset ? (
        <p className="notice success" role="status">
          The environment’s rate limits apply again.
        </p>
      ) : null}
      <h2>Rate limits</h2>
      <p>
        From one client address on one document, signatures beyond either limit are still emailed as usual, but once
        confirmed they wait in <Link href="/admin/review">Review</Link> instead of counting. Signers see no difference.
      </p>
      {enabled ? null : (
        <p className="notice" role="status">
          <strong>Rate limits are off</strong> (RATE_LIMITS=off in the environment): no signature is held, whatever is
          set here.
        </p>
      )}
      <dl className="details">
        <dt>Burst limit</dt>
        <dd>{describe(limits.burst)}</dd>
        <dt>Sustained limit</dt>
        <dd>{describe(limits.sustained)}</dd>
        <dt>Set by</dt>
        <dd>
          {source === "organisers"
            ? "the organisers (saved here)"
            : "the environment (RATE_LIMIT_BURST, RATE_LIMIT_SUSTAINED)"}
        </dd>
      </dl>
      <RateLimitsForm
        action={saveRateLimitsAction}
        initial={{
          burstCount: String(limits.burst.count),
          burstSeconds: String(limits.burst.seconds),
          sustainedCount: String(limits.sustained.count),
          sustainedSeconds: String(limits.sustained.seconds),
        }}
      />
      {source === "organisers" ? (
        <div style={{ marginTop: "1rem" }}>
          <AdminForm action={resetRateLimitsAction}>
            <SubmitButton className="secondary">
              Reset to the environment’s limits ({describe(defaults.burst)}; {describe(defaults.sustained)})
            </SubmitButton>
          </AdminForm>
        </div>
      ) : null}
    </>
  );
}
