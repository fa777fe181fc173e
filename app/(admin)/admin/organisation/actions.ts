"use server";

import { getOrganisation, saveOrganisation } from "@/db/queries/organisation";
import { adminAction } from "@/server/admin/action";
import { organisationInputSchema } from "@/server/admin/inputs/organisation-input";

/** Saves who is behind the campaign: the about page, the footer and every email show it from now on. */
export const saveOrganisationAction = adminAction(organisationInputSchema, async (organisation) => {
  const before = await getOrganisation();
  await saveOrganisation(organisation);
  const changed = (Object.keys(organisation) as (keyof typeof organisation)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(organisation[key]),
  );
  return {
    redirectTo: "/admin/organisation?saved=1",
    refresh: true,
    audit: { action: "settings.organisation", details: { changed } },
  };
});
