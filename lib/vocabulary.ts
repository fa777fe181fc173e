// The domain's fixed vocabularies, shared by the schema, the form parsers and the pages. They live below the
// database layer so that helpers and client components can name them without loading the schema.
export const documentKinds = ["petition", "letter"] as const;
export const documentStatuses = ["draft", "open", "closed"] as const;
// What came of a campaign once it was handed over; shown on its page and on the home page.
export const documentOutcomes = ["delivered", "answered", "won", "lost"] as const;
export const displayChoices = ["full", "initials", "hidden"] as const;
// held: confirmed by email but over a rate limit, waiting for an organiser; flagged: tripped the bot checks.
export const signatureStates = ["pending", "confirmed", "held", "flagged", "rejected", "withdrawn"] as const;
// email-budget: a pending signature from a client that had caused its share of emails; no email until released.
export const reviewReasons = ["honeypot", "too-fast", "burst-limit", "sustained-limit", "email-budget"] as const;
// Who may do what on the organisers' pages, least first: each role may do everything the ones before it may.
export const organiserRoles = ["moderator", "organiser", "owner"] as const;

export type DocumentKind = (typeof documentKinds)[number];
export type DocumentStatus = (typeof documentStatuses)[number];
export type DocumentOutcome = (typeof documentOutcomes)[number];
export type OrganiserRole = (typeof organiserRoles)[number];
export type DisplayChoice = (typeof displayChoices)[number];
export type SignatureState = (typeof signatureStates)[number];

// What an API key may do: read counts, read signatures, record signatures (confirmed by email), or record
// signatures whose address the partner confirmed itself (counted apart on the dashboard, marked in exports).
export const apiScopes = ["counts:read", "signatures:read", "signatures:write", "signatures:write-confirmed"] as const;
// Who confirmed a signature's address: the signer by the emailed link, or a partner holding an API key.
export const confirmers = ["email", "partner"] as const;
// What webhook endpoints can hear about; "webhook.test" is the organisers' "send a test event".
export const webhookEvents = ["signature.confirmed", "signature.withdrawn", "campaign.closed", "update.sent"] as const;
export const webhookDeliveryStatuses = ["queued", "sending", "delivered", "failed"] as const;

export type ApiScope = (typeof apiScopes)[number];
export type WebhookEvent = (typeof webhookEvents)[number] | "webhook.test";
