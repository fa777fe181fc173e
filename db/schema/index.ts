// The tables every query is written against. In PostgreSQL mode the same names resolve to the PostgreSQL
// twins (db/schema-postgres: same tables, columns and JavaScript values; a test keeps them twins), so each
// query is written once, typed by the SQLite definitions.
import { activeDialect } from "../dialect";
import * as postgres from "../schema-postgres";
import * as sqlite from "./sqlite";

export * from "./sqlite";

const active = (activeDialect() === "postgres" ? postgres : sqlite) as unknown as typeof sqlite;

export const {
  auditLog,
  users,
  accounts,
  sessions,
  verificationTokens,
  documents,
  documentTexts,
  documentSlugs,
  documentResponses,
  documentFaqs,
  documentMilestones,
  settings,
  signatures,
  confirmationTokens,
  delegations,
  delegationDocuments,
  delegationMembers,
  dispatches,
  dossiers,
  deliveries,
  deliveryItems,
  formStamps,
  updates,
  outbox,
  mailLedger,
  organisers,
  apiKeys,
  apiKeyMinutes,
  webhookEndpoints,
  webhookDeliveries,
} = active;
