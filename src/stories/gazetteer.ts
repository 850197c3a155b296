/**
 * Small word lists for entity typing and merging. Not meant to be complete: they settle the common
 * cases (titles, country names and aliases, organisation words); everything else is typed from
 * context or left as "other".
 */
import { MORE_PLACES } from "./places.js";

/** Nationality adjectives beyond MAJOR_NATIONALITIES: "Chilean", "Kenyan". */
const NATIONALITIES = (
  "Albanian Algerian Angolan Argentine Argentinian Austrian Azerbaijani Bahraini Bangladeshi Belgian Bolivian Bosnian Bulgarian Burmese " +
  "Cambodian Cameroonian Chilean Colombian Congolese Croatian Cypriot Czech Danish Dominican Ecuadorean Ecuadorian Emirati Eritrean Estonian " +
  "Ethiopian Filipino Finnish Ghanaian Guatemalan Haitian Honduran Hungarian Icelandic Indonesian Irish Jamaican Jordanian Kazakh Kenyan " +
  "Kuwaiti Kyrgyz Laotian Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malaysian Malian Mauritanian Moldovan Mongolian Moroccan " +
  "Mozambican Namibian Nepalese Nicaraguan Nigerian Nigerien Omani Panamanian Paraguayan Peruvian Portuguese Qatari Romanian Rwandan " +
  "Salvadoran Senegalese Serbian Singaporean Slovak Slovenian Somali Sudanese Swiss Taiwanese Tajik Tanzanian Thai Tunisian Turkmen " +
  "Ugandan Uruguayan Uzbek Vietnamese Yemeni Zambian Zimbabwean Tibetan Scandinavian Asian African English Spaniard " +
  "Swede Briton Serb Croat Turk Kosovar Basque Catalan Tamil Hutu Tutsi Pashtun Muslim Hindu Sikh Jewish"
).split(" ");

/** The nationality words news uses most, adjectives and title openers alike ("Russian", "Russian Foreign Minister"). */
const MAJOR_NATIONALITIES = (
  "Russian American British French German Chinese Ukrainian Syrian Israeli Iranian Turkish Brazilian Japanese Indian Italian Spanish " +
  "Canadian Australian European Palestinian Iraqi Saudi Egyptian Mexican Venezuelan Cuban Korean Polish Dutch Swedish Norwegian Greek " +
  "Pakistani Belarusian Georgian Armenian Chechen Afghan Arab Soviet Kurdish"
).split(" ");

const TITLE_WORDS =
  "President|Presidents|Vice President|Minister|Secretary|Secretary of State|Secretary of Defense|Secretary-General|Ambassador|Envoy|Senator|Sen\\.|Rep\\.|Representative|Congressman|Congresswoman|Gov\\.|Governor|Mayor|Chancellor|Premier|King|Queen|Prince|Princess|Pope|Cardinal|Bishop|Archbishop|Rabbi|Imam|Sheikh|General|Gen\\.|Lt\\.|Col\\.|Colonel|Major|Maj\\.|Captain|Capt\\.|Admiral|Adm\\.|Sgt\\.|Sergeant|Commander|Judge|Justice|Chief Justice|Prosecutor|Attorney General|Speaker|Leader|Chairman|Chairwoman|Chair|Director|Spokesman|Spokeswoman|Spokesperson|Adviser|Advisor|Aide|Officer|Detective|Inspector|Dr\\.|Dr|Mr\\.|Mr|Mrs\\.|Mrs|Ms\\.|Ms|Professor|Prof\\.|Sir|Dame|Lord|Lady|CEO|Founder|Coach|Chief of Staff|Chief|Commissioner|Counselor|Counsellor|Agent|Lieutenant|Sheriff|Candidate";

/** A title or role before a name: "President", "Russian Foreign Minister", "U.S. Secretary of State". */
export const TITLES = new RegExp(
  `^(?:(?:the|The|Former|former|Then|then|Acting|Deputy|Vice|Chief|Top|Senior|U\\.S\\.|US|South Korean|North Korean|${[...MAJOR_NATIONALITIES, ...NATIONALITIES].join("|")}|Democratic|Republican|State|Foreign|Defense|Defence|Prime|Interior|Finance|Justice|Health|Trade|Energy|Education|Secretary-General|General|Attorney|Special|Presidential|National Security|White House|Kremlin) )*` +
    `(?:${TITLE_WORDS})$`,
);

/** The words that end a title, whatever comes before them ("Transport Minister", "Microsoft Senior Vice President"). */
export const TITLE_WORD = new Set(TITLE_WORDS.split("|").map((w) => w.replace(/\\/g, "")).filter((w) => !w.includes(" ")));

/** What a minister or secretary is "of": "Minister of Health", "Secretary of Foreign Affairs". */
export const PORTFOLIOS = new Set(
  (
    "State|Defense|Defence|War|Labor|Labour|Agriculture|Health|Public Health|Justice|Finance|Education|Energy|Interior|the Interior|Commerce|" +
    "Transportation|Transport|Trade|Industry|Culture|Tourism|Housing|Environment|Treasury|the Treasury|Foreign Affairs|Home Affairs|" +
    "External Relations|External Affairs|Internal Affairs|Natural Resources|National Defense|National Defence|Public Security|Information|Economy"
  ).split("|"),
);

/** Capitalised words that are not names on their own. */
export const NOT_NAMES = new Set(
  (
    "The A An In On At But And Or It He She They We I You This That These Those His Her Their Its Our There After Before When While As If " +
    "Some Many Most Both No Yet So For Since Although Though Despite However Meanwhile Still Also Then Now Last Earlier Later What Who Why How Where " +
    "Here According Asked Former Mr Mrs Ms Dr Mr. Mrs. Ms. Dr. One Two Three First Second New Photo AD Advertisement Share Read More Click Sign Subscribe " +
    "By With From To Of Not All Every Each Other Such Only Even Just Over Under Into During Between Among Without Within Against Toward Towards " +
    "Is Are Was Were Be Been Will Would Could Should May Might Must Can Did Does Do Has Have Had Said Says Told Like Let Please Yes Oh OK TV " +
    "Several Whether Throughout Today Tonight Yesterday Tomorrow Once Until Unless Upon Because Instead Perhaps Unlike Beyond Through Across Around Besides My Your"
  ).split(" "),
);

export const MONTHS_AND_DAYS = new Set(
  (
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec " +
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
  ).split(" "),
);

/** Abbreviations of time zones, currencies, units and common nouns ("09:00 UTC", "5 billion USD", "the OS", "an SUV"): no one's name. */
export const CODES = new Set(
  (
    "UTC GMT BST EST EDT CST CDT MST MDT PST PDT CET CEST EET EEST AEST AEDT JST IST " +
    "USD EUR GBP JPY CNY RMB CHF AUD CAD HKD INR RUB " +
    "OS PC PCs SUV SUVs CD CDs DVD DVDs GDP GNP CPI GHG GHGs CO2 HIV AIDS SARS DNA ID IQ AM PM MPH KM KG URL PDF SMS ATM"
  ).split(" "),
);

/** A firm's legal form after its name: "Microsoft Corp", "Monsanto Co." */
export const FIRM_FORMS = new Set(["Corp", "Corp.", "Corporation", "Inc", "Inc.", "Co", "Co.", "Ltd", "Ltd."]);

/** Words that make a name an organisation. */
export const ORG_WORDS = new Set([
  ...FIRM_FORMS,
  ...(
    "Ministry Department Agency Nations Council Committee Party University College School Bank Company " +
    "Group Association Union Organization Organisation Institute Institution Commission Court Army Navy Force Forces Office Service Services News " +
    "Times Post Journal Network Foundation Congress Senate Parliament Duma Kremlin Pentagon Police Airlines Airways Air Agency Authority Board " +
    "Institutes Program Programme Front Panel Corps Bureau Center Centre Centers Centres Endowment Club Society Federation League Alliance Coalition Fund Trust Holdings Industries Motors Systems Technologies " +
    "Telecom Telecoms Telecommunications Pharmaceuticals Bancorp Insurance Securities Airline Electronics Petroleum " +
    "Press Reuters AP AFP BBC CNN Government Administration Cabinet Assembly Tribunal Guard Guards Brigade Regiment Embassy Consulate Mission " +
    "House Hospital Church Museum Watch Studios Records Labs Laboratory Review Magazine Herald Tribune Telegraph Gazette Radio Television TV Channel"
  ).split(" "),
]);

/** Name variants of one entity → its name. */
export const ALIASES = new Map<string, string>([
  ...pairs("United States", ["U.S.", "US", "U.S.A.", "USA", "United States of America", "America", "the United States"]),
  ...pairs("United Kingdom", ["U.K.", "UK", "Britain", "Great Britain"]),
  ...pairs("Russia", ["Russian Federation", "the Russian Federation"]),
  ...pairs("United Nations", ["U.N.", "UN"]),
  ...pairs("European Union", ["E.U.", "EU"]),
  ...pairs("NATO", ["Nato", "North Atlantic Treaty Organization"]),
  ...pairs("Soviet Union", ["USSR", "U.S.S.R."]),
  ...pairs("United Arab Emirates", ["UAE", "U.A.E."]),
  ...pairs("China", ["People's Republic of China", "PRC"]),
  ...pairs("State Department", ["U.S. State Department", "US State Department", "Department of State"]),
  // U.S. states abbreviated by initials ("Albany, N.Y."): places, not bodies named by initials;
  ...([["New York", "N.Y."], ["New Jersey", "N.J."], ["New Hampshire", "N.H."], ["New Mexico", "N.M."], ["North Carolina", "N.C."], ["North Dakota", "N.D."], ["South Carolina", "S.C."], ["South Dakota", "S.D."], ["Rhode Island", "R.I."], ["West Virginia", "W.Va."]] as const).map(([name, short]): [string, string] => [short, name]),
  // and by AP's short forms ("Palo Alto, Calif."; a name's final period is read as the sentence's): not "Miss", "Mass", "La", "Ill",
  // "Ind", "Pa", "Va", "Mo", "Del", "Conn" (titles, words, name particles, a surname) nor "Wash" (Washington is more often the capital).
  ...([["Alabama", "Ala"], ["Arizona", "Ariz"], ["Arkansas", "Ark"], ["California", "Calif"], ["Colorado", "Colo"], ["Florida", "Fla"], ["Georgia", "Ga"], ["Kansas", "Kan"], ["Kentucky", "Ky"], ["Maryland", "Md"], ["Michigan", "Mich"], ["Minnesota", "Minn"], ["Montana", "Mont"], ["Nebraska", "Neb"], ["Nevada", "Nev"], ["Oklahoma", "Okla"], ["Oregon", "Ore"], ["Tennessee", "Tenn"], ["Vermont", "Vt"], ["Wisconsin", "Wis"], ["Wyoming", "Wyo"]] as const).map(([name, short]): [string, string] => [short, name]),
]);

function pairs(name: string, variants: string[]): Array<[string, string]> {
  return [[name, name], ...variants.map((v): [string, string] => [v, name])];
}

/** Countries, and cities and regions often in the news. */
export const PLACES = new Set([
  ...(
    "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|" +
    "Bulgaria|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Ecuador|Egypt|Estonia|Ethiopia|" +
    "Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|" +
    "Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Macedonia|Madagascar|Malaysia|Mali|" +
    "Mexico|Moldova|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Norway|Oman|" +
    "Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Singapore|" +
    "Slovakia|Slovenia|Somalia|South Africa|South Korea|Spain|Sri Lanka|Sudan|South Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|" +
    "Thailand|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|" +
    "Yemen|Zambia|Zimbabwe|Crimea|Gaza|West Bank|Kashmir|Tibet|Chechnya|Donbas|Kurdistan|Europe|Asia|Africa|Latin America|Middle East|Arctic|" +
    "Washington|New York|Moscow|Sochi|St. Petersburg|Kiev|Kyiv|Minsk|London|Paris|Berlin|Rome|Madrid|Brussels|Geneva|Vienna|Beijing|Shanghai|" +
    "Hong Kong|Tokyo|Seoul|Pyongyang|Tehran|Baghdad|Damascus|Aleppo|Ankara|Istanbul|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Doha|Kabul|Islamabad|" +
    "New Delhi|Delhi|Mumbai|Caracas|Havana|Mexico City|Rio de Janeiro|Sao Paulo|São Paulo|Brasilia|Buenos Aires|Lima|Bogota|Santiago|Ottawa|Toronto|" +
    "Sydney|Canberra|Nairobi|Lagos|Johannesburg|Helsinki|Stockholm|Oslo|Copenhagen|Warsaw|Prague|Budapest|Athens|Lisbon|Dublin|Amsterdam|" +
    "Alabama|Arizona|Arkansas|Colorado|Connecticut|Delaware|Idaho|Illinois|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|" +
    "Minnesota|Mississippi|Missouri|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|" +
    "Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Utah|Vermont|West Virginia|Wisconsin|Wyoming|Puerto Rico|New England|" +
    "Alaska|California|Texas|Florida|Hawaii|Manhattan|Brooklyn|Chicago|Los Angeles|San Francisco|Boston|Seattle|Miami|Atlanta|Paris"
  ).split("|"),
  ...MORE_PLACES,
]);

/** Last words that make a name a place: "Atlantic Ocean", "Black Sea", "Gulf of Mexico" (first word). */
export const PLACE_WORDS = new Set(
  "Ocean Sea Sound Gulf Bay River Lake Mountains Mountain Island Islands Strait Peninsula Valley Desert Canal Province County Region Square Street Avenue Boulevard Road Park Airport Station Beach Harbor Harbour Bridge Plaza Heights Hills Coast Forest Falls Canyon Glacier Reef Delta City".split(" "),
);

/** Words for peoples, faiths and parties that are adjectives or common nouns, like nationality words ("Islamic militants", "the Aborigines"; "Olympic torch" below). */
const GROUP_WORDS =
  "Timorese Scottish Welsh Yugoslav Aboriginal Aborigine Native Hispanic Latino Islamic Islamist Christian Catholic Protestant Orthodox Shiite Sunni " +
  "Buddhist Mormon Evangelical Democratic Communist Socialist Marxist Maoist Nazi Fascist Zionist";

/** Nationality words: adjectives, not entities ("a Russian official", "the Chileans"). */
export const DEMONYMS = new Set([
  ...(
    "Russians Americans Germans Ukrainians Syrians Israelis Iranians Europeans Arabs Kurds Palestinians Iraqis Koreans " +
    "Crimean Western Eastern Northern Southern Democrat Democrats Republican Republicans"
  ).split(" "),
  ...withPlurals(MAJOR_NATIONALITIES.join(" ")),
  ...withPlurals(NATIONALITIES.join(" ")),
  ...withPlurals(GROUP_WORDS),
  // Not "Olympics": the Games are a name.
  "Olympic",
]);

/** "Chilean" and "Chileans": a word and its plural ("-ese", "-ish", "Swiss" and the like have none). */
function withPlurals(words: string): string[] {
  return words.split(" ").flatMap((w) => (/(?:ese|ish|ss|ch|sh|Thai|Czech|Kyrgyz|Turkmen|Uzbek|Tajik|Kazakh)$/.test(w) ? [w] : [w, `${w}s`]));
}

/** Wire services, news agencies and the big papers and broadcasters: a story's sources, seldom its actors. */
export const NEWS_MEDIA = new Set(
  (
    "AP|Associated Press|The Associated Press|Reuters|AFP|Agence France-Presse|Agence France Presse|Xinhua|Xinhua News Agency|New China News Agency|" +
    "UPI|United Press International|Interfax|Itar-Tass|ITAR-TASS|Tass|TASS|RIA Novosti|Kyodo|Kyodo News|Yonhap|Anadolu|ANSA|EFE|DPA|dpa|" +
    "Deutsche Presse-Agentur|Press Trust of India|PTI|Bernama|Antara|IRNA|MENA|KCNA|Notimex|Prensa Latina|Bloomberg|Dow Jones|" +
    "BBC|CNN|NPR|ABC News|CBS News|NBC News|Fox News|Al Jazeera|New York Times|The New York Times|Washington Post|The Washington Post|" +
    "Wall Street Journal|The Wall Street Journal|Los Angeles Times|Financial Times|The Guardian|China Daily|People's Daily"
  ).split("|"),
);
