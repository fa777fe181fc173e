// Seed content for the default campaign (the Moscow Trials Campaign, 1989).
// Written in the project's own words from the facts in
// shared/context/back-in-the-ussr-1989.txt; organisers can edit all of it.

import type { Author, Translated } from "./schema";

type DocumentTexts = { title: string; summary: string; body: string; addressee: string; authors: Author[] };

export type SeedDocument = {
  slug: string;
  kind: "petition" | "letter";
  goal: number;
  status: "open";
  texts: Translated<DocumentTexts>;
};

export type SeedDelegation = {
  slug: string;
  texts: Translated<{ title: string; summary: string; body: string }>;
  members: { name: string; texts: Translated<{ role: string; bio: string }> }[];
  dispatches: { dated: string; texts: Translated<{ title: string; body: string }> }[];
};

const petitionBody = [
  "We, the undersigned, support the Moscow Trials Campaign Committee and address this petition to the leadership of the Soviet Union.",
  "Between 1936 and 1938, a series of trials in Moscow condemned prominent Bolsheviks as traitors and agents of foreign powers, and presented Leon Trotsky as the organiser of the supposed conspiracies. Bukharin was among the defendants who were shot.",
  "Those accusations were false. The trials were staged, their outcome was settled before the courts sat, and the charges were inventions. The Soviet authorities have themselves now acknowledged that the trials were not genuine.",
  "In February 1988, Bukharin and everyone tried alongside him in 1938, among them Christian Rakovsky, were rehabilitated. We welcome that decision. But rehabilitation has come slowly and one case at a time, and justice granted to some victims while it is withheld from others remains incomplete.",
  "We therefore ask the Soviet leadership:",
  [
    "- to annul, formally and in full, every verdict handed down in the Moscow Trials of 1936–38;",
    "- to rehabilitate all of the defendants, without exception, and to clear their names in law and in the public record.",
  ].join("\n"),
  "The survivors of the repression and their families have waited long enough. An honest account of these trials is owed to them, and to everyone who wants to understand the history of the Soviet Union truthfully.",
].join("\n\n");

const letterBody = [
  "To the leadership of the Soviet Union,",
  "We write as the descendants of Leon Trotsky: his grandson and his great-grandchildren. We ask you to clear his name and to allow his writings to be published in his own country.",
  "For decades Trotsky has been presented to Soviet citizens as the principal villain of their history. In the Moscow Trials he was accused of serving the tsarist police and foreign powers, and he was made to carry the blame for the country's failures and misfortunes.",
  "Your government now accepts that the Moscow Trials were a fabrication. If the trials were false, then so were the accusations made against him in them. We ask that this be said openly, and that he be fully exonerated.",
  "Historians and economists in your country, among them Yuri Afanasiev, Roy Medvedev and Otto Latsis, have already called for his rehabilitation. Yet his books are still not published in the Soviet Union, and most citizens know his ideas only through what his opponents have said about them. We ask that his works be published in full, so that readers can judge them for themselves.",
  "This letter is carried to Moscow by a delegation that represents our family and the family of Victor Serge. We hope that you will receive it, and we invite everyone who shares our request to add their name to it.",
].join("\n\n");

const delegationBody = [
  "Early in 1989, during the Soviet election campaign, a delegation of five travelled to Moscow on behalf of the families of Leon Trotsky and Victor Serge. Four of its members were Americans, among them Susan Weissman, who wrote about the trip for the journal *Against the Current*. The fifth was Vlady Kibalchich, Victor Serge's son, a Soviet-Mexican who had himself suffered Stalinist repression. Trotsky's grandson, Vsevolod Volkow, did not make the journey.",
  "The delegation carried two documents: the open letter from Trotsky's grandson and great-grandchildren, asking the Soviet leadership to exonerate him and to publish his works, and the petition of the Moscow Trials Campaign Committee. Its luggage also held Russian-language copies of the *Bulletin of the Left Opposition*, Trotsky's writings, and Serge's memoirs and novels.",
  "A further task was to continue the search for four manuscripts by Victor Serge that the secret police seized when he was expelled from the USSR in 1936. They were not recovered on this trip, but the delegation learned a little more about what had become of them and stirred new interest in Serge, whose novel *The Case of Comrade Tulayev* had just appeared in instalments in the journal *Ural*.",
  "In Moscow the delegates met survivors of the camps, among them Nadezhda Joffe and Serge's niece Irma Gogua. They attended a Memorial meeting of some 3,000 people in Gorky Park on 5 March, and a meeting on Trotsky at the Writers' Union, where Vlady spoke about his father and about Trotsky.",
].join("\n\n");

const petitionBodyRu = [
  "Мы, нижеподписавшиеся, поддерживаем Комитет кампании по Московским процессам и обращаемся с этой петицией к руководству Советского Союза.",
  "В 1936–1938 годах на процессах в Москве видных большевиков объявили предателями и агентами иностранных держав, а Льва Троцкого представили организатором мнимых заговоров. Бухарин был среди подсудимых, которых расстреляли.",
  "Эти обвинения были ложными. Процессы были инсценированы, приговоры предрешены ещё до начала заседаний, а обвинения выдуманы. Советские власти сегодня сами признают, что процессы не были подлинными.",
  "В феврале 1988 года были реабилитированы Бухарин и все, кто проходил вместе с ним по процессу 1938 года, в том числе Христиан Раковский. Мы приветствуем это решение. Но реабилитация идёт медленно, от дела к делу, а справедливость, восстановленная для одних жертв и не восстановленная для других, остаётся неполной.",
  "Поэтому мы просим советское руководство:",
  [
    "- официально и полностью отменить все приговоры Московских процессов 1936–1938 годов;",
    "- реабилитировать всех подсудимых без исключения и восстановить их доброе имя — по закону и в общественной памяти.",
  ].join("\n"),
  "Выжившие жертвы репрессий и их семьи ждали слишком долго. Честный рассказ об этих процессах нужен им и всем, кто хочет знать правду об истории Советского Союза.",
].join("\n\n");

const letterBodyRu = [
  "Руководству Советского Союза",
  "Мы пишем вам как потомки Льва Троцкого — его внук и правнуки. Мы просим восстановить его доброе имя и разрешить издание его трудов на родине.",
  "Десятилетиями Троцкого изображали перед советскими людьми главным злодеем их истории. На Московских процессах его обвиняли в службе царской охранке и иностранным державам, на него возлагали вину за неудачи и беды страны.",
  "Ваше правительство признаёт теперь, что Московские процессы были фальсификацией. Если ложными были процессы, то ложными были и выдвинутые на них против него обвинения. Мы просим сказать об этом открыто и полностью его оправдать.",
  "Историки и экономисты в вашей стране, среди них Юрий Афанасьев, Рой Медведев и Отто Лацис, уже призвали к его реабилитации. Однако его книги по-прежнему не издаются в Советском Союзе, и большинство граждан знают его взгляды лишь в пересказе его противников. Мы просим издать его труды полностью, чтобы читатели могли судить о них сами.",
  "Это письмо везёт в Москву делегация, представляющая нашу семью и семью Виктора Сержа. Мы надеемся, что вы её примете, и приглашаем всех, кто разделяет нашу просьбу, поставить под ним свою подпись.",
].join("\n\n");

const delegationBodyRu = [
  "В начале 1989 года, во время советской избирательной кампании, делегация из пяти человек отправилась в Москву от имени семей Льва Троцкого и Виктора Сержа. Четверо её участников были американцами, среди них Сьюзан Вайсман, написавшая о поездке в журнале *Against the Current*. Пятым был Влади Кибальчич, сын Виктора Сержа, советско-мексиканский гражданин, сам переживший сталинские репрессии. Внук Троцкого Всеволод Волков в поездке не участвовал.",
  "Делегация везла два документа: открытое письмо внука и правнуков Троцкого с просьбой оправдать его и издать его труды и петицию Комитета кампании по Московским процессам. В её багаже были также русские издания «Бюллетеня оппозиции», сочинения Троцкого, мемуары и романы Сержа.",
  "Ещё одной задачей были поиски четырёх рукописей Виктора Сержа, изъятых тайной полицией при его высылке из СССР в 1936 году (подробнее — в сообщениях делегации ниже).",
  "В Москве делегаты встретились с теми, кто выжил в лагерях, среди них — Надежда Иоффе и племянница Сержа Ирма Гогуа. Они побывали на собрании «Мемориала» в парке Горького 5 марта, где собралось около 3000 человек, и на вечере памяти Троцкого в Союзе писателей, где Влади рассказал о своём отце и о Троцком.",
].join("\n\n");

const manuscriptsDispatch = {
  en: {
    title: "Looking for Victor Serge's four manuscripts",
    body: [
      "When Victor Serge was expelled from the Soviet Union in 1936, the secret police kept four of his manuscripts. Finding them was one of the tasks this delegation set itself.",
      "We did not expect to carry them home this time, and we have not. What we have is a clearer picture of the path the papers took after they were seized, and a new audience for Serge himself: his novel of the purges, *The Case of Comrade Tulayev*, has just been published in instalments by the literary journal *Ural*, and readers we met wanted to know more about him.",
      "Vlady Kibalchich, Serge's son, is travelling with us. The search goes on, and we will post here whatever we learn.",
    ].join("\n\n"),
  },
  ru: {
    title: "Поиски четырёх рукописей Виктора Сержа",
    body: [
      "Когда в 1936 году Виктора Сержа выслали из Советского Союза, тайная полиция оставила у себя четыре его рукописи. Найти их — одна из задач, которые поставила перед собой делегация.",
      "Мы не рассчитывали привезти их домой в этот раз — и не привезём. Зато теперь яснее, какой путь проделали бумаги после изъятия, а у самого Сержа появились новые читатели: его роман о чистках «Дело Тулаева» только что печатался с продолжением в литературном журнале «Урал», и люди, с которыми мы встречались, хотели узнать о нём больше.",
      "С нами едет сын Сержа, Влади Кибальчич. Поиски продолжаются; обо всём, что удастся узнать, мы напишем здесь.",
    ].join("\n\n"),
  },
};

const soviet = { en: "The Soviet leadership", ru: "Руководству Советского Союза" };

export const seedDocuments: SeedDocument[] = [
  {
    slug: "moscow-trials",
    kind: "petition",
    goal: 10000,
    status: "open",
    texts: {
      en: {
        title: "Annul the Moscow Trials verdicts and rehabilitate the defendants",
        summary:
          "The Moscow Trials Campaign Committee asks the Soviet leadership to annul every verdict of the Moscow Trials of 1936–38, whose charges were fabricated, and to rehabilitate all of the defendants.",
        body: petitionBody,
        addressee: soviet.en,
        authors: [],
      },
      ru: {
        title: "Отменить приговоры Московских процессов и реабилитировать подсудимых",
        summary:
          "Комитет кампании по Московским процессам просит советское руководство отменить все приговоры Московских процессов 1936–1938 годов, основанные на сфабрикованных обвинениях, и реабилитировать всех подсудимых.",
        body: petitionBodyRu,
        addressee: soviet.ru,
        authors: [],
      },
    },
  },
  {
    slug: "family-letter",
    kind: "letter",
    goal: 5000,
    status: "open",
    texts: {
      en: {
        title: "Clear Leon Trotsky's name: an open letter from his family",
        summary:
          "Leon Trotsky's grandson, Vsevolod Volkow, and Trotsky's great-grandchildren ask the Soviet leadership to exonerate Trotsky and to allow his works to be published in the Soviet Union.",
        body: letterBody,
        addressee: soviet.en,
        authors: [
          { name: "Vsevolod Volkow", description: "grandson of Leon Trotsky" },
          { name: "The great-grandchildren of Leon Trotsky", description: "" },
        ],
      },
      ru: {
        title: "Вернуть Льву Троцкому доброе имя: открытое письмо его семьи",
        summary:
          "Внук Льва Троцкого Всеволод Волков и правнуки Троцкого просят советское руководство оправдать Троцкого и разрешить издание его трудов в Советском Союзе.",
        body: letterBodyRu,
        addressee: soviet.ru,
        authors: [
          { name: "Всеволод Волков", description: "внук Льва Троцкого" },
          { name: "Правнуки Льва Троцкого", description: "" },
        ],
      },
    },
  },
];

export const seedDelegation: SeedDelegation = {
  slug: "moscow-1989",
  texts: {
    en: {
      title: "The Moscow delegation, 1989",
      summary:
        "In 1989 a delegation of five travelled to Moscow for the families of Leon Trotsky and Victor Serge, carrying the family's open letter and the Moscow Trials petition, and searching for Serge's confiscated manuscripts.",
      body: delegationBody,
    },
    ru: {
      title: "Московская делегация 1989 года",
      summary:
        "В 1989 году делегация из пяти человек поехала в Москву от имени семей Льва Троцкого и Виктора Сержа. Она везла открытое письмо семьи и петицию о Московских процессах и искала изъятые рукописи Сержа.",
      body: delegationBodyRu,
    },
  },
  members: [
    {
      name: "Susan Weissman",
      texts: {
        en: {
          role: "Delegate; searching for the Serge manuscripts",
          bio: "One of the four Americans in the delegation. She took on the search for Serge's confiscated manuscripts and wrote about the trip for *Against the Current*.",
        },
        ru: {
          role: "Член делегации; поиски рукописей Сержа",
          bio: "Одна из четырёх американцев в составе делегации. Взяла на себя поиски изъятых рукописей Сержа и рассказала о поездке в журнале *Against the Current*.",
        },
      },
    },
    {
      name: "Vlady Kibalchich",
      texts: {
        en: {
          role: "Delegate for the Serge family",
          bio: "Victor Serge's son, Soviet and Mexican, himself a victim of Stalinist repression. At the Writers' Union in Moscow he spoke about his father and about Trotsky.",
        },
        ru: {
          role: "Представитель семьи Сержа",
          bio: "Сын Виктора Сержа, советско-мексиканский гражданин, сам пострадавший от сталинских репрессий. В Союзе писателей в Москве рассказал о своём отце и о Троцком.",
        },
      },
    },
  ],
  dispatches: [{ dated: "1989-03-06", texts: manuscriptsDispatch }],
};

/** Who is behind the campaign until the organisers save their own details (Admin → Organisation). */
export const defaultOrganisation = {
  name: "Moscow Trials Campaign Committee",
  contactEmail: "organisers@moscow-trials.example",
  postalAddress: "Moscow Trials Campaign Committee\nc/o the organisers\nPO Box 1937\nNew York, NY 10001\nUSA",
  about: {
    en: [
      "We are a small group of volunteers working with the families of Leon Trotsky and Victor Serge.",
      "Our petition asks the Soviet leadership to annul the verdicts of the Moscow Trials of 1936–38 and to say openly that the charges made in them were false. A delegation takes the signatures to Moscow in person.",
      "We are not a party and take no money from governments. Write to us at the address below with questions, corrections or offers of help.",
    ].join("\n\n"),
    ru: [
      "Мы — небольшая группа добровольцев, работающих вместе с семьями Льва Троцкого и Виктора Сержа.",
      "Наша петиция просит советское руководство отменить приговоры Московских процессов 1936–1938 годов и открыто признать, что обвинения на них были ложными. Делегация отвозит подписи в Москву лично.",
      "Мы не партия и не берём денег у правительств. Пишите нам по адресу ниже — с вопросами, поправками или предложениями помощи.",
    ].join("\n\n"),
  },
};
