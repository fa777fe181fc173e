import { getUpdate, type CampaignUpdate } from "@/db/queries/updates";

// A backlog of one update is thousands of messages with the same text: read its row once per process,
// not once per recipient. Its text no longer changes once it is queued (only drafts can be edited).
const updates = new Map<number, Promise<CampaignUpdate | undefined>>();

export function loadUpdate(id: number): Promise<CampaignUpdate | undefined> {
  let entry = updates.get(id);
  if (!entry) {
    if (updates.size > 50) updates.clear();
    entry = getUpdate(id).then((update) => {
      if (!update) updates.delete(id); // perhaps not yet visible: read it again next time
      return update;
    });
    updates.set(id, entry);
  }
  return entry;
}
