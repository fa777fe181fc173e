// The names of the signing form's bot-check fields, shared by the form (browser) and the check (server).
export const HONEYPOT_FIELD = "website";
export const STAMP_FIELD = "started";
