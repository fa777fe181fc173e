import "server-only";
import { z } from "zod";
import type { Organisation } from "@/db/queries/organisation";
import { requiredText } from "@/lib/forms/form-fields";

/**
 * An email address as the sign-in form takes one: one @, no spaces, commas or quotes, at most 254
 * characters. Local addresses such as admin@localhost pass, as they do at sign-in.
 */
export const organiserEmail = (label: string) =>
  requiredText(label, 254).regex(
    /^[^\s@,<>"\u0000-\u001f\u007f]+@[^\s@,<>"\u0000-\u001f\u007f]+$/,
    `${label} must be an email address.`,
  );

/** The organisation form: name, contact address, postal address and the about text in each language. */
export const organisationInputSchema = z
  .object({
    name: requiredText("The organisation's name", 120),
    contactEmail: organiserEmail("The contact address"),
    postalAddress: requiredText("The postal address", 400),
    aboutEn: requiredText("The English about text", 4000),
    aboutRu: requiredText("The Russian about text", 4000),
  })
  .transform(({ name, contactEmail, postalAddress, aboutEn, aboutRu }): Organisation => ({
    name,
    contactEmail: contactEmail.toLowerCase(),
    // Windows line ends from a textarea become plain ones, so emails and pages break lines alike.
    postalAddress: postalAddress.replace(/\r\n?/g, "\n"),
    about: { en: aboutEn.replace(/\r\n?/g, "\n"), ru: aboutRu.replace(/\r\n?/g, "\n") },
  }));
