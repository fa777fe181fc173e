import { defaultOrganisation } from "@/db/seed-content";
import type { Locale } from "@/lib/i18n/locales";
import { getSetting, saveSetting } from "./settings";

/** Who is behind the campaign, as the site and every email show it. */
export type Organisation = {
  name: string;
  contactEmail: string;
  /** Several lines; update emails carry it, as bulk email must. */
  postalAddress: string;
  /** A few paragraphs for the about page, per language. */
  about: Record<Locale, string>;
};

const ORGANISATION_KEY = "organisation";

/** The organisers' saved details, or the campaign's defaults until they save their own. */
export async function getOrganisation(): Promise<Organisation> {
  const saved = await getSetting<Partial<Organisation>>(ORGANISATION_KEY);
  return { ...defaultOrganisation, ...saved, about: { ...defaultOrganisation.about, ...saved?.about } };
}

export async function saveOrganisation(organisation: Organisation): Promise<void> {
  await saveSetting(ORGANISATION_KEY, organisation);
}
