// English texts of every public page, form message and email. The Russian file must have the same keys.
export const en = {
  site: {
    title: "Delegation — the Moscow Trials Campaign",
    description: "Sign the petition and the open letter the delegation carries to Moscow.",
    brand: "Delegation",
    skip: "Skip to content",
    mainNav: "Main",
    sign: "Sign",
    delegation: "Delegations",
    privacy: "Privacy",
    about: "Who we are",
    organisedBy: "Run by {name}.",
    contact: "Write to us: <link>{email}</link>",
    language: "Language",
    footer: "Signatures are confirmed by email and counted once. No trackers, no third-party scripts.",
    notFoundTitle: "Page not found",
    notFound: "There is nothing at this address. It may have moved, or the link may be incomplete.",
    home: "Go to the home page",
  },
  kinds: {
    petition: "Petition",
    letter: "Open letter",
    delegation: "Delegation",
    the: "{kind, select, petition {the petition} letter {the letter} other {the document}}",
  },
  count: {
    confirmed:
      "{count, plural, one {<strong>#</strong> confirmed signature} other {<strong>#</strong> confirmed signatures}}",
    goal: "of a goal of {goal, number}",
    short: "{count, plural, one {# signature} other {# signatures}}",
    start: "No signatures yet: yours can be the first. The first milestone is {next, number}.",
    next: "Next milestone: {next, number}, {left, number} to go.",
    lastDay: "{count, plural, one {# person signed} other {# people signed}} in the last 24 hours.",
  },
  home: {
    fallbackTitle: "Sign and send",
    documentsHeading: "What you can sign",
    readAndSign: "{kind, select, letter {Read and sign the letter} other {Read and sign}}",
    read: "Read it",
    delegationHeading: "The delegation",
    delegationLink: "The delegation’s record: members, dispatches, deliveries",
  },
  document: {
    organisedBy: "A campaign of <link>{name}</link>.",
    to: "To: {addressee}",
    textOf: "Text of {kind, select, petition {the petition} letter {the letter} other {the document}}",
    authorsHeading: "Written and signed by",
    recentSigners: "Recent signers",
    recentCosigners: "Co-signed by",
    noSigners: "No public signatures yet. Be the first.",
    countriesHeading: "Where the signatures come from",
    countriesChart: "Confirmed signatures by country",
    countriesSummary:
      "{total, plural, one {# confirmed signature} other {# confirmed signatures}}; the most from {first} ({count, number}).",
    otherCountries: "Other countries",
    countryColumn: "Country",
    signaturesColumn: "Signatures",
    countriesNote:
      "A country with fewer than {fewest, number} signatures is counted under “Other countries”, so that no one can be picked out.",
    signHeading: "{kind, select, letter {Co-sign the letter} other {Sign the petition}}",
    closed: "This {kind, select, letter {letter} other {petition}} is closed: it no longer takes signatures.",
    untranslated: "This text has not been translated yet; it is shown in English.",
    version: "Version {version}",
  },
  campaign: {
    closesOn: "Signing closes on {date}.",
    closedOn: "Closed on {date}.",
    outcomeHeading: "Outcome",
    outcomes: {
      delivered: "Delivered to the addressee",
      answered: "The addressee answered",
      won: "Won",
      lost: "Not won",
    },
    responseHeading: "The response",
    responseFrom: "{addressee} answered on {date}:",
    responseSource: "Read the response where it was published",
    milestonesHeading: "Milestones reached",
    milestone: "{threshold, number} signatures",
    faqHeading: "Questions and answers",
    faq: {
      signatureQuestion: "What happens to my signature?",
      signatureAnswer:
        "It counts once you confirm it with the link we email you. It is then shown as you chose — your name, your initials, or not at all — and you can change or withdraw it with the private link in that email.",
      deliveryQuestion: "When is it delivered?",
      deliveryAnswer:
        "The organisers hand {kind, select, letter {the letter} other {the petition}} and its confirmed signatures to the addressee when it closes or reaches its goal. This page then says what happened; if you asked for updates, you hear it by email too.",
      namesQuestion: "Who sees my name?",
      namesAnswer:
        "Visitors see what you chose to show. The organisers see everything you entered, and the addressee receives the confirmed signatures with names, cities and countries, including those not shown here. Your email address is never shown or delivered.",
    },
    openHeading: "Open for signatures",
    closedHeading: "Closed campaigns",
  },
  response: {
    updateSubject: "The answer to “{title}”",
    updateIntro: "{addressee} answered “{title}” on {date}. Their words:",
    updateSource: "Where it was published: {url}",
    updatePage: "Everything about the campaign: {url}",
  },
  form: {
    problems:
      "{count, plural, one {There is a problem with your signature} other {There are problems with your signature}}",
    errorPrefix: "Error: ",
    name: "Your name",
    email: "Email address",
    emailHint: "We send one email to confirm your signature. It is never shown publicly.",
    country: "Country",
    chooseCountry: "Choose your country",
    city: "City (optional)",
    organisation: "Organisation (optional)",
    role: "Your role there (optional)",
    cosignerHint: "Co-signers may add the organisation they belong to; it is shown with their name.",
    comment: "Comment (optional, up to 500 characters)",
    display: "How your name is shown on this site",
    displayFull: "Full name and city",
    displayInitials: "Initials and city",
    displayHidden: "Not shown publicly (still delivered with the {kind, select, letter {letter} other {petition}})",
    updates: "Email me updates about this campaign (you can stop them at any time)",
    website: "Leave this field empty",
    sendAgain: "One more step: check your details and press the button again to send your signature.",
    sending: "Sending…",
    submit: "{kind, select, letter {Co-sign the letter} other {Sign the petition}}",
    labels: {
      name: "Your name",
      email: "Email address",
      country: "Country",
      city: "City",
      organisation: "Organisation",
      role: "Role",
      comment: "Comment",
      display: "How your name is shown",
      updates: "Updates",
    },
  },
  errors: {
    notText: "{field} must be text.",
    tooLong: "{field} must be at most {max} characters.",
    badCharacters: "{field} contains characters that are not allowed.",
    nameRequired: "Please enter your name.",
    emailTooLong: "An email address is at most 254 characters.",
    emailInvalid: "Please enter a valid email address, like name@example.org.",
    emailDisposable:
      "Please use a permanent email address: addresses from disposable-mail services cannot confirm a signature we deliver.",
    country: "Please choose your country from the list.",
    display: "Please choose how your name is shown.",
    updates: "Updates must be true or false.",
    unknownFields: "{count, plural, one {Unknown field} other {Unknown fields}}: {keys}.",
    noDocument: "This document does not exist.",
    unreadable: "The form could not be read. Please reload the page and send it again.",
    notOpen: "This document is not open for signatures.",
    chooseDocument: "Please choose what you signed.",
    fields: {
      name: "Your name",
      email: "Your email address",
      country: "Country",
      city: "City",
      comment: "Your comment",
      organisation: "Organisation",
      role: "Role",
    },
  },
  sent: {
    title: "Check your inbox",
    body: "We have sent an email to the address you gave. Open it and follow the link to confirm your signature on “{title}”. Your signature is counted once you confirm it.",
    noEmail: "No email after a few minutes? Look in your spam folder, or <link>ask for a new link</link>.",
    back: "Back to {kind, select, letter {the letter} other {the petition}}",
    localMailbox:
      "{where, select, dev {This site sends no email in development: the email is in the local mailbox at <link>/dev/mail</link>.} other {This site has no email provider yet: emails stay in its local mailbox, which only its organisers can read.}}",
  },
  embed: {
    readFull: "Read the full {kind, select, letter {letter} other {petition}} (opens in a new tab)",
    signAgain: "Sign with another address",
    counter: "{count, plural, one {# confirmed signature} other {# confirmed signatures}}",
    badgeLabel: "Signatures",
  },
  thanks: {
    title: "Thank you: your signature is confirmed",
    counts: "It now counts towards “{title}”.",
    shareHeading: "Ask others to sign",
    linkLabel: "Link to share",
    share:
      "Every signature the delegation carries adds weight. Share {kind, select, letter {the letter} other {the petition}}:",
    newTab: " (opens in a new tab)",
    email: "Email",
    copy: "Copy link",
    copied: "Link copied",
    manageHeading: "Your signature, your choice",
    manage:
      "Keep this private link: with it you can change how your name is shown, stop updates or withdraw your signature. We also put it in every email we send you.",
    manageLink: "Manage my signature",
  },
  confirm: {
    title: "Confirm your signature",
    expiredTitle: "This link has expired",
    unknownTitle: "We don’t recognise this link",
    expired: "Confirmation links work for a limited time, and this one is too old. Nothing has been counted yet.",
    unknown: "The link may be incomplete (some email programs break long links) or no longer valid.",
    askNew: "Enter your email address and we will send you a new link if there is a signature waiting for it.",
    alreadyTitle: "Your signature is already confirmed",
    already: "It is counted once on “{title}”. There is nothing more to do.",
    seeCount: "See {kind, select, letter {the letter} other {the petition}} and its count",
    closedTitle: "This {kind, select, letter {letter} other {petition}} is closed",
    closed: "“{title}” stopped taking signatures before this one was confirmed, so it cannot be counted.",
    see: "See {kind, select, letter {the letter} other {the petition}}",
    confirming: "You are confirming your signature on:",
    name: "Name",
    where: "Where",
    shownAs: "Shown publicly as",
    notShown: "Not shown publicly (still delivered)",
    button: "Confirm my signature",
    hint: "If you did not sign, close this page: nothing is counted unless you press the button.",
  },
  resend: {
    title: "Get a new confirmation link",
    intro: "Lost the email, or the link expired? Enter the address you signed with and we will send a fresh one.",
    sentTitle: "Check your inbox",
    sent: "If a signature is waiting for that address, we have sent it a new email. It may take a few minutes.",
    email: "Your email address",
    document: "What you signed",
    submit: "Send me a new link",
  },
  delegations: {
    title: "Delegations",
    lede: "The delegations that carry the campaign’s documents: who travels, what they carry, what they report and what they hand over.",
    none: "No delegation has been announced yet.",
    carries: "{count, plural, =0 {Carries nothing yet} one {Carries # document} other {Carries # documents}}",
  },
  delegation: {
    membersHeading: "Members",
    carriesHeading: "What it carries",
    dispatchesHeading: "Dispatches",
    noDispatches: "No dispatches yet.",
    deliveriesHeading: "Deliveries",
    noDeliveries:
      "Nothing has been delivered yet. When it is, the date, the place, the recipient, the count and the dossier’s fingerprint will be published here.",
    deliveredOn: "Delivered on {date} in {place} to {recipient}",
    delivered: "{title}: {count, plural, one {# signature} other {# signatures}}",
    sha256: "SHA-256 of the dossier handed over",
    checkHint:
      "Anyone holding a copy of a dossier can check it: its SHA-256 must equal the one shown here (for example, run sha256sum on the file).",
  },
  manage: {
    title: "Manage your signature",
    invalidTitle: "We don’t recognise this link",
    invalid:
      "The link may be incomplete or no longer valid. If you withdrew your signature, nothing about you is kept.",
    on: "Your signature on “{title}”",
    state: "{state, select, pending {Waiting for confirmation} confirmed {Confirmed} other {Not counted}}",
    displayHeading: "How your name is shown",
    saveDisplay: "Save",
    updatesHeading: "Updates",
    updatesOn: "You receive updates about this campaign.",
    updatesOff: "You do not receive updates.",
    stopUpdates: "Stop updates",
    startUpdates: "Send me updates",
    withdrawHeading: "Withdraw your signature",
    withdrawHint:
      "Your signature stops counting and your name, email address, city and comment are erased. This cannot be undone.",
    withdrawConfirm: "Yes, withdraw my signature",
    withdraw: "Withdraw",
    saved: "Saved.",
    withdrawnTitle: "Your signature is withdrawn",
    withdrawn: "It no longer counts, and we have erased your personal data from it.",
    lost: "Lost your private link, or asked for a new one? <link>Ask for a new email</link> with the address you signed with: it carries your current link.",
    renewHeading: "A new private link",
    renewHint:
      "If this link may have reached someone else (a forwarded email, a shared computer), ask for a new one. We email it to you, and this link and every earlier one stop working at once.",
    renew: "Send me a new link",
    renewLater:
      "We can’t send another email to this address just now, so your link has not changed and still works. Please try again later.",
    renewedTitle: "We’ve emailed you a new link",
    renewed:
      "It may take a few minutes to arrive. The link you used no longer works, nor does any earlier link to your signature.",
  },
  unsubscribe: {
    title: "Stop updates",
    confirm: "Stop sending campaign updates to this address?",
    button: "Stop updates",
    doneTitle: "You will get no more updates",
    done: "We will not send campaign updates to this address any more. Your signatures still count.",
    invalid: "We don’t recognise this link. It may be incomplete.",
  },
  about: {
    title: "Who is behind this campaign",
    intro: "This site is run by {name}.",
    contactHeading: "How to reach us",
    email: "By email: <link>{email}</link>",
    post: "By post:",
  },
  privacy: {
    title: "Privacy: what we keep and why",
    intro:
      "This site collects signatures for the campaign’s petition and open letter. We ask for as little as a signature needs, keep it only as long as the schedule below says, and never sell it, share it for advertising, or use it for anything but the campaign.",
    storedHeading: "What we keep when you sign",
    storedName: "your name, email address and country;",
    storedOptional:
      "your city and comment, if you give them, and for an open letter the organisation and role you add;",
    storedChoices: "how your name may be shown, and whether you want updates;",
    storedContext: "the language you signed in, the version of the text you signed, and when you signed and confirmed;",
    storedAddress:
      "a keyed hash of your internet (IP) address. We never store the address itself: the hash lets us notice many signatures from one place, but nobody can turn it back into your address.",
    whyHeading: "Why",
    whyName:
      "Your name, city, country, comment and affiliation are your signature: they are delivered to the people the document is addressed to.",
    whyEmail:
      "Your email address proves the signature is real and lets us count each person once. We write to it only to confirm your signature, to tell you if you sign twice, and to send updates if you asked for them. It is never shown publicly and never delivered.",
    whyAddress:
      "The address hash and the time you took to fill in the form help us keep out automated and mass signing, without puzzles or tracking.",
    whoHeading: "Who sees what",
    whoPublic:
      "Everyone: the count, and for each confirmed signature what you chose — your full name and city, your initials and city, or nothing at all — with your country and, on the letter, your organisation and role. Comments and email addresses are never public.",
    whoOrganisers:
      "The campaign’s organisers: everything you entered, so that they can check signatures, remove fraud, export them for their records and prepare what the delegation delivers. Each of their actions and exports is recorded in an audit log.",
    whoAddressees:
      "The people the document is addressed to: the confirmed signatures, with names, cities and countries, including those not shown on this site.",
    howLongHeading: "How long we keep it",
    howLongUnconfirmed:
      "A signature that is never confirmed is deleted after {days, plural, one {# day} other {# days}}, with its emails. So are signatures stopped by our spam checks.",
    howLongClosed:
      "Once a document is closed, its signatures keep counting, but {days, plural, one {# day} other {# days}} later we erase your name, email address, city, comment, affiliation and address hash from them. Only the count, the countries and the dates remain.",
    howLongEmails: "Copies of the emails we send you are deleted after {days, plural, one {# day} other {# days}}.",
    howLongAudit:
      "The organisers’ audit log records what they did (a search, an export, a change), not the names or addresses they searched for; its entries are deleted after {days, plural, one {# day} other {# days}}.",
    howLongWithdrawn: "If you withdraw your signature, we erase your personal data from it at once.",
    noTrackingHeading: "No trackers",
    noTracking:
      "This site loads no third-party scripts, fonts, analytics, advertising or tracking pixels; everything comes from this site. The only cookie for signers remembers the language you read in.",
    emailHeading: "Email",
    email:
      "We send email through an email delivery service, which receives your address and the message only to deliver it. Every link in our emails leads back to this site.",
    choicesHeading: "Your choices",
    choicesLink:
      "After you confirm, the thank-you page gives you a private link, and every email we send you carries it too. With it you can change how your name is shown, stop updates, or withdraw your signature. Keep it to yourself: whoever has it can do the same. If it may have reached someone else, ask for a new one on that page: we email it to you, and every earlier link stops working.",
    choicesUpdates: "Every update email also has a one-click link to stop updates.",
    choicesLost:
      "Lost the link? <link>Ask for a new email</link> with the address you signed with: it carries your private link again.",
  },
  socialCard: {
    // The word alone: the card draws the number before it, apart and larger.
    signatures: "{count, plural, one {signature} other {signatures}}",
    goal: "Goal: {goal, number}",
    total: "In all",
  },
  dossier: {
    heading: "Delivery dossier",
    addressee: "Addressed to",
    signatures: "Signatures",
    generated: "Generated",
    generatedAt: "{dateTime} UTC",
    verification: "How signatures were checked",
    verified:
      "Each signature was confirmed by its signer through a link sent to their email address; each address is counted once per document. Only confirmed signatures are listed.",
    deliveredBy: "Delivered by",
    delegation: "{title}: {members}",
    authors: "Written and signed by",
    columns: {
      number: "No.",
      name: "Name",
      city: "City",
      country: "Country",
      signedAt: "Date signed",
    },
    signedOn: "{year}-{month}-{day}",
    range: "Signatures {from}–{to} of {total}",
    // The page total follows this text: it is written once the last page is known.
    pageOf: "Page {page} of ",
  },
  email: {
    signerFooter:
      "You are receiving this because this address was entered on a signing form. If that was not you, ignore this email: nothing is counted without confirmation.",
    // No name: whatever a signer typed must never read as the site's own words in an email.
    hello: "Hello,",
    manage: "Change or withdraw your signature: {link}",
    confirmSubject: "Confirm your signature: {title}",
    confirmPreview: "One step left: confirm your signature on “{title}”.",
    confirmHeading: "Confirm your signature",
    confirmBody:
      "Thank you for signing “{title}”. Your signature counts only once you confirm that this address is yours. Open the page below and press “Confirm my signature”.",
    confirmButton: "Open the confirmation page",
    pasteLink: "Or paste this link into your browser:",
    validDays: "{days, plural, one {The link works for # day.} other {The link works for # days.}}",
    alreadySubject: "You have already signed: {title}",
    alreadyPreview: "Your signature on “{title}” is already confirmed and counted.",
    alreadyHeading: "You have already signed",
    alreadyBody:
      "Someone — probably you — tried to sign “{title}” again with this address. Your signature is already confirmed and counted once; there is nothing more to do.",
    alreadyLink: "See the latest count and share it:",
    updateFooter: "You receive this because you asked for updates when you signed. Stop them with one click: {link}",
    unsubscribe: "Unsubscribe",
    manageSignature: "Manage your signature",
    newLinkSubject: "Your new private link: {title}",
    newLinkPreview: "The new link to manage your signature on “{title}”.",
    newLinkHeading: "Your new private link",
    newLinkBody:
      "You asked for a new link to manage your signature on “{title}”. Here it is: every link sent to you before this one no longer works.",
    newLinkKeep: "Keep it to yourself: whoever has it can change or withdraw your signature.",
    newLinkFooter:
      "You are receiving this because the private link to your signature was used to ask for a new one. If that was not you, someone else had your old link: it no longer works.",
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof en>;

// The error pages' texts (error.tsx, global-error.tsx). Kept apart from `en`: those pages run in the
// browser, which then loads these few lines rather than the whole catalogue.
export const enErrorPage = {
  skip: "Skip to content",
  brand: "Delegation",
  title: "Something went wrong",
  body: "This page could not be shown because of an error on our side. Please try again in a moment.",
  retry: "Try again",
  home: "Go to the home page",
  reference: "Error reference",
};
export type ErrorPageMessages = typeof enErrorPage;
