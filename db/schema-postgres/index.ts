// The PostgreSQL twins of the tables in db/schema/sqlite.ts: same tables, column names, keys, indexes and
// JavaScript values (twin.test.ts keeps them so). Only table objects are exported: drizzle-kit and
// db/schema/index.ts read every export as a table.
export { auditLog } from "./audit";
export { accounts, sessions, users, verificationTokens } from "./auth";
export {
  confirmationTokens,
  documentFaqs,
  documentMilestones,
  documentResponses,
  documents,
  documentSlugs,
  documentTexts,
  settings,
  signatures,
} from "./campaign";
export {
  delegationDocuments,
  delegationMembers,
  delegations,
  deliveries,
  deliveryItems,
  dispatches,
  dossiers,
} from "./delegation";
export { formStamps } from "./form-stamps";
export { mailLedger, outbox, updates } from "./messaging";
export { organisers } from "./organisers";
export { apiKeyMinutes, apiKeys, webhookDeliveries, webhookEndpoints } from "./partners";
