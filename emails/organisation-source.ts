import { getOrganisation, type Organisation } from "@/db/queries/organisation";

// A backlog is thousands of emails from the same sender: read the organisation's details at most every
// few seconds per process, not once per recipient. A change reaches the next emails within that time.
const FRESH_MS = 5000;
let cached: { at: number; organisation: Promise<Organisation> } | null = null;

export function loadOrganisation(now = Date.now()): Promise<Organisation> {
  if (!cached || now - cached.at > FRESH_MS) {
    const organisation = getOrganisation();
    cached = { at: now, organisation };
    organisation.catch(() => (cached = null)); // a failed read is tried again next time
  }
  return cached.organisation;
}
