// Realistic synthetic people for the data generator: names in many scripts with their countries and
// cities, ASCII local parts for their emails, email domains and a few comments.
import { cumulative } from "./weighted";

export const DOMAINS: [string, number][] = [
  ["example.org", 35],
  ["example.com", 22],
  ["example.net", 12],
  ["gmail.com", 20],
  ["googlemail.com", 3],
  ["mail.example", 8],
];

// Name pools by script: given names "male"/"female", family names "masculine/feminine" where they differ,
// "native:ascii" where the ascii form (for the address) cannot be derived by transliteration; "_" is a space.
type GroupSpec = {
  weight: number;
  countries: string;
  male: string;
  female: string;
  family: string;
  familyFirst?: boolean;
  joiner?: string;
};
// The first group also stands for signers from anywhere else.
const GROUPS: GroupSpec[] = [
  {
    weight: 12,
    countries: "US US US GB GB IE CA AU NZ",
    male: "James John Michael David Oliver Liam Noah Ethan",
    female: "Mary Emma Olivia Sophie Grace Chloe Hannah Emily",
    family: "Smith Johnson Brown Taylor Wilson O'Brien Walker Clarke MacLeod",
  },
  {
    weight: 28,
    countries: "RU RU RU RU RU RU RU RU RU RU RU RU BY KZ DE IL LV GE AM RS",
    male: "Алексей Дмитрий Сергей Иван Михаил Андрей Николай Павел Артём Юрий Григорий Лев",
    female: "Анна Мария Елена Ольга Наталья Татьяна Вера Ирина Светлана Ксения Дарья Юлия",
    family:
      "Иванов/Иванова Смирнов/Смирнова Кузнецов/Кузнецова Попов/Попова Соколов/Соколова " +
      "Лебедев/Лебедева Морозов/Морозова Волков/Волкова Орлов/Орлова Гинзбург Цой Белых",
  },
  {
    weight: 5,
    countries: "UA UA UA UA PL DE CZ",
    male: "Олександр Андрій Тарас Богдан Дмитро Євген",
    female: "Олена Ірина Оксана Юлія Наталія Соломія",
    family: "Шевченко Коваленко Бондаренко Ткаченко Кравчук Мельник Гнатюк",
  },
  {
    weight: 6,
    countries: "FR FR FR FR BE CH CA LU",
    male: "François Jérôme Loïc Noël Théo Benoît Gaël Jean-Luc",
    female: "Amélie Zoé Hélène Céline Léa Chloé Maëlle Inès",
    family: "Lefèvre Dubois Girard Moreau Bérénger Faure Lemaître",
  },
  {
    weight: 6,
    countries: "ES ES MX AR CO CL PT PT BR BR",
    male: "José Iñaki Álvaro Martín João Gonçalo Sebastián",
    female: "María Begoña Lucía Inés Conceição Sofía Ximena",
    family: "García Núñez Muñoz Fernández Gonçalves Peña Araújo Ibáñez",
  },
  {
    weight: 7,
    countries: "DE DE DE DE AT CH SE NO DK FI NL",
    male: "Jürgen Lukas Björn Søren Matthias Åke Felix",
    female: "Märta Åsa Sophie Jördis Ingrid Käthe Sigrún",
    family: "Müller Schröder Weiß Ødegård Åström Fischer Groß Lindqvist",
  },
  {
    weight: 4,
    countries: "PL PL PL CZ CZ SK",
    male: "Łukasz Wojciech Paweł Jiří Tomáš Michał",
    female: "Małgorzata Agnieszka Zofia Petra Kateřina Žaneta",
    family: "Kowalski/Kowalska Wiśniewski/Wiśniewska Nowak Dvořák/Dvořáková Novák/Nováková Šťastný/Šťastná Wójcik",
  },
  {
    weight: 1.5,
    countries: "HU HU RO SK",
    familyFirst: true,
    male: "Zoltán László Gábor Bence Ádám",
    female: "Zsófia Katalin Eszter Réka Tünde",
    family: "Nagy Kovács Tóth Szabó Horváth Fehér",
  },
  {
    weight: 2,
    countries: "TR TR TR DE",
    male: "Şükrü Gökhan Emre Barış Oğuz",
    female: "Ayşe Çağla Elif Gülşen Zeynep",
    family: "Öztürk Yılmaz Şahin Çelik Doğan Aydın",
  },
  {
    weight: 1,
    countries: "VN VN VN US",
    familyFirst: true,
    male: "Văn_Nam Minh_Đức Quốc_Bảo Hoàng_Long",
    female: "Thị_Hương Thu_Trang Ngọc_Anh Thị_Lan",
    family: "Nguyễn Trần Lê Phạm Huỳnh Đặng",
  },
  {
    weight: 3,
    countries: "GR GR GR GR CY",
    male: "Γιώργος Νίκος Δημήτρης Κώστας Γιάννης Αλέξανδρος",
    female: "Μαρία Ελένη Κατερίνα Σοφία Δέσποινα Αθηνά",
    family: "Παπαδόπουλος/Παπαδοπούλου Γεωργίου Οικονόμου Νικολαΐδης/Νικολαΐδου Καραγιάννης/Καραγιάννη Βλάχος/Βλάχου",
  },
  {
    weight: 4,
    countries: "EG EG MA LB JO TN SY IQ PS AE",
    male: "محمد:mohamed أحمد:ahmed عمر:omar يوسف:youssef كريم:karim خالد:khaled",
    female: "فاطمة:fatima ليلى:layla نور:nour مريم:maryam سلمى:salma رنا:rana",
    family: "حداد:haddad منصور:mansour خوري:khoury صالح:saleh الحسن:alhassan عبدالله:abdallah",
  },
  {
    weight: 1.5,
    countries: "IR IR IR DE",
    male: "علی:ali رضا:reza داریوش:dariush",
    female: "شیرین:shirin نسرین:nasrin پریسا:parisa",
    family: "حسینی:hosseini رضایی:rezaei احمدی:ahmadi کریمی:karimi",
  },
  {
    weight: 4,
    countries: "IL IL IL IL US",
    male: "דוד:david יוסי:yossi אבי:avi איתי:itay עומר:omer",
    female: "נועה:noa מיכל:michal תמר:tamar שירה:shira יעל:yael",
    family: "כהן:cohen לוי:levi מזרחי:mizrahi פרץ:peretz ביטון:biton פרידמן:friedman",
  },
  {
    weight: 4,
    countries: "CN CN CN TW HK SG",
    familyFirst: true,
    joiner: "",
    male: "伟:wei 磊:lei 浩然:haoran 建国:jianguo 俊杰:junjie",
    female: "芳:fang 静:jing 秀英:xiuying 婷:ting 欣怡:xinyi",
    family: "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 赵:zhao",
  },
  {
    weight: 3,
    countries: "JP",
    familyFirst: true,
    joiner: "",
    male: "陽翔:haruto 蓮:ren 健太:kenta 大輔:daisuke 翔:sho",
    female: "結衣:yui さくら:sakura 美咲:misaki 陽菜:hina 愛子:aiko",
    family: "佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 渡辺:watanabe 山本:yamamoto",
  },
  {
    weight: 2,
    countries: "KR",
    familyFirst: true,
    joiner: "",
    male: "민준:minjun 도윤:doyun 현우:hyunwoo 지훈:jihoon",
    female: "서연:seoyeon 하은:haeun 지우:jiwoo 수빈:subin",
    family: "김:kim 이:lee 박:park 최:choi 정:jung 강:kang",
  },
  {
    weight: 3,
    countries: "IN IN IN IN NP GB",
    male: "राहुल:rahul अमित:amit सुनील:sunil अर्जुन:arjun विक्रम:vikram",
    female: "प्रिया:priya अनीता:anita दीपिका:deepika पूजा:pooja सीता:sita",
    family: "शर्मा:sharma वर्मा:verma गुप्ता:gupta सिंह:singh पटेल:patel जोशी:joshi",
  },
  {
    weight: 1.5,
    countries: "GE GE GE RU",
    male: "გიორგი:giorgi დავით:davit ლევან:levan ნიკა:nika",
    female: "ნინო:nino მარიამ:mariam თამარ:tamar ანა:ana",
    family: "ბერიძე:beridze კაპანაძე:kapanadze გელაშვილი:gelashvili ლომიძე:lomidze",
  },
  {
    weight: 1.5,
    countries: "AM AM AM RU FR",
    male: "Արամ:aram Դավիթ:davit Տիգրան:tigran Նարեկ:narek",
    female: "Անի:ani Մարիամ:mariam Լուսինե:lusine Նարինե:narine",
    family: "Սարգսյան:sargsyan Հակոբյան:hakobyan Պետրոսյան:petrosyan Գրիգորյան:grigoryan",
  },
];

const CITIES: Record<string, string> = {
  RU: "Москва|Санкт-Петербург|Новосибирск|Екатеринбург|Казань|Нижний Новгород|Пермь|Томск",
  BY: "Минск|Гомель",
  KZ: "Алматы|Астана",
  UA: "Київ|Львів|Харків|Одеса",
  US: "New York|Chicago|San Francisco|Austin",
  GB: "London|Manchester|Edinburgh",
  IE: "Dublin|Cork",
  CA: "Toronto|Montréal|Vancouver",
  AU: "Sydney|Melbourne",
  NZ: "Wellington",
  FR: "Paris|Lyon|Marseille|Besançon",
  BE: "Bruxelles|Liège",
  CH: "Genève|Zürich",
  LU: "Luxembourg",
  ES: "Madrid|Barcelona|A Coruña",
  MX: "Ciudad de México|Guadalajara",
  AR: "Buenos Aires|Córdoba",
  CO: "Bogotá|Medellín",
  CL: "Santiago",
  PT: "Lisboa|Porto",
  BR: "São Paulo|Rio de Janeiro|Belém",
  DE: "Berlin|München|Köln|Düsseldorf",
  AT: "Wien|Graz",
  SE: "Stockholm|Göteborg|Malmö",
  NO: "Oslo|Tromsø",
  DK: "København|Aarhus",
  FI: "Helsinki",
  NL: "Amsterdam|Utrecht",
  PL: "Warszawa|Kraków|Łódź|Gdańsk",
  CZ: "Praha|Brno|Plzeň",
  SK: "Bratislava|Košice",
  HU: "Budapest|Debrecen",
  RO: "Cluj-Napoca",
  TR: "İstanbul|Ankara|İzmir",
  VN: "Hà Nội|Thành phố Hồ Chí Minh|Đà Nẵng",
  GR: "Αθήνα|Θεσσαλονίκη|Πάτρα",
  CY: "Λευκωσία|Λεμεσός",
  EG: "القاهرة|الإسكندرية",
  MA: "الدار البيضاء|الرباط",
  LB: "بيروت",
  JO: "عمّان",
  TN: "تونس",
  SY: "دمشق",
  IQ: "بغداد",
  PS: "رام الله",
  AE: "دبي",
  IR: "تهران|اصفهان",
  IL: "תל אביב-יפו|ירושלים|חיפה|באר שבע",
  CN: "北京|上海|广州|深圳|成都",
  TW: "台北|高雄",
  HK: "香港",
  SG: "Singapore",
  JP: "東京|大阪|京都|札幌",
  KR: "서울|부산|인천",
  IN: "मुंबई|दिल्ली|पुणे|जयपुर|Bengaluru",
  NP: "काठमाडौं",
  GE: "თბილისი|ბათუმი|ქუთაისი",
  AM: "Երևան|Գյումրի",
  LV: "Rīga",
  RS: "Beograd|Нови Сад",
};

// Some comments are multi-line, quoted or start with = + - @ or a tab, to exercise CSV neutralisation.
export const COMMENTS = [
  "Свободу политзаключённым!",
  "Подписываю от имени всей семьи.\nСпасибо за вашу работу.",
  "Free them all.",
  "My grandfather was arrested in 1937.\nHe was rehabilitated in 1957.\nOthers are still waiting.",
  "Solidarité totale.",
  "Ich unterschreibe für meinen Großvater.",
  '=HYPERLINK("https://example.com","details")',
  "=1+1",
  "+7 (999) 123-45-67, call me if you need a witness",
  "+1 for the letter",
  "-- from Berlin, with love",
  "@moscowtrials see you at the hearing",
  "\tindented, for some reason",
  'He said "never again", and meant it.',
  "الحرية للمعتقلين",
  "חופש לאסירים הפוליטיים",
  "释放所有政治犯。",
  "真実を。",
  "सच की जीत हो",
  "Ελευθερία!",
  "Justicia, ahora.\n\n— desde Buenos Aires",
];

const TRANSLIT: Record<string, string> = Object.fromEntries(
  (
    "а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh " +
    "щ:shch ъ: ы:y ь: э:e ю:yu я:ya і:i ї:yi є:ye ґ:g α:a β:v γ:g δ:d ε:e ζ:z η:i θ:th ι:i κ:k λ:l μ:m ν:n ξ:x " +
    "ο:o π:p ρ:r σ:s ς:s τ:t υ:y φ:f χ:ch ψ:ps ω:o ł:l ø:o ß:ss æ:ae œ:oe đ:d ı:i"
  )
    .split(" ")
    .map((pair) => pair.split(":")),
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
  for (const [given, family] of [
    [parts(spec.male), masculine],
    [parts(spec.female), feminine],
  ]) {
    for (const g of given) {
      for (const f of family) {
        const name = spec.familyFirst ? f.native + joiner + g.native : g.native + joiner + f.native;
        // Local parts end in a letter or separator: the row number appended to them keeps every address unique.
        const locals = [
          `${g.ascii}.${f.ascii}.`,
          `${g.ascii}${f.ascii}`,
          `${g.ascii[0]}.${f.ascii}`,
          `${g.ascii}_${f.ascii}_`,
        ];
        people.push({ name, locals });
      }
    }
  }
  return { weight: spec.weight, people, countries: spec.countries.split(" ") };
}

let pools: { groups: Group[]; groupCumulative: Float64Array; cities: Record<string, string[]> } | undefined;
export function namePools() {
  pools ??= {
    groups: GROUPS.map(buildGroup),
    groupCumulative: cumulative(GROUPS.map((group) => group.weight)),
    cities: Object.fromEntries(Object.entries(CITIES).map(([code, list]) => [code, list.split("|")])),
  };
  return pools;
}
