import { countryOptions } from "@/lib/countries";
import { emailKey } from "@/lib/email-key";
import { randomBytes } from "node:crypto";
import { deriveToken, hashToken } from "@/lib/tokens";
import type { Db } from "./index";
import type { ConfirmEmailPayload } from "./queries/signatures";
import type { Document, Signature } from "./schema";

type State = Signature["state"];

export type GenerateOptions = {
  count: number;
  /** Slug of the one document to sign; default: every document, ~70% of rows on petitions. */
  document?: string;
  /** Relative weights; states left out get none. */
  states?: Partial<Record<State, number>>;
  /** created_at is spread over this many days up to now. */
  days?: number;
  seed?: number;
  /** One domain for every address; default: a mix of example.* and gmail.com. */
  emailDomain?: string;
  /** Also issue a token and queue a confirm email for every pending row, as recordSignature does. */
  withOutbox?: { secret: string };
  /** Called every 10,000 rows and at each commit. */
  onProgress?: (done: number, total: number) => void;
};

const DAY = 86_400_000;
const TOKEN_TTL = 7 * DAY;
const BATCH = 50_000;
const PROGRESS_EVERY = 10_000;
const DEFAULT_STATES: Record<State, number> = { confirmed: 0.8, pending: 0.15, rejected: 0.04, withdrawn: 0.01 };
const DOMAINS: [string, number][] = [
  ["example.org", 35], ["example.com", 22], ["example.net", 12], ["gmail.com", 20], ["googlemail.com", 3],
  ["mail.example", 8],
];

// Name pools by script: given names "male"/"female", family names "masculine/feminine" where they differ,
// "native:ascii" where the ascii form (for the address) cannot be derived by transliteration; "_" is a space.
type GroupSpec = {
  weight: number; countries: string; male: string; female: string; family: string;
  familyFirst?: boolean; joiner?: string;
};
// The first group also stands for signers from anywhere else.
const GROUPS: GroupSpec[] = [
  { weight: 12, countries: "US US US GB GB IE CA AU NZ", male: "James John Michael David Oliver Liam Noah Ethan",
    female: "Mary Emma Olivia Sophie Grace Chloe Hannah Emily",
    family: "Smith Johnson Brown Taylor Wilson O'Brien Walker Clarke MacLeod" },
  { weight: 28, countries: "RU RU RU RU RU RU RU RU RU RU RU RU BY KZ DE IL LV GE AM RS",
    male: "Алексей Дмитрий Сергей Иван Михаил Андрей Николай Павел Артём Юрий Григорий Лев",
    female: "Анна Мария Елена Ольга Наталья Татьяна Вера Ирина Светлана Ксения Дарья Юлия",
    family: "Иванов/Иванова Смирнов/Смирнова Кузнецов/Кузнецова Попов/Попова Соколов/Соколова "
      + "Лебедев/Лебедева Морозов/Морозова Волков/Волкова Орлов/Орлова Гинзбург Цой Белых" },
  { weight: 5, countries: "UA UA UA UA PL DE CZ", male: "Олександр Андрій Тарас Богдан Дмитро Євген",
    female: "Олена Ірина Оксана Юлія Наталія Соломія",
    family: "Шевченко Коваленко Бондаренко Ткаченко Кравчук Мельник Гнатюк" },
  { weight: 6, countries: "FR FR FR FR BE CH CA LU", male: "François Jérôme Loïc Noël Théo Benoît Gaël Jean-Luc",
    female: "Amélie Zoé Hélène Céline Léa Chloé Maëlle Inès",
    family: "Lefèvre Dubois Girard Moreau Bérénger Faure Lemaître" },
  { weight: 6, countries: "ES ES MX AR CO CL PT PT BR BR", male: "José Iñaki Álvaro Martín João Gonçalo Sebastián",
    female: "María Begoña Lucía Inés Conceição Sofía Ximena",
    family: "García Núñez Muñoz Fernández Gonçalves Peña Araújo Ibáñez" },
  { weight: 7, countries: "DE DE DE DE AT CH SE NO DK FI NL", male: "Jürgen Lukas Björn Søren Matthias Åke Felix",
    female: "Märta Åsa Sophie Jördis Ingrid Käthe Sigrún",
    family: "Müller Schröder Weiß Ødegård Åström Fischer Groß Lindqvist" },
  { weight: 4, countries: "PL PL PL CZ CZ SK", male: "Łukasz Wojciech Paweł Jiří Tomáš Michał",
    female: "Małgorzata Agnieszka Zofia Petra Kateřina Žaneta",
    family: "Kowalski/Kowalska Wiśniewski/Wiśniewska Nowak Dvořák/Dvořáková Novák/Nováková Šťastný/Šťastná Wójcik" },
  { weight: 1.5, countries: "HU HU RO SK", familyFirst: true, male: "Zoltán László Gábor Bence Ádám",
    female: "Zsófia Katalin Eszter Réka Tünde", family: "Nagy Kovács Tóth Szabó Horváth Fehér" },
  { weight: 2, countries: "TR TR TR DE", male: "Şükrü Gökhan Emre Barış Oğuz",
    female: "Ayşe Çağla Elif Gülşen Zeynep", family: "Öztürk Yılmaz Şahin Çelik Doğan Aydın" },
  { weight: 1, countries: "VN VN VN US", familyFirst: true, male: "Văn_Nam Minh_Đức Quốc_Bảo Hoàng_Long",
    female: "Thị_Hương Thu_Trang Ngọc_Anh Thị_Lan", family: "Nguyễn Trần Lê Phạm Huỳnh Đặng" },
  { weight: 3, countries: "GR GR GR GR CY", male: "Γιώργος Νίκος Δημήτρης Κώστας Γιάννης Αλέξανδρος",
    female: "Μαρία Ελένη Κατερίνα Σοφία Δέσποινα Αθηνά",
    family: "Παπαδόπουλος/Παπαδοπούλου Γεωργίου Οικονόμου Νικολαΐδης/Νικολαΐδου Καραγιάννης/Καραγιάννη Βλάχος/Βλάχου" },
  { weight: 4, countries: "EG EG MA LB JO TN SY IQ PS AE",
    male: "محمد:mohamed أحمد:ahmed عمر:omar يوسف:youssef كريم:karim خالد:khaled",
    female: "فاطمة:fatima ليلى:layla نور:nour مريم:maryam سلمى:salma رنا:rana",
    family: "حداد:haddad منصور:mansour خوري:khoury صالح:saleh الحسن:alhassan عبدالله:abdallah" },
  { weight: 1.5, countries: "IR IR IR DE", male: "علی:ali رضا:reza داریوش:dariush",
    female: "شیرین:shirin نسرین:nasrin پریسا:parisa",
    family: "حسینی:hosseini رضایی:rezaei احمدی:ahmadi کریمی:karimi" },
  { weight: 4, countries: "IL IL IL IL US", male: "דוד:david יוסי:yossi אבי:avi איתי:itay עומר:omer",
    female: "נועה:noa מיכל:michal תמר:tamar שירה:shira יעל:yael",
    family: "כהן:cohen לוי:levi מזרחי:mizrahi פרץ:peretz ביטון:biton פרידמן:friedman" },
  { weight: 4, countries: "CN CN CN TW HK SG", familyFirst: true, joiner: "",
    male: "伟:wei 磊:lei 浩然:haoran 建国:jianguo 俊杰:junjie", female: "芳:fang 静:jing 秀英:xiuying 婷:ting 欣怡:xinyi",
    family: "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 赵:zhao" },
  { weight: 3, countries: "JP", familyFirst: true, joiner: "",
    male: "陽翔:haruto 蓮:ren 健太:kenta 大輔:daisuke 翔:sho", female: "結衣:yui さくら:sakura 美咲:misaki 陽菜:hina 愛子:aiko",
    family: "佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 渡辺:watanabe 山本:yamamoto" },
  { weight: 2, countries: "KR", familyFirst: true, joiner: "", male: "민준:minjun 도윤:doyun 현우:hyunwoo 지훈:jihoon",
    female: "서연:seoyeon 하은:haeun 지우:jiwoo 수빈:subin", family: "김:kim 이:lee 박:park 최:choi 정:jung 강:kang" },
  { weight: 3, countries: "IN IN IN IN NP GB", male: "राहुल:rahul अमित:amit सुनील:sunil अर्जुन:arjun विक्रम:vikram",
    female: "प्रिया:priya अनीता:anita दीपिका:deepika पूजा:pooja सीता:sita",
    family: "शर्मा:sharma वर्मा:verma गुप्ता:gupta सिंह:singh पटेल:patel जोशी:joshi" },
  { weight: 1.5, countries: "GE GE GE RU", male: "გიორგი:giorgi დავით:davit ლევან:levan ნიკა:nika",
    female: "ნინო:nino მარიამ:mariam თამარ:tamar ანა:ana",
    family: "ბერიძე:beridze კაპანაძე:kapanadze გელაშვილი:gelashvili ლომიძე:lomidze" },
  { weight: 1.5, countries: "AM AM AM RU FR", male: "Արամ:aram Դավիթ:davit Տիգրան:tigran Նարեկ:narek",
    female: "Անի:ani Մարիամ:mariam Լուսինե:lusine Նարինե:narine",
    family: "Սարգսյան:sargsyan Հակոբյան:hakobyan Պետրոսյան:petrosyan Գրիգորյան:grigoryan" },
];

const CITIES: Record<string, string> = {
  RU: "Москва|Санкт-Петербург|Новосибирск|Екатеринбург|Казань|Нижний Новгород|Пермь|Томск", BY: "Минск|Гомель",
  KZ: "Алматы|Астана", UA: "Київ|Львів|Харків|Одеса", US: "New York|Chicago|San Francisco|Austin",
  GB: "London|Manchester|Edinburgh", IE: "Dublin|Cork", CA: "Toronto|Montréal|Vancouver", AU: "Sydney|Melbourne",
  NZ: "Wellington", FR: "Paris|Lyon|Marseille|Besançon", BE: "Bruxelles|Liège", CH: "Genève|Zürich",
  LU: "Luxembourg", ES: "Madrid|Barcelona|A Coruña", MX: "Ciudad de México|Guadalajara", AR: "Buenos Aires|Córdoba",
  CO: "Bogotá|Medellín", CL: "Santiago", PT: "Lisboa|Porto", BR: "São Paulo|Rio de Janeiro|Belém",
  DE: "Berlin|München|Köln|Düsseldorf", AT: "Wien|Graz", SE: "Stockholm|Göteborg|Malmö", NO: "Oslo|Tromsø",
  DK: "København|Aarhus", FI: "Helsinki", NL: "Amsterdam|Utrecht", PL: "Warszawa|Kraków|Łódź|Gdańsk",
  CZ: "Praha|Brno|Plzeň", SK: "Bratislava|Košice", HU: "Budapest|Debrecen", RO: "Cluj-Napoca",
  TR: "İstanbul|Ankara|İzmir", VN: "Hà Nội|Thành phố Hồ Chí Minh|Đà Nẵng", GR: "Αθήνα|Θεσσαλονίκη|Πάτρα",
  CY: "Λευκωσία|Λεμεσός", EG: "القاهرة|الإسكندرية", MA: "الدار البيضاء|الرباط", LB: "بيروت", JO: "عمّان",
  TN: "تونس", SY: "دمشق", IQ: "بغداد", PS: "رام الله", AE: "دبي", IR: "تهران|اصفهان",
  IL: "תל אביב-יפו|ירושלים|חיפה|באר שבע", CN: "北京|上海|广州|深圳|成都", TW: "台北|高雄", HK: "香港",
  SG: "Singapore", JP: "東京|大阪|京都|札幌", KR: "서울|부산|인천", IN: "मुंबई|दिल्ली|पुणे|जयपुर|Bengaluru",
  NP: "काठमाडौं", GE: "თბილისი|ბათუმი|ქუთაისი", AM: "Երևան|Գյումրի", LV: "Rīga", RS: "Beograd|Нови Сад",
};

// Some comments are multi-line, quoted or start with = + - @ or a tab, to exercise CSV neutralisation.
const COMMENTS = [
  "Свободу политзаключённым!", "Подписываю от имени всей семьи.\nСпасибо за вашу работу.", "Free them all.",
  "My grandfather was arrested in 1937.\nHe was rehabilitated in 1957.\nOthers are still waiting.",
  "Solidarité totale.", "Ich unterschreibe für meinen Großvater.", '=HYPERLINK("https://example.com","details")',
  "=1+1", "+7 (999) 123-45-67, call me if you need a witness", "+1 for the letter", "-- from Berlin, with love",
  "@moscowtrials see you at the hearing", "\tindented, for some reason", 'He said "never again", and meant it.',
  "الحرية للمعتقلين", "חופש לאסירים הפוליטיים", "释放所有政治犯。", "真実を。", "सच की जीत हो", "Ελευθερία!",
  "Justicia, ahora.\n\n— desde Buenos Aires",
];

const TRANSLIT: Record<string, string> = Object.fromEntries(
  ("а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh "
    + "щ:shch ъ: ы:y ь: э:e ю:yu я:ya і:i ї:yi є:ye ґ:g α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x "
    + "ο:o π:p ρ:r σ:s ς:s τ:t υ:y φ:f χ:ch ψ:ps ω:o ł:l ø:o ß:ss æ:ae œ:oe đ:d ı:i")
    .split(" ").map((pair) => pair.split(":")),
);

/** ASCII letters for an address: a table for Cyrillic, Greek and a few Latin letters, else strip accents. */
function transliterate(text: string): string {
  let out = "";
  for (const char of text.toLowerCase().replaceAll("ου", "u")) {
    const base = char.normalize("NFD")[0];
    out += TRANSLIT[char] ?? TRANSLIT[base] ?? (/[a-z]/.test(base) ? base : "");
  }
  return out;
}

type Part = { native: string; ascii: string };
function parts(list: string): Part[] {
  return list.split(" ").map((token) => {
    const [native, ascii] = token.replaceAll("_", " ").split(":");
    const result = { native, ascii: ascii ?? transliterate(native) };
    if (!/^[a-z]+$/.test(result.ascii)) throw new Error(`No ascii form for the name "${token}"`);
    return result;
  });
}

type Person = { name: string; locals: string[] };
type Group = { weight: number; people: Person[]; countries: string[] };

function buildGroup(spec: GroupSpec): Group {
  const families = spec.family.split(" ").map((forms) => forms.split("/"));
  const masculine = parts(families.map((forms) => forms[0]).join(" "));
  const feminine = parts(families.map((forms) => forms[1] ?? forms[0]).join(" "));
  const joiner = spec.joiner ?? " ";
  const people: Person[] = [];
  for (const [given, family] of [[parts(spec.male), masculine], [parts(spec.female), feminine]]) {
    for (const g of given) {
      for (const f of family) {
        const name = spec.familyFirst ? f.native + joiner + g.native : g.native + joiner + f.native;
        // Local parts end in a letter or separator: the row number appended to them keeps every address unique.
        const locals = [
          `${g.ascii}.${f.ascii}.`, `${g.ascii}${f.ascii}`, `${g.ascii[0]}.${f.ascii}`, `${g.ascii}_${f.ascii}_`,
        ];
        people.push({ name, locals });
      }
    }
  }
  return { weight: spec.weight, people, countries: spec.countries.split(" ") };
}

let pools: { groups: Group[]; groupCumulative: Float64Array; cities: Record<string, string[]> } | undefined;
function namePools() {
  pools ??= {
    groups: GROUPS.map(buildGroup),
    groupCumulative: cumulative(GROUPS.map((group) => group.weight)),
    cities: Object.fromEntries(Object.entries(CITIES).map(([code, list]) => [code, list.split("|")])),
  };
  return pools;
}

function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0) || weights.some((weight) => !(weight >= 0))) {
    throw new RangeError("Weights must be >= 0 with a positive sum");
  }
  let running = 0;
  const table = Float64Array.from(weights, (weight) => (running += weight / total));
  // Rounding must never let a draw fall through to the zero-weight entries at the end.
  return table.fill(Infinity, weights.findLastIndex((weight) => weight > 0));
}

function pickIndex(table: Float64Array, r: number): number {
  let index = 0;
  while (index < table.length - 1 && r >= table[index]) index++;
  return index;
}

/** mulberry32: small, fast, good enough for synthetic data, and reproducible from the seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DocumentRow = Pick<Document, "id" | "slug" | "kind" | "title">;

function targetDocuments(db: Db, slug: string | undefined): { list: DocumentRow[]; table: Float64Array } {
  const all = db.$client.prepare("select id, slug, kind, title from documents order by id").all() as DocumentRow[];
  const list = slug === undefined ? all : all.filter((document) => document.slug === slug);
  if (all.length === 0) throw new Error("The database has no documents");
  if (list.length === 0) throw new RangeError(`No document with the slug "${slug}"`);
  const petitions = list.filter((document) => document.kind === "petition").length;
  const share = (document: DocumentRow) =>
    petitions === 0 || petitions === list.length ? 1 / list.length
      : document.kind === "petition" ? 0.7 / petitions : 0.3 / (list.length - petitions);
  return { list, table: cumulative(list.map(share)) };
}

const SIGNATURE_SQL = `insert into signatures (document_id, name, email, email_key, country, city, comment, display,
  updates, state, emails_sent, created_at, confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`;
const RECOUNT_SQL = `update documents set signature_count =
  (select count(*) from signatures where signatures.document_id = documents.id and signatures.state = 'confirmed')`;

/**
 * Fills the database with `count` synthetic signatures, in big IMMEDIATE transactions through reused
 * prepared statements. Addresses embed the row number on top of the current largest signature id, so
 * running it again never collides; document counters equal a recount afterwards.
 */
export function generateSignatures(db: Db, options: GenerateOptions): { inserted: number } {
  const { count, days = 60, withOutbox, onProgress } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  if (!(days > 0)) throw new RangeError("days must be positive");
  const client = db.$client;
  const { groups, groupCumulative, cities } = namePools();
  const documents = targetDocuments(db, options.document);
  const stateNames = Object.keys(DEFAULT_STATES) as State[];
  const weights = options.states ?? DEFAULT_STATES;
  const stateTable = cumulative(stateNames.map((state) => weights[state] ?? 0));
  const domains = options.emailDomain ? [options.emailDomain] : DOMAINS.map(([domain]) => domain);
  const domainTable = options.emailDomain ? cumulative([1]) : cumulative(DOMAINS.map(([, weight]) => weight));
  const random = prng(options.seed ?? 1);
  const now = Date.now();
  const end = now - 60_000; // leaves room for a confirmation after the last signature
  const span = days * DAY;
  const base = client.prepare("select coalesce(max(id), 0) from signatures").pluck().get() as number;

  const insertSignature = client.prepare(SIGNATURE_SQL);
  const insertToken = client.prepare(
    "insert into confirmation_tokens (token_hash, signature_id, expires_at) values (?, ?, ?)",
  );
  const insertMessage = client.prepare(`insert into outbox (template, recipient, payload, next_attempt_at, created_at)
    values ('confirm-signature', ?, ?, ?, ?)`);
  const nonces = noncePool();
  const addToCount = client.prepare("update documents set signature_count = signature_count + ? where id = ?");
  const confirmedPerDocument = new Array<number>(documents.list.length);

  const writeBatch = client.transaction((from: number, to: number) => {
    confirmedPerDocument.fill(0);
    for (let i = from; i < to; i++) {
      if (i > from && i % PROGRESS_EVERY === 0) onProgress?.(i, count);
      const n = base + i + 1;
      let group = groups[pickIndex(groupCumulative, random())];
      let country = group.countries[(random() * group.countries.length) | 0];
      if (random() < 0.03) { // someone from anywhere, writing in English
        group = groups[0];
        country = countryOptions[(random() * countryOptions.length) | 0].code;
      }
      const person = group.people[(random() * group.people.length) | 0];
      const cityList = cities[country];
      const city = cityList && random() < 0.8 ? cityList[(random() * cityList.length) | 0] : null;
      const local = person.locals[(random() * person.locals.length) | 0];
      const domain = domains[pickIndex(domainTable, random())];
      const email = random() < 0.03 ? `${local}${n}+petition@${domain}` : `${local}${n}@${domain}`;
      const documentIndex = pickIndex(documents.table, random());
      const document = documents.list[documentIndex];
      const state = stateNames[pickIndex(stateTable, random())];
      const createdAt = Math.floor(end - span + ((i + random()) / count) * span);
      const r = random();
      const display = r < 0.6 ? "full" : r < 0.85 ? "initials" : "hidden";
      const comment = random() < 0.1 ? COMMENTS[(random() * COMMENTS.length) | 0] : null;
      const updates = random() < 0.4 ? 1 : 0;
      const wasConfirmed = state === "confirmed" || (state !== "pending" && random() < 0.7);
      const confirmedAt = wasConfirmed ? Math.min(now, createdAt + confirmationDelay(random(), random())) : null;
      const { lastInsertRowid } = insertSignature.run(document.id, person.name, email, emailKey(email), country, city,
        comment, display, updates, state, createdAt, confirmedAt);
      if (state === "confirmed") confirmedPerDocument[documentIndex]++;
      if (state === "pending" && withOutbox) {
        const tokenNonce = nonces();
        insertToken.run(hashToken(deriveToken(withOutbox.secret, tokenNonce)), lastInsertRowid, now + TOKEN_TTL);
        const payload: ConfirmEmailPayload = {
          name: person.name, documentTitle: document.title, documentKind: document.kind,
          documentSlug: document.slug, tokenNonce,
        };
        insertMessage.run(email, JSON.stringify(payload), now, now);
      }
    }
    // Counters stay exact at every commit, not only at the end.
    for (const [index, added] of confirmedPerDocument.entries()) {
      if (added > 0) addToCount.run(added, documents.list[index].id);
    }
  });

  // The bulk load needs no fsync per commit and a cache large enough for the index pages; both are restored.
  const synchronous = client.pragma("synchronous", { simple: true });
  const cacheSize = client.pragma("cache_size", { simple: true });
  client.pragma("synchronous = OFF");
  client.pragma("cache_size = -131072"); // 128 MiB: 2 MiB makes 1M rows ~35% slower
  try {
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH);
      writeBatch.immediate(from, to);
      onProgress?.(to, count);
    }
    client.transaction(() => client.prepare(RECOUNT_SQL).run()).immediate();
  } finally {
    client.pragma(`synchronous = ${Number(synchronous)}`);
    client.pragma(`cache_size = ${Number(cacheSize)}`);
  }
  return { inserted: count };
}

/** Nonces as newTokenNonce() makes them (32 random bytes, base64url), drawn in bulk: one call each is slow. */
function noncePool(): () => string {
  const size = 32;
  let bytes = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset === bytes.length) [bytes, offset] = [randomBytes(size * 4096), 0];
    offset += size;
    return bytes.toString("base64url", offset - size, offset);
  };
}

/** Most people confirm within the hour, some the next day, a few days later. */
function confirmationDelay(r: number, s: number): number {
  if (r < 0.7) return 30_000 + Math.floor(s * 3_600_000);
  if (r < 0.95) return 3_600_000 + Math.floor(s * DAY);
  return DAY + Math.floor(s * 3 * DAY);
}
