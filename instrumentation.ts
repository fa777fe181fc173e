export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Opening the database migrates it and seeds an empty one; then the background jobs start, once.
  const { ensureDatabase } = await import("./db");
  const { getAuthSecret } = await import("./lib/security/auth-secret");
  const { stampSocketAddresses } = await import("./lib/security/socket-address");
  const { answerFromPageCopies } = await import("./server/public/page-copies");
  const { startBackgroundJobs } = await import("./server/jobs/start");
  stampSocketAddresses();
  answerFromPageCopies(); // after the stamp, so in front of it: a copy needs no address
  await ensureDatabase();
  getAuthSecret();
  await startBackgroundJobs();
}
