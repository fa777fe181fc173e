export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Opening the database migrates it and seeds an empty one; then the outbox and retention workers start, once.
  const { getDb } = await import("./db");
  const { getAuthSecret } = await import("@/lib/security/auth-secret");
  const { startOutboxWorker } = await import("@/server/jobs/outbox-worker");
  const { startRetentionWorker } = await import("@/server/jobs/retention");
  const { stampSocketAddresses } = await import("@/lib/security/socket-address");
  stampSocketAddresses();
  getDb();
  getAuthSecret();
  const { failInterruptedDossiers } = await import("@/db/queries/dossiers");
  await failInterruptedDossiers();
  await startOutboxWorker();
  startRetentionWorker();
}
