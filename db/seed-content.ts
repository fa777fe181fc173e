// Seed content for the default campaign (the Moscow Trials Campaign, 1989).
// Written in the project's own words from the facts in
// shared/context/back-in-the-ussr-1989.txt; organisers can edit all of it.

export type SeedDocument = {
  slug: string;
  kind: 'petition' | 'letter';
  title: string;
  summary: string; // 1-2 sentences, plain text, <= 300 chars
  body: string; // Markdown
  addressee: string;
  goal: number;
  status: 'open';
};

export type SeedDelegation = {
  slug: string;
  title: string;
  summary: string;
  body: string; // Markdown
};

const petitionBody = [
  'We, the undersigned, support the Moscow Trials Campaign Committee and address this petition to the leadership of the Soviet Union.',
  'Between 1936 and 1938, a series of trials in Moscow condemned prominent Bolsheviks as traitors and agents of foreign powers, and presented Leon Trotsky as the organiser of the supposed conspiracies. Bukharin was among the defendants who were shot.',
  'Those accusations were false. The trials were staged, their outcome was settled before the courts sat, and the charges were inventions. The Soviet authorities have themselves now acknowledged that the trials were not genuine.',
  'In February 1988, Bukharin and everyone tried alongside him in 1938, among them Christian Rakovsky, were rehabilitated. We welcome that decision. But rehabilitation has come slowly and one case at a time, and justice granted to some victims while it is withheld from others remains incomplete.',
  'We therefore ask the Soviet leadership:',
  [
    '- to annul, formally and in full, every verdict handed down in the Moscow Trials of 1936–38;',
    '- to rehabilitate all of the defendants, without exception, and to clear their names in law and in the public record.',
  ].join('\n'),
  'The survivors of the repression and their families have waited long enough. An honest account of these trials is owed to them, and to everyone who wants to understand the history of the Soviet Union truthfully.',
].join('\n\n');

const letterBody = [
  'To the leadership of the Soviet Union,',
  'We write as the descendants of Leon Trotsky: his grandson and his great-grandchildren. We ask you to clear his name and to allow his writings to be published in his own country.',
  'For decades Trotsky has been presented to Soviet citizens as the principal villain of their history. In the Moscow Trials he was accused of serving the tsarist police and foreign powers, and he was made to carry the blame for the country\'s failures and misfortunes.',
  'Your government now accepts that the Moscow Trials were a fabrication. If the trials were false, then so were the accusations made against him in them. We ask that this be said openly, and that he be fully exonerated.',
  'Historians and economists in your country, among them Yuri Afanasiev, Roy Medvedev and Otto Latsis, have already called for his rehabilitation. Yet his books are still not published in the Soviet Union, and most citizens know his ideas only through what his opponents have said about them. We ask that his works be published in full, so that readers can judge them for themselves.',
  'This letter is carried to Moscow by a delegation that represents our family and the family of Victor Serge. We hope that you will receive it, and we invite everyone who shares our request to add their name to it.',
  'Signed,',
  '**Vsevolod Volkow**, grandson of Leon Trotsky',
  '**The great-grandchildren of Leon Trotsky**',
].join('\n\n');

const delegationBody = [
  'Early in 1989, during the Soviet election campaign, a delegation of five travelled to Moscow on behalf of the families of Leon Trotsky and Victor Serge. Four of its members were Americans, among them Susan Weissman, who wrote about the trip for the journal *Against the Current*. The fifth was Vlady Kibalchich, Victor Serge\'s son, a Soviet-Mexican who had himself suffered Stalinist repression. Trotsky\'s grandson, Vsevolod Volkow, did not make the journey.',
  'The delegation carried two documents: the open letter from Trotsky\'s grandson and great-grandchildren, asking the Soviet leadership to exonerate him and to publish his works, and the petition of the Moscow Trials Campaign Committee. Its luggage also held Russian-language copies of the *Bulletin of the Left Opposition*, Trotsky\'s writings, and Serge\'s memoirs and novels.',
  'A further task was to continue the search for four manuscripts by Victor Serge that the secret police seized when he was expelled from the USSR in 1936. They were not recovered on this trip, but the delegation learned a little more about what had become of them and stirred new interest in Serge, whose novel *The Case of Comrade Tulayev* had just appeared in instalments in the journal *Ural*.',
  'In Moscow the delegates met survivors of the camps, among them Nadezhda Joffe and Serge\'s niece Irma Gogua. They attended a Memorial meeting of some 3,000 people in Gorky Park on 5 March, and a meeting on Trotsky at the Writers\' Union, where Vlady spoke about his father and about Trotsky.',
].join('\n\n');

export const seedDocuments: SeedDocument[] = [
  {
    slug: 'moscow-trials',
    kind: 'petition',
    title: 'Annul the Moscow Trials verdicts and rehabilitate the defendants',
    summary:
      'The Moscow Trials Campaign Committee asks the Soviet leadership to annul every verdict of the Moscow Trials of 1936–38, whose charges were fabricated, and to rehabilitate all of the defendants.',
    body: petitionBody,
    addressee: 'The Soviet leadership',
    goal: 10000,
    status: 'open',
  },
  {
    slug: 'family-letter',
    kind: 'letter',
    title: 'Clear Leon Trotsky\'s name: an open letter from his family',
    summary:
      'Leon Trotsky\'s grandson, Vsevolod Volkow, and Trotsky\'s great-grandchildren ask the Soviet leadership to exonerate Trotsky and to allow his works to be published in the Soviet Union.',
    body: letterBody,
    addressee: 'The Soviet leadership',
    goal: 5000,
    status: 'open',
  },
];

export const seedDelegation: SeedDelegation = {
  slug: 'moscow-1989',
  title: 'The Moscow delegation, 1989',
  summary:
    'In 1989 a delegation of five travelled to Moscow for the families of Leon Trotsky and Victor Serge, carrying the family\'s open letter and the Moscow Trials petition, and searching for Serge\'s confiscated manuscripts.',
  body: delegationBody,
};
