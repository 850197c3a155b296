/**
 * People, organisations and places a story names, with their variants merged.
 *
 * Written by hand: wink-eng-lite-web-model's named entities are dates, numbers, money, e-mails and
 * the like, with no person, organisation or place types, and a full part-of-speech pass over every
 * article costs more than this scan. Names are runs of capitalised words (with "of", "de", "al"…
 * inside, acronyms such as U.S.); a sentence-initial word counts only when the story also uses it
 * mid-sentence. Types come from cues: a title before the name ("Foreign Minister Sergei Lavrov":
 * person), an organisation word in it ("State Department", "Carnegie Endowment"), a short gazetteer
 * of countries and cities, and aliases (U.S. = United States, Russian Federation = Russia). A lone
 * surname ("Lavrov") joins the one full name ending with it; first names spelt alike ("Sergei",
 * "Sergey") merge.
 */
import type { Article, Entity, EntityType } from "../types/index.js";
import { acronymsOf, initialsOf, isAcronym } from "./initialisms.js";
import { ALIASES, CODES, DEMONYMS, FIRM_FORMS, MONTHS_AND_DAYS, NEWS_MEDIA, NOT_NAMES, ORG_WORDS, PLACE_WORDS, PLACES, PORTFOLIOS, TITLE_WORD, TITLES } from "./gazetteer.js";
import { GIVEN_NAMES } from "./given-names.js";

/** One mention of a name in an article. */
export interface Mention {
  articleId: string;
  start: number;
  end: number;
  /** The name as written, titles and possessive removed. */
  text: string;
  /** The title or role just before it, if any ("Foreign Minister"). */
  title?: string;
  /** A single word opening a sentence: a name only if the story also uses it mid-sentence. */
  initial?: boolean;
  /** Followed by a speech verb ("Lavrov said"): a person, unless a place or organisation. */
  speaks?: boolean;
  /** A single word after "the", "a" or "an" and before no noun ("the Wetlands", "a CD"; not "the Bush administration"): a common noun's use, never a surname's. */
  determined?: boolean;
  /** A single word the article also writes in lower case ("Change", "City", "Wars"): a common word, seldom a surname. */
  common?: boolean;
  /** After "in" or "near" ("in Pichilemu"): where something is. */
  located?: boolean;
  /** Followed by an age ("Xiao Tan, 32,"): a person. */
  aged?: boolean;
  /** After a person's role or kin in lower case ("lawyer Tom Ruiz", "his wife, Ana", "his main rival, Luiz"): a person. */
  role?: boolean;
  /** A news agency credited as the source ("(Xinhua) --", "told Reuters", "Interfax reported"): not an actor of the story. */
  credit?: boolean;
  /** Followed in its clause by "its", or by a firm's or movement's noun ("Swissair said its", "Volvo shares", "Peace Now activists"): a body's name. */
  corporate?: boolean;
  /** Followed by a body's staff or holdings ("Merck shares", "BofA officials", "Fleet spokesman"): an organisation, whatever its "its" would say of a thing. */
  staffed?: boolean;
  /** Followed in its clause by "he", "his", "she" or "her" before any "its": a person's name, or a person's possessor. */
  personal?: boolean;
  /** "Reno said she", "Lujan said that he", "Mr." or "Mrs.": which pronoun stands for the name. */
  gender?: "he" | "she";
  /** The whole of a quotation ("Star Wars", 'Peace Now'): a work's or a group's title, not a person. */
  quoted?: boolean;
  /** Named as a group ("the militant group Hamas", "his team Rabobank", "Hamas militants"): an organisation. */
  grouped?: boolean;
  /** A plural after "the" ("the Branch Davidians", "the Sandinistas"): a group's members, not one person. */
  members?: boolean;
  /** A name of several words between "the", "a" or "an" and a noun ("the Super Kamiokande detector"): a thing's name as a modifier, seldom a person's. */
  modifier?: boolean;
  /** A single word before a lower-case noun ("a Pima man", "Pima studies"). */
  adjective?: boolean;
  /** Ending in s after "the" ("the Gila River Pimas", "the Pimas"). */
  plural?: boolean;
}

const POSSESSIVE = /['’]s$/;
const AFTER_THE = /\bthe\s$/i;
const SPEAKS = /^['’]?s?\s+(?:said|says|told|added|asked|wrote|tweeted|insisted|warned|argued|noted|stressed|replied|recalls|recalled)\b/;
/** '"It's a box," says Freedman.': a name after a quotation's verb of saying is its speaker (not '," said Acme spokesman Jo Doe'). */
const SAYS_BEFORE = /["”],?\s+(?:said|says|adds|added|asks|asked|explains|explained|recalls|recalled)\s$/;

const TOKEN = /[\p{Lu}][\p{L}\p{M}\d’'.-]*|[\p{Ll}][\p{L}’'-]*|\d+(?:[,.]\d+)*|[^\s\p{L}\d]/gu;
/** A number that ends a name: "Flight 447", "Boeing 737", "Apollo 11" (not "June 1", "Syria 2%"). */
const NAME_NUMBER = /^\d{1,4}$/;
/** A name with a number in it ("Airbus A330", "Flight 447") names a thing, never a person. */
const DIGIT = /\d/;
/** "Albert Lasker Award", "Nobel Peace Prize", "Davis Cup": an honour named after someone, not the someone. */
const HONOUR = / (?:Award|Awards|Prize|Prizes|Medal|Trophy|Cup)$/;

/** A name with a number in it or naming an honour: a thing, however much it reads like a person's. */
function namesAThing(name: string): boolean {
  return DIGIT.test(name) || HONOUR.test(name);
}
const CONNECTORS = new Set(["of", "de", "del", "la", "al", "el", "es", "bin", "ibn", "bint", "arap", "van", "von", "der", "du", "da", "dos", "das", "di", "for"]);
/** Capitalised words that keep their final period: initials ("U.S.") and these abbreviations. */
const ABBREVIATIONS = /^(?:(?:\p{Lu}\.)+|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Sen\.|Rep\.|Gov\.|Gen\.|Lt\.|Col\.|Capt\.|Adm\.|Sgt\.|Prof\.|Jr\.|Sr\.|Inc\.|Corp\.|Ltd\.|Co\.|Maj\.)$/u;

/** "Co", "Inc.": a firm's form cut from its name ("Smith & Co", "Caldera, Inc."), no name alone. */
const BARE_FIRM_FORM = /^(?:Inc|Corp|Co|Ltd)\.?$/;
const LONE_INITIAL = /^\p{Lu}\.$/u;
const COMPOUND_ADJECTIVE = /^[\p{Lu}][\p{L}.]*-[\p{Ll}]/u;
/** Further in, only the common place and sponsor adjectives ("Li Ka-shing" keeps his name). */
const PLACE_ADJECTIVE = /^[\p{Lu}][\p{L}.]*-(?:based|led|backed|owned|run|born|funded|controlled|sponsored|made|style)$/u;
/** "It's", "Where's", "That's": 's for is or has. */
const CONTRACTED_IS = /['’]s$/;
/** "I'm", "I've", "I'll", "I'd": the pronoun, capitalised wherever it stands, never a name. */
const PRONOUN_I = /^I['’](?:m|ve|ll|d)$/;

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word) && !PRONOUN_I.test(word);
}

/** Mentions found per article object: a story's label, entities and quotes each read them. */
const mentionsOf = new WeakMap<object, { id: string; text: string; mentions: readonly Mention[] }>();

/** Every capitalised run of an article, as name mentions (titles split off). Read-only: shared by every caller. */
export function findMentions(article: Pick<Article, "id" | "text">): readonly Mention[] {
  const known = mentionsOf.get(article);
  if (known && known.text === article.text && known.id === article.id) return known.mentions;
  const mentions = mentionsIn(article);
  mentionsOf.set(article, { id: article.id, text: article.text, mentions });
  return mentions;
}

function mentionsIn(article: Pick<Article, "id" | "text">): Mention[] {
  const { text } = article;
  const out: Mention[] = [];
  const tokens: Array<{ w: string; start: number; end: number }> = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let w = m[0];
    if (w.length > 1 && w.endsWith(".") && !ABBREVIATIONS.test(w)) {
      // "Wednesday." ends a sentence: the period is punctuation, and no name runs on past it.
      w = w.slice(0, -1);
      tokens.push({ w, start: m.index, end: m.index + w.length }, { w: ".", start: m.index + w.length, end: m.index + w.length + 1 });
    } else tokens.push({ w, start: m.index, end: m.index + w.length });
  }
  const headlines = titleCaseLines(text);
  const lower = new Set(tokens.filter((t) => !isCapitalised(t.w)).map((t) => t.w));
  const ctx: RunContext = { id: article.id, text, lower };
  const isWholeName = wholeNames(text, tokens);
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i].w) || headlines.some(([a, b]) => tokens[i].start >= a && tokens[i].start < b)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < tokens.length && isCapitalised(tokens[j].w) && adjacent(text, tokens[j - 1].end, tokens[j].start)) j++;
      else if (j < tokens.length && NAME_NUMBER.test(tokens[j].w) && !MONTHS_AND_DAYS.has(tokens[j - 1].w) && adjacent(text, tokens[j - 1].end, tokens[j].start) && !/^\s*(?:%|percent\b|per cent\b)/.test(text.slice(tokens[j].end, tokens[j].end + 9))) {
        j++;
        break;
      } else if (bodyNameGoesOn(text, tokens, i, j) || fieldGoesOn(ctx, tokens, i, j) || fieldsJoined(ctx, tokens, i, j)) j += 2;
      else if (j + 1 < tokens.length && CONNECTORS.has(tokens[j].w) && isCapitalised(tokens[j + 1].w) && adjacent(text, tokens[j - 1].end, tokens[j].start) && adjacent(text, tokens[j].end, tokens[j + 1].start)) j += 2;
      else break;
    }
    let run = tokens.slice(i, j);
    // "E. coli", "S. aureus": an initial alone abbreviates a word; it names no one.
    if (run.length === 1 && LONE_INITIAL.test(run[0].w)) {
      i = j;
      continue;
    }
    // "Russian-mediated", "U.S.-led", "San Mateo-based": a compound adjective, not part of the name after it.
    while (run.length && COMPOUND_ADJECTIVE.test(run[0].w)) run = run.slice(1);
    const adjective = run.findLastIndex((t) => PLACE_ADJECTIVE.test(t.w));
    if (adjective >= 0) run = run.slice(adjective + 1);
    let initial = sentenceStart(text, tokens[i].start) && run.length === j - i;
    let whole = run.length > 1 && isWholeName(run);
    // "Ahead of Tillerson's visit": a sentence's first word that the text also uses in lower case.
    // "Dr. Ahmet Ozkul of Intelsat", "President Clinton" opening a sentence keep their title for splitRun.
    // "That's Io, a moon of Jupiter", "\"Where's Evan?\"": a function word's contraction opens no name.
    if (initial && run.length > 1 && (lower.has(run[0].w.toLowerCase()) || NOT_NAMES.has(run[0].w) || NOT_NAMES.has(run[0].w.replace(CONTRACTED_IS, ""))) && !whole && !TITLES.test(run[0].w)) {
      run = run.slice(1);
      while (run.length && CONNECTORS.has(run[0].w)) run = run.slice(1);
      initial = false;
      // "The New York Times": what is left may open with a place's name.
      whole = run.length > 1 && isWholeName(run);
    }
    // "Russia's Deputy Foreign Minister Sergei Ryabkov": the possessor is a mention of its own.
    // "Monsanto Co.'s Celebrex": likewise further in.
    // "Central People's Radio Station", "National People's Congress": a common noun's possessive is inside the name.
    for (let k = run.findIndex((t) => isPossessor(t.w, lower)); k >= 0 && k < run.length - 1; k = run.findIndex((t) => isPossessor(t.w, lower))) {
      out.push(...splitRun(ctx, run.slice(0, k + 1), initial, whole));
      run = run.slice(k + 1);
      initial = false;
      whole = false;
    }
    const found = splitRun(ctx, run, initial, whole);
    const last = found[found.length - 1];
    // "the Corps said", "the Pentagon said": a body speaking, not a person.
    if (last && SPEAKS.test(text.slice(last.end, last.end + 12)) && !AFTER_THE.test(text.slice(Math.max(0, last.start - 4), last.start))) last.speaks = true;
    const opening = found[0];
    if (opening && !opening.title && SAYS_BEFORE.test(text.slice(Math.max(0, opening.start - 16), opening.start)) && /^[,.;]/.test(text.slice(opening.end, opening.end + 1))) opening.speaks = true;
    out.push(...found);
    i = j;
  }
  for (const m of out) {
    if (NEWS_MEDIA.has(m.text) && creditsSource(text, m)) m.credit = true;
    if (!m.text.includes(" ") && lower.has(m.text.toLowerCase())) m.common = true;
    const attributive = ATTRIBUTIVE.test(text.slice(m.end, m.end + 20));
    if ((LOCATED.test(text.slice(Math.max(0, m.start - 12), m.start)) || (!attributive && LOCATED_THE.test(text.slice(Math.max(0, m.start - 18), m.start))) || PLACE_NOUN_AFTER.test(text.slice(m.end, m.end + 12)) || STATE_AFTER.test(text.slice(m.end, m.end + 8))) && !/['’]/.test(text[m.end] ?? "") && !/['’]$/.test(m.text)) m.located = true;
    if (ROLE_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) m.role = true;
    if (text[m.end] === "," && AGE_AFTER.test(text.slice(m.end, m.end + 8))) m.aged = true;
    const after = text.slice(m.end, m.end + 80);
    const pronoun = PRONOUN.exec(after)?.[1];
    const before = GROUP_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    // After a comma only as an apposition closed by one ("the militant group, Hamas, said"; not "In one group, Rebetron cut…").
    const grouped = (!!before && (!before[1] || text[m.end] === ",")) || GROUP_NOUN_AFTER.test(after);
    if (grouped) m.grouped = true;
    if (MEMBERS_PLURAL.test(m.text) && AFTER_THE.test(text.slice(Math.max(0, m.start - 4), m.start))) m.members = true;
    if (BODY_NOUN.test(after)) m.staffed = true;
    if (grouped || m.staffed || pronoun === "its" || pronoun === "itself") m.corporate = true;
    else if (pronoun) m.personal = true;
    const says = SAYS_PRONOUN.exec(after)?.[1];
    if (m.title && TITLE_GENDER.test(m.title)) m.gender = /^Mr\.?$/.test(m.title) ? "he" : "she";
    else if (says) m.gender = says === "he" ? "he" : "she";
    if (OPENING_QUOTE.test(text[m.start - 1] ?? "") && CLOSING_QUOTE.test(text.slice(m.end, m.end + 3))) m.quoted = true;
    const determiner = DETERMINER.test(text.slice(Math.max(0, m.start - 4), m.start));
    if (!m.text.includes(" ") && determiner && !attributive) m.determined = true;
    if (m.text.includes(" ") && determiner && attributive) m.modifier = true;
    if (!m.text.includes(" ") && attributive && !/^['’]/.test(text.slice(m.end, m.end + 1))) m.adjective = true;
    if (/\p{Ll}s$/u.test(m.text) && AFTER_THE.test(text.slice(Math.max(0, m.start - 4), m.start))) m.plural = true;
  }
  return out;
}

/**
 * "Centers for Disease Control and Prevention", "Board of Pardons and Paroles": a body's name whose field,
 * after its "of" or "for", goes on past an "and". Not "Bank of America and Wells Fargo" (a place after
 * "of") nor "Department of Agriculture and Physicians Committee" (a body's word after "and"): two names.
 */
function bodyNameGoesOn(text: string, tokens: ReadonlyArray<{ w: string; start: number; end: number }>, i: number, j: number): boolean {
  if (j + 1 >= tokens.length || tokens[j].w !== "and" || !isCapitalised(tokens[j + 1].w)) return false;
  if (!adjacent(text, tokens[j - 1].end, tokens[j].start) || !adjacent(text, tokens[j].end, tokens[j + 1].start)) return false;
  const run = tokens.slice(i, j).map((t) => t.w);
  const of = Math.max(run.lastIndexOf("of"), run.lastIndexOf("for"));
  if (of < 1 || run.includes("and") || !ORG_WORDS.has(run[of - 1])) return false;
  let k = j + 1;
  while (k + 1 < tokens.length && isCapitalised(tokens[k + 1].w) && adjacent(text, tokens[k].end, tokens[k + 1].start)) k++;
  const after = tokens.slice(j + 1, k + 1).map((t) => t.w);
  return [run.slice(of + 1), after].every((words) => !isPlaceName(words.join(" ")) && !words.some((w) => ORG_WORDS.has(w) || isPlaceName(w)));
}

/** Bodies named after the field they work "on": "Intergovernmental Panel on Climate Change", "Senate Committee on Appropriations". */
const FIELD_BODIES = new Set("Panel Committee Subcommittee Commission Council Conference Convention Institute Center Centre Program Programme Forum".split(" "));
/** A public body's last word, which two fields joined by "and" may go before ("Food and Drug Administration"). */
const PUBLIC_BODIES = new Set([...FIELD_BODIES, ..."Administration Agency Authority Board Bureau Department Service Foundation Society Association Alliance".split(" ")]);

/**
 * "Truth and Reconciliation Commission", "Fish and Wildlife Service": a field the article also writes in lower case, "and", then
 * a public body's name of two or three words. Not "Microsoft and Justice Department" (no common word before "and"), nor
 * "Department of Agriculture and Physicians Committee" (a body's name before it).
 */
function fieldsJoined(ctx: RunContext, tokens: ReadonlyArray<{ w: string; start: number; end: number }>, i: number, j: number): boolean {
  if (j + 2 >= tokens.length || tokens[j].w !== "and" || !(ctx.lower.has(tokens[j - 1].w.toLowerCase()) || ctx.lower.has(tokens[j + 1].w.toLowerCase()))) return false;
  if (!adjacent(ctx.text, tokens[j - 1].end, tokens[j].start) || !adjacent(ctx.text, tokens[j].end, tokens[j + 1].start)) return false;
  if (isPlaceName(tokens[j - 1].w) || tokens.slice(i, j).some((t) => CONNECTORS.has(t.w) || ORG_WORDS.has(t.w))) return false;
  let k = j + 1;
  while (k < tokens.length && k <= j + 3 && isCapitalised(tokens[k].w) && !PUBLIC_BODIES.has(tokens[k].w) && (k === j + 1 || adjacent(ctx.text, tokens[k - 1].end, tokens[k].start))) k++;
  return k > j + 1 && k < tokens.length && PUBLIC_BODIES.has(tokens[k].w) && adjacent(ctx.text, tokens[k - 1].end, tokens[k].start) && !tokens.slice(j + 1, k).some((t) => ORG_WORDS.has(t.w) || isPlaceName(t.w));
}

/**
 * "Panel on Climate Change", "National Institute on Drug Abuse": a body's name goes on over "on" when its field's first word is
 * also a common word of the article. Not "the Senate Judiciary Committee on Capitol Hill", "the Commission on Friday", "the Council on New York".
 */
function fieldGoesOn(ctx: RunContext, tokens: ReadonlyArray<{ w: string; start: number; end: number }>, i: number, j: number): boolean {
  if (j + 1 >= tokens.length || tokens[j].w !== "on" || !(FIELD_BODIES.has(tokens[j - 1].w) || researchOn(ctx, tokens, i, j))) return false;
  const field = tokens[j + 1].w;
  if (!isCapitalised(field) || !ctx.lower.has(field.toLowerCase()) || MONTHS_AND_DAYS.has(field)) return false;
  if (!adjacent(ctx.text, tokens[j - 1].end, tokens[j].start) || !adjacent(ctx.text, tokens[j].end, tokens[j + 1].start)) return false;
  let k = j + 1;
  while (k + 1 < tokens.length && isCapitalised(tokens[k + 1].w) && adjacent(ctx.text, tokens[k].end, tokens[k + 1].start)) k++;
  const after = tokens.slice(j + 1, k + 1).map((t) => t.w);
  return !after.some((_, n) => isPlaceName(after.slice(0, n + 1).join(" ")));
}

/** "Alliance for Research on": a body's field, in words the article also writes in lower case, goes on over "on". */
function researchOn(ctx: RunContext, tokens: ReadonlyArray<{ w: string; start: number; end: number }>, i: number, j: number): boolean {
  const run = tokens.slice(i, j).map((t) => t.w);
  const of = Math.max(run.lastIndexOf("of"), run.lastIndexOf("for"));
  return of >= 1 && of < run.length - 1 && ORG_WORDS.has(run[of - 1]) && run.slice(of + 1).every((w) => ctx.lower.has(w.toLowerCase()));
}

function isPlaceName(name: string): boolean {
  return PLACES.has(name) || ALIASES.has(name);
}

function isPossessor(word: string, lower: ReadonlySet<string>): boolean {
  return POSSESSIVE.test(word) && !lower.has(word.slice(0, -2).toLowerCase());
}

/** "Mr.", "Mrs.", "Ms.", "Miss": a title that says whether "he" or "she" stands for the name. */
const TITLE_GENDER = /^(?:Mr|Mrs|Ms|Miss)\.?$/;
/** "Reno said she will", "Lujan says that he": the sayer's own pronoun (not "said that his words", someone else's). */
const SAYS_PRONOUN = /^\s+(?:said|says|told\s+\w+|added|insisted|acknowledged|admitted|stressed|warned)\s+(?:that\s+)?(he|she)\b/;
/** The first third-person pronoun before the clause ends: "its" for a body, "he", "his", "she", "her" for a person. */
const PRONOUN = /^[^.;!?]*?\b(its|itself|he|his|him|himself|she|her|herself)\b/;
/** "Volvo shares", "Ford's dealers", "Peace Now activists", "BofA officials", "Fleet spokesman": the nouns of a firm or a movement, seldom of a person. */
const BODY_NOUN = /^['’]?s?\s+(?:shares|stock|shareholders|employees|workers|customers|executives|officials|spokesman|spokeswoman|spokesperson|branches|subsidiary|subsidiaries|dealers|dealerships?|plants?|factory|factories|movement|activists)\b/;
/** "the Islamic militant group Hamas", "the largest militant group, Hamas,", "his team Rabobank". */
const GROUP_BEFORE = /\b(?:group|movement|militia|faction|organi[sz]ation|team)(,?)\s+$/;
/** "Hamas militants", "Taliban fighters", "Hamas founder": a group's members. */
const GROUP_NOUN_AFTER = /^['’]?s?\s+(?:militants|fighters|guerrillas|gunmen|founder|movement|militia)\b/;
/** "Hurricane Georges", "Typhoon Zeb", "Tropical Storm Mitch": a storm, though its name reads like a person's or its "its" like a body's. */
const STORM_WORD = "(?:Hurricane|Typhoon|Super ?[Tt]yphoon|Cyclone|Tropical Storm|Tropical Depression)";
const NAMED_STORM = new RegExp(`^${STORM_WORD}\\s+\\p{Lu}`, "u");
/** "Typhoon Babs": the storm's bare name ("Babs"). */
const STORM_NAME = new RegExp(`^${STORM_WORD}\\s+(\\p{Lu}[\\p{L}’'-]*)$`, "u");

/** The plural of a follower's or member's noun: "Davidians", "Baptists", "Sandinistas", "Hashemites". */
const MEMBERS_PLURAL = /\p{Ll}(?:ians|ists|istas|ites)$/u;
const OPENING_QUOTE = /["“‘`]/;
const CLOSING_QUOTE = /^(?:['’]s)?["”’']/;
const DETERMINER = /\b(?:the|a|an)\s$/i;
const LOCATED = /\b(?:[Ii]n|near|capital\sof)\s$/;
/** "in the Pacific", "across the Pacific Northwest", "the western Pacific": a place too, unless a noun follows ("in the Swahili press"). */
const LOCATED_THE = /(?:\b(?:[Ii]n|near|across|off|throughout)\sthe\s|\bthe\s(?:(?:north|south|east|west)(?:ern)?|central|tropical)\s)$/;
/** "the Balanced Budget Act", "the Oslo Accords": a document, whatever is written "in" it. */
const DOCUMENT = / (?:Act|Acts|Treaty|Accord|Accords|Agreement|Bill|Law|Report|Plan|Protocol|Charter)$/;
/** "Catanduanes island", "the Bicol region": a lower-case noun for a place after a name. */
const PLACE_NOUN_AFTER = /^\s+(?:island|islands|region|province|peninsula|valley|residents)\b/;
/** "Springfield, Ore.", "Edinboro, Pa.": a town before its state's abbreviation. */
const STATE_AFTER = /^,\s(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Va|Vt|Wash|W\.Va|Wis|Wyo)\./;
/** "lawyer Tom Ruiz", "his wife, Ana", "her closest rival, Luiz": a role or kin only a person has, in lower case before a name. */
const ROLE_BEFORE = /(?:\b(?:candidate|lawyer|attorney|spokesman|spokeswoman|widow|widower|wife|husband|son|daughter|brother|sister|mother|father|actor|actress|singer|novelist|businessman|businesswoman|tycoon|teenager)|\b(?:his|her)\s+(?:[\p{Ll}-]+\s+)?(?:rival|opponent|challenger)),?\s$/u;
/** "Xiao Tan, 32, of Chinese origin": an age after a name. */
const AGE_AFTER = /^,\s*\d{1,3},/;
/** "the Bush administration", "the Scopes trial": a name before a noun, still a name. */
const ATTRIBUTIVE = /^['’]?s?\s+(?!(?:is|was|are|were|has|had|have|will|would|can|could|may|of|in|on|at|to|for|and|or|but|with|by|from|as|that|which|who|said|says)\b)[\p{Ll}]/u;
/** "(AP) --", "told China's state-run Xinhua", "according to Interfax", "faxed to The Associated Press", "on the BBC". */
const CREDIT_BEFORE = /(?:\(|\b(?:told|to|by|from|with|on|according to|quoted|cited|citing|in)\s+(?:[Tt]he\s+|an?\s+)?(?:(?:official|state-run|state-owned|state|semi-official|government-run|government|news|wire|[\p{Lu}][\p{L}]+['’]s)\s+){0,3})$/u;
/** "Xinhua said", "Interfax news agency reported", "Associated Press reporters found", "the AP analysis", "the New York Times wire". */
const CREDIT_AFTER = /^(?:\s*\)|['’]?s?\s+(?:news\s+agency\s+|agency\s+|wire\s+service\s+)?(?:said|says|reported|reports|quoted|quotes|cited|added|wrote|carried|report|dispatch|correspondents?|reporters?|interview|analysis|survey|poll|count|tally|wire|syndicate|news service|news agency)\b)/;

function creditsSource(text: string, m: Mention): boolean {
  return CREDIT_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)) || CREDIT_AFTER.test(text.slice(m.end, m.end + 40));
}

/**
 * Whether a run is a name written whole ("New York" opening a sentence, although "new" is a common word):
 * a known place, or a name opening with one ("New York Times", "New York Mets"), or written so
 * mid-sentence too. Those occurrences are looked up among the mid-sentence tokens of the run's first
 * word: a search of the whole text per name made a 2 MB article take seconds per pass.
 */
function wholeNames(text: string, tokens: ReadonlyArray<{ w: string; start: number }>): (run: ReadonlyArray<{ w: string; start: number; end: number }>) => boolean {
  let midSentence: Map<string, number[]> | undefined;
  return (run) => {
    for (let k = run.length; k >= 2; k--) if (PLACES.has(text.slice(run[0].start, run[k - 1].end))) return true;
    if (!sentenceStart(text, run[0].start)) return true;
    if (!midSentence) {
      midSentence = new Map();
      for (const t of tokens) {
        if (!isCapitalised(t.w) || sentenceStart(text, t.start)) continue;
        const at = midSentence.get(t.w);
        if (at) at.push(t.start);
        else midSentence.set(t.w, [t.start]);
      }
    }
    const name = text.slice(run[0].start, run[run.length - 1].end);
    return (midSentence.get(run[0].w) ?? []).some((at) => text.startsWith(name, at));
  };
}

/** Lines in Title Case (headlines): every word looks like a name there, so none is taken. */
function titleCaseLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const words = line.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
    // "International Olympic Committee President Jacques Rogge declared the Games closed on Sunday.": a sentence, though mostly capitalised.
    const share = SENTENCE_CLOSE.test(line) ? 0.8 : 0.7;
    if (words.length >= 3 && words.length <= 20 && words.filter((w) => isCapitalised(w)).length >= words.length * share) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

const SENTENCE_CLOSE = /[.!?]["”’]?\s*$/;

function adjacent(text: string, end: number, start: number): boolean {
  return start - end === 1 && (text[end] === " " || text[end] === "\u00a0");
}

function sentenceStart(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const c = text[k];
    if (c === " " || c === "\t") continue;
    return /[.!?\n“"‘'(:—–_-]/.test(c);
  }
  return true;
}

/**
 * Words (2 or more) of a known place or body opening a longer run ("New Jersey" in "New Jersey Sen. Bill
 * Bradley", "United Nations" in "United Nations Secretary-General Kofi Annan"); 0 when none.
 */
function leadingPlace(run: Array<{ w: string }>): number {
  for (let k = run.length - 1; k >= 2; k--) {
    const name = run.slice(0, k).map((x) => x.w).join(" ");
    if (PLACES.has(name) || ALIASES.has(name) || ALIAS_NAMES.has(name)) return k;
  }
  return 0;
}

interface RunContext {
  id: string;
  text: string;
  /** The article's words written in lower case. */
  lower: ReadonlySet<string>;
}

/** Splits a capitalised run into a title and a name ("Foreign Minister" + "Sergei Lavrov"). */
function splitRun(ctx: RunContext, run: Array<{ w: string; start: number; end: number }>, initial: boolean, whole: boolean): Mention[] {
  const articleId = ctx.id;
  let k = 0;
  // Leading demonyms and titles: "Russian Foreign Minister", "U.S. Secretary of State", "President";
  // not before a body's word ("Cypriot Justice Ministry" names a ministry, not a Justice called "Ministry").
  let title: string | undefined;
  // "New Jersey Sen. Bill Bradley": a place of several words before the title.
  const place = leadingPlace(run);
  for (let t = run.length - 1; t >= 1; t--) {
    const head = run.slice(0, t).map((x) => x.w).join(" ");
    const afterPlace = place > 0 && t > place ? run.slice(place, t).map((x) => x.w).join(" ") : "";
    if ((TITLES.test(head) || (afterPlace && TITLES.test(afterPlace)) || (t >= 2 && TITLE_WORD.has(run[t - 1].w) && personShaped(run.slice(t)))) && !ORG_WORDS.has(run[t].w)) {
      title = head;
      k = t;
      break;
    }
  }
  // "Educator Joe Nathan", "European Movement Stephen Woodard": a given name opens the person's name.
  const given = title ? -1 : givenNameAt(run);
  if (given > 0 && !partOfName(run.slice(0, given), run[given].w, ctx)) {
    const head = run.slice(0, given);
    const headName = head.map((x) => x.w).join(" ");
    const own = head.length > 1 || PLACES.has(headName) || ALIASES.has(headName) ? splitRun(ctx, head, initial, false) : [];
    return [...own, ...splitRun(ctx, run.slice(given), false, false)];
  }
  // "U.S. Secretary of State …": the country before a title is a mention of its own.
  const at = place || 1;
  const named = run.slice(0, at).map((x) => x.w).join(" ");
  const country: Mention[] = title && (ALIASES.has(named) || ALIAS_NAMES.has(named) || PLACES.has(named)) ? [{ articleId, start: run[0].start, end: run[at - 1].end, text: named }] : [];
  if (TITLES.test(run.map((x) => x.w).join(" "))) return country;
  let words = run.slice(k);
  // "Minister of Health Chen Minzhang", "Secretary of Labor Alexis Herman": a portfolio completes the title.
  const portfolio = title && words[0].w === "of" ? portfolioLength(words.slice(1)) : 0;
  if (portfolio && words.length > portfolio + 2) {
    title = [title, ...words.slice(0, portfolio + 1).map((x) => x.w)].join(" ");
    words = words.slice(portfolio + 1);
  }
  // "CEO of General Motors Corp.", "Prince of Wales Building": what follows "of" is no titled person but a name of its own.
  else if (title && CONNECTORS.has(words[0].w)) return [...country, ...splitRun(ctx, words.slice(1), false, false)];
  // "Sen. John Ashcroft of Missouri", "Brownell of Yale": what a titled name is "of" is a mention of its own.
  const of = title ? words.findIndex((x, n) => n >= 1 && x.w === "of") : -1;
  const affiliation = of > 0 ? splitRun(ctx, words.slice(of + 1), false, false) : [];
  if (of > 0) words = words.slice(0, of);
  if (!title && !whole && words.length > 1 && NOT_NAMES.has(words[0].w)) {
    words = words.slice(1);
    initial = false;
  }
  // "Lowtown Monday", "IBM PC": a date or a common noun's abbreviation ends no name.
  while (words.length && (CONNECTORS.has(words[words.length - 1].w) || MONTHS_AND_DAYS.has(words[words.length - 1].w) || CODES.has(words[words.length - 1].w))) words = words.slice(0, -1);
  // "East Timorese", "American Indian", "New Hampshire Democratic": a people's or party's word ends no name; a place before it is one.
  if (words.length > 1 && DEMONYMS.has(words[words.length - 1].w)) {
    while (words.length && DEMONYMS.has(words[words.length - 1].w)) words = words.slice(0, -1);
    const rest = words.map((x) => x.w).join(" ");
    if (!PLACES.has(rest) && !ALIASES.has(rest)) words = [];
  }
  if (!words.length) return [...country, ...affiliation];
  const first = words[0];
  // "Lavrov's", and a plural's "Davidians'", "Texas'": the possessive is no part of the name.
  let name = words.map((x) => x.w).join(" ").replace(/['’]s$|(?<=s)['’]$/, "");
  name = name.replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(name) ? dot : ""));
  if (name.length < 2 || NOT_NAMES.has(name) || BARE_FIRM_FORM.test(name) || MONTHS_AND_DAYS.has(name) || DEMONYMS.has(name) || /^[\p{Lu}]$/u.test(name)) return [...country, ...affiliation];
  const end = first.start + name.length;
  return [...country, { articleId, start: first.start, end, text: name, ...(title ? { title } : {}), ...(initial && words.length === 1 && !title ? { initial: true } : {}) }, ...affiliation];
}

/** Words that can be a person's name after a title: one to four, none a body's or a place's word. */
function personShaped(words: Array<{ w: string }>): boolean {
  if (!words.length || words.length > 4 || CONNECTORS.has(words[0].w)) return false;
  const name = words.map((x) => x.w).join(" ");
  return !PLACES.has(name) && !ALIASES.has(name) && !words.some((x) => ORG_WORDS.has(x.w) || PLACE_WORDS.has(x.w) || DIGIT.test(x.w));
}

/**
 * Whether the words before a given name may be the start of the same name ("Mustafa" in "Mustafa Mahmoud
 * Said Ahmed", "J." in "J. Bruce Moseley"), not a role, nationality, place or body before it ("Educator",
 * "Briton", "European Movement").
 */
function partOfName(head: Array<{ w: string }>, next: string, { text, lower }: RunContext): boolean {
  const name = head.map((x) => x.w).join(" ");
  if (PLACES.has(name) || ALIASES.has(name) || DEMONYMS.has(name) || NOT_NAMES.has(name)) return false;
  if (head.length > 1) return GIVEN_NAMES.has(head[0].w) || /^\p{Lu}\.$/u.test(head[0].w);
  return !lower.has(name.toLowerCase()) && !usedApart(text, name, next);
}

/** Whether the text also writes `name` before some other word than `next` ("Pichilemu" on its own, not only in "Pichilemu Roberto Córdova"). */
function usedApart(text: string, name: string, next: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (!text.startsWith(` ${next}`, at + name.length)) return true;
  return false;
}

/** Where a known given name opens the last two or three words of a run ("Educator [Joe] Nathan"), or -1. */
function givenNameAt(run: Array<{ w: string }>): number {
  for (let k = Math.max(1, run.length - 3); k <= run.length - 2; k++) if (GIVEN_NAMES.has(run[k].w) && personShaped(run.slice(k))) return k;
  return -1;
}

/** Words (1 or 2) of a government portfolio opening `words` ("Health", "Foreign Affairs"); 0 when none. */
function portfolioLength(words: Array<{ w: string }>): number {
  if (words.length >= 2 && PORTFOLIOS.has(`${words[0].w} ${words[1].w}`)) return 2;
  return words.length && PORTFOLIOS.has(words[0].w) ? 1 : 0;
}

interface Group {
  key: string;
  type: EntityType;
  variants: Map<string, number>;
  articleIds: Set<string>;
  count: number;
  located: number;
  /** Mentions with a body's cue, with a person's cue, in quotation marks, behind a title. */
  corporate: number;
  staffed: number;
  personal: number;
  quoted: number;
  titled: number;
  grouped: number;
  members: number;
  /** Mentions of several words, and those of them written as a modifier ("the Super Kamiokande detector"). */
  long: number;
  modifiers: number;
  /** Mentions as a people's plural ("the Pimas", its adjective "Pima" used too). */
  plural: number;
}

/** The story's entities, most mentioned first. */
export function storyEntities(articles: readonly Article[], max = 40): Entity[] {
  const mentions = articles.flatMap((a) => (a.duplicateOf ? [] : findMentions(a)));
  return groupMentions(mentions, max).entities;
}

/** Groups mentions into entities; also returns the entity name of each mention's text, the people, and the untyped names shaped like a person's ("Gregg Smith", but also "Great Swamp"). */
export function groupMentions(mentions: Mention[], max = 40): { entities: Entity[]; nameOf: Map<string, string>; people: Set<string>; lookAlikes: Set<string> } {
  const midSentence = new Set(mentions.filter((m) => !m.initial).map((m) => m.text));
  const namesEndingIn = new Set(mentions.filter((m) => m.text.includes(" ")).map((m) => m.text.slice(m.text.lastIndexOf(" ") + 1)));
  const nouns = commonNouns(mentions);
  // "Lavrov" opening a sentence is the surname of "Sergei Lavrov"; "Schools" is no name for "Atlanta Public Schools" where the article writes "schools".
  const kept = mentions.filter((m) => !m.credit && (!m.initial || midSentence.has(m.text) || (namesEndingIn.has(m.text) && !m.common) || ALIASES.has(m.text) || PLACES.has(m.text)));
  const titled = new Set(kept.filter((m) => m.title).map((m) => m.text));
  const groups = new Map<string, Group>();
  const keyOf = new Map<string, string>();
  // Full names first, so that lone surnames can join them.
  const words = new Map<string, number>();
  for (const m of kept) if (!words.has(m.text)) words.set(m.text, isDoubled(m.text.split(" ")) ? 1 : m.text.split(" ").length);
  const ordered = [...kept].sort((a, b) => words.get(b.text)! - words.get(a.text)!);
  const surnames = new Map<string, Set<string>>();
  const common = new Set(mentions.filter((m) => m.common).map((m) => m.text));
  // "Branch Davidian compound" names the group "the Branch Davidians" are members of.
  const members = new Set(mentions.filter((m) => m.members).map((m) => m.text));
  // "the Pimas" … "a Pima man": a people's plural, the singular its adjective.
  const adjectives = new Set(mentions.filter((m) => m.adjective).map((m) => m.text));
  const peoples = new Set(mentions.filter((m) => m.plural && adjectives.has(m.text.slice(m.text.lastIndexOf(" ") + 1, -1))).map((m) => m.text));
  // "Microsoft" is "Microsoft Corp", a firm; "Board of Pardons" is the "Board of Pardons and Paroles"; "Babs" is "Typhoon Babs".
  const firms = new Map<string, string>();
  for (const m of kept) {
    const space = m.text.lastIndexOf(" ");
    if (space > 0 && FIRM_FORMS.has(m.text.slice(space + 1))) firms.set(m.text.slice(0, space), m.text);
    const and = m.text.indexOf(" and ");
    if (and > 0 && / (?:of|for) /.test(m.text.slice(0, and))) firms.set(m.text.slice(0, and), m.text);
    // "Truth Commission" is the "Truth and Reconciliation Commission": its first field and its body's word.
    const short = SHORT_FORM.exec(m.text);
    if (short && PUBLIC_BODIES.has(short[2]) && !firms.has(`${short[1]} ${short[2]}`)) firms.set(`${short[1]} ${short[2]}`, m.text);
    // "World Food Program" is the "U.N. World Food Program": a body's name of several words after its country's or union's initials.
    const body = UNDER_INITIALS.exec(m.text)?.[1];
    if (body && body.includes(" ") && typeOf(body, new Set()) === "organization" && !firms.has(body)) firms.set(body, m.text);
    // "Babs" and "Supertyphoon Babs" are "Typhoon Babs": one storm, by its bare name.
    const storm = STORM_NAME.exec(m.text)?.[1];
    if (storm && !firms.has(storm)) firms.set(storm, m.text);
  }
  // "IMF" is the "International Monetary Fund" of the same story; "AP" is not "President Andres Pastrana", nor "NO" (also written "no") "New Orleans".
  const personal = new Set(kept.filter((m) => m.title || m.aged || m.role).map((m) => m.text));
  const aPersonsName = (text: string): boolean => personal.has(text) || personal.has(text.slice(text.lastIndexOf(" ") + 1));
  for (const [acronym, name] of acronymsOf(kept.filter((m) => m.text.includes(" ") && !aPersonsName(m.text)).map((m) => m.text), isPlaceName)) {
    if (!firms.has(acronym) && !isPlaceName(acronym) && !(acronym.length === 2 && common.has(acronym))) firms.set(acronym, name);
  }
  // "Yale" is the "Yale University" of the same story; not "Brown" where "Gordon Brown" or "Mr. Brown" is someone, nor "Leningrad" written "in Leningrad".
  const lastWords = new Set(kept.filter((m) => m.text.includes(" ") && !SCHOOL.test(m.text)).map((m) => m.text.slice(m.text.lastIndexOf(" ") + 1)));
  const located = new Set(kept.filter((m) => m.located).map((m) => m.text));
  for (const m of kept) {
    const head = SCHOOL.exec(m.text)?.[1];
    if (head && !firms.has(head) && !isPlaceName(head) && !located.has(head) && !lastWords.has(head) && !aPersonsName(head)) firms.set(head, m.text);
  }
  // "Lewinsky said", "Mr. Piccard": a word a person's cue goes with, so a surname.
  const personCued = new Set(kept.filter((m) => m.title || m.speaks || m.aged || m.role || m.gender).map((m) => m.text));
  const uses = (key: string): number => groups.get(key)?.count ?? 0;
  /**
   * "Gore" where "Al Gore" is written 13 times and "Tipper Gore" twice: the holder of a surname used at least three times as often as
   * all others together, if a person's name or the surname a person's ("Lewinsky said"); not "Napster Web" for a "Web" the story also
   * writes "web", nor "Hillary Rodham Clinton" for a "President Clinton" when "President Bill Clinton" is written too.
   */
  const mainHolder = (surname: string, holders: ReadonlySet<string>): string | undefined => {
    const [top, ...rest] = [...holders].sort((a, b) => uses(b) - uses(a));
    if (common.has(surname) || !(groups.get(top)?.type === "person" || personCued.has(surname))) return undefined;
    if (titled.has(surname) && !titled.has(top) && rest.some((key) => titled.has(key))) return undefined;
    return uses(top) >= 3 * rest.reduce((sum, key) => sum + uses(key), 0) ? top : undefined;
  };
  // "ETA" and "Eta", "AIDS" and "Aids": one name in two spellings of case.
  const byCase = new Map<string, string>();
  for (const m of ordered) {
    let key = keyOf.get(m.text);
    if (!key) {
      const firm = firms.get(m.text) ?? firms.get(STORM_NAME.exec(m.text)?.[1] ?? "");
      const plural = members.has(`${m.text}s`) ? `${m.text}s` : undefined;
      key = (firm && keyOf.get(firm)) || (plural && keyOf.get(plural)) || canonicalKey(unshouted(plural ?? m.text), surnames, mainHolder);
      const folded = key.toLowerCase();
      key = byCase.get(folded) ?? key;
      byCase.set(folded, key);
      keyOf.set(m.text, key);
    }
    let g = groups.get(key);
    if (!g) {
      g = { key, type: typeOf(unshouted(m.text), titled), variants: new Map(), articleIds: new Set(), count: 0, located: 0, corporate: 0, staffed: 0, personal: 0, quoted: 0, titled: 0, grouped: 0, members: 0, long: 0, modifiers: 0, plural: 0 };
      groups.set(key, g);
    } else if (g.type === "other" && m.text !== key && m.text.toLowerCase() === key.toLowerCase()) g.type = typeOf(m.text, titled);
    if (g.type === "other" && (m.title || m.speaks || m.aged || m.role) && !namesAThing(m.text) && !isAcronym(m.text)) g.type = "person";
    g.variants.set(m.text, (g.variants.get(m.text) ?? 0) + 1);
    g.articleIds.add(m.articleId);
    g.count++;
    if (m.located) g.located++;
    if (m.corporate) g.corporate++;
    if (m.staffed) g.staffed++;
    if (m.personal) g.personal++;
    if (m.quoted) g.quoted++;
    if (m.grouped) g.grouped++;
    if (m.members) g.members++;
    if (peoples.has(m.text)) g.plural++;
    if (m.text.includes(" ")) g.long++;
    if (m.modifier) g.modifiers++;
    if (m.title || m.aged || m.role) g.titled++;
    if (g.type === "person" || g.type === "other") {
      const parts = m.text.split(" ");
      const last = parts[parts.length - 1];
      // "Climate Change", "New York City": a last word the story writes as a common word is no surname, unless the name is a person's.
      if (parts.length >= 2 && parts.length <= 4 && !parts.includes("of") && !parts.includes("for") && !PLACES.has(last) && !ALIASES.has(last) && (g.type === "person" || !common.has(last))) {
        (surnames.get(last) ?? surnames.set(last, new Set()).get(last)!).add(key);
      }
    }
  }
  const entities: Entity[] = [];
  const nameOf = new Map<string, string>();
  const people = new Set<string>();
  const lookAlikes = new Set<string>();
  for (const g of groups.values()) {
    // A full name also used by its surname alone is a person ("Sergei Lavrov" … "Lavrov said"), but not by a noun ("Beihai Wetlands" … "the Wetlands"),
    // nor a name written in full only as a modifier ("the Microsoft Excel program" … "Excel"; "the Levi Barnabas case" is also a person's).
    if (g.type === "other" && !namesAThing(g.key) && g.modifiers < g.long && [...g.variants.keys()].some((v) => !v.includes(" ") && !nouns.has(v) && !common.has(v) && !isAcronym(v)) && [...g.variants.keys()].some((v) => v.includes(" "))) g.type = "person";
    // "Nicole ... her bike": a known given name alone, which "she", "his" follow at least twice as often as "its" (not the "Melissa" virus).
    else if (g.type === "other" && GIVEN_NAMES.has(g.key) && g.personal >= 2 && g.corporate * 2 <= g.personal) g.type = "person";
    // "in Pichilemu", "near Dili": a name mostly written after "in" or "near" is a place.
    if (g.type === "other" && g.count >= 2 && g.located >= 2 && g.located * 4 >= g.count && !GIVEN_NAMES.has(g.key) && !DIGIT.test(g.key) && !DOCUMENT.test(g.key)) g.type = "place";
    // "Swissair said its …", "Volvo shares": a body, however often it "said"; "Star Wars" mostly in quotation marks: a title.
    // "the Branch Davidians": a group's members, though they speak and a lone "Davidians" looks like a surname.
    if (g.type === "person" && !g.titled && g.members >= 1) g.type = "organization";
    // "the Gila River Pimas" … "a Pima man": a people, or a plural of things ("the Concordes" … "Concorde pilots"), not one person.
    else if (g.type === "person" && !g.titled && g.plural >= 1) g.type = "other";
    else if (g.type === "person" && !g.titled && g.corporate >= 2 && g.corporate > g.personal) g.type = "organization";
    // "the militant group Hamas", "Taliban fighters": a name not otherwise typed that the story calls a group.
    else if (g.type === "other" && g.grouped >= 1 && !DIGIT.test(g.key)) g.type = "organization";
    // "Kozmo officials", "Interpol spokesman", "Merck shares": a name not otherwise typed that the story twice gives a body's staff or holdings
    // ("its" alone is also a thing's: "Jupiter and its moons").
    else if (g.type === "other" && g.staffed >= 2 && g.staffed > g.personal && !DIGIT.test(g.key)) g.type = "organization";
    else if (g.type === "person" && !g.titled && g.quoted * 2 >= g.count) g.type = "other";
    // "North Atlantic", "West Paducah": a compass word before one name is a region, though "Atlantic" alone looks like its surname; not "The West Wing" in quotation marks.
    if ((g.type === "other" || (g.type === "person" && !g.titled)) && COMPASS_REGION.test(g.key) && g.quoted * 2 < g.count) g.type = "place";
    const storm = [...g.variants.keys()].some((v) => NAMED_STORM.test(v));
    if (storm) g.type = "other";
    // "Branch Davidians", the group, over its members' adjective "Branch Davidian".
    const name = ALIAS_NAMES.has(g.key) || (g.members > 0 && g.variants.has(g.key)) ? g.key : (usualAcronym(g.variants) ?? bestName(g.variants));
    for (const v of g.variants.keys()) nameOf.set(v, name);
    if (g.type === "person") people.add(name);
    else if (g.type === "other" && FULL_NAME.test(name) && !storm) lookAlikes.add(name);
    if (g.type === "other" && g.count < 2) continue;
    entities.push({ name, type: g.type, variants: [...g.variants.keys()].sort((a, b) => g.variants.get(b)! - g.variants.get(a)! || a.localeCompare(b)), count: g.count, articleIds: [...g.articleIds] });
  }
  entities.sort((a, b) => b.count - a.count || b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name));
  return { entities: entities.slice(0, max), nameOf, people, lookAlikes };
}

/** Single words mostly written after "the", "a" or "an" ("the Wetlands", "the Web"; not "Bush", although "the Bush administration"). */
function commonNouns(mentions: Mention[]): Set<string> {
  const determined = new Map<string, number>();
  const bare = new Map<string, number>();
  for (const m of mentions) {
    if (m.text.includes(" ")) continue;
    const counts = m.determined ? determined : bare;
    counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  }
  return new Set([...determined].filter(([text, n]) => n >= (bare.get(text) ?? 0)).map(([text]) => text));
}

/** "Truth and Reconciliation Commission": a field, "and", more words, a body's word. */
const SHORT_FORM = /^(\p{Lu}\p{Ll}+) and (?:\p{Lu}\p{Ll}+ ){1,3}(\p{Lu}\p{Ll}+)$/u;
/** "U.N. World Food Program", "US Geological Survey": initials, then the rest of the name. */
const UNDER_INITIALS = /^(?:(?:\p{Lu}\.){2,3}|\p{Lu}{2,3}) (\p{Lu}.*)$/u;
/** "Yale University", "Dartmouth College": a school named by one word, which alone names it too. */
const SCHOOL = /^(\p{Lu}[\p{Ll}]+) (?:University|College)$/u;
const ALIAS_NAMES = new Set(ALIASES.values());
/** A compass word and one name ("North Caucasus", "Eastern Slavonia"); not a people's adjective ("North Anatolian") nor a compound ("West Nile-like"). */
const COMPASS_REGION = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Northeast|Northwest|Southeast|Southwest) \p{Lu}\p{Ll}+(?<!ian)$/u;
/** "Andrew Weiss": how an untitled person's name looks. */
const FULL_NAME = /^[\p{Lu}][\p{Ll}’'-]+(?: [\p{Lu}][\p{Ll}’'-]+){1,2}$/u;

/** The group a name belongs to: its alias, the full name a surname or spelling variant belongs to, or itself. */
function canonicalKey(text: string, surnames: Map<string, Set<string>>, mainHolder: (surname: string, holders: ReadonlySet<string>) => string | undefined): string {
  const alias = ALIASES.get(text);
  if (alias) return alias;
  if (PLACES.has(text)) return text;
  const parts = text.split(" ");
  // "Arafat Arafat": a surname written twice over is the surname.
  if (isDoubled(parts)) return canonicalKey(parts[1], surnames, mainHolder);
  const last = parts[parts.length - 1];
  const holders = surnames.get(last);
  if (holders && holders.size) {
    if (parts.length === 1) return holders.size === 1 ? [...holders][0] : (mainHolder(text, holders) ?? text);
    // "Hosni Mubarak" joins "Egyptian President Hosni Mubarak"; "Bin Laden" joins "Osama bin Laden".
    const lower = ` ${text.toLowerCase()}`;
    for (const key of holders) if (key.toLowerCase().endsWith(lower)) return key;
    // "Sergey Lavrov" joins "Sergei Lavrov": same surname, first names alike.
    for (const key of holders) {
      const other = key.split(" ");
      if (other.length >= 2 && similarFirstName(other[0], parts[0])) return key;
    }
  }
  return text;
}

function isDoubled(parts: readonly string[]): boolean {
  return parts.length === 2 && parts[0] === parts[1];
}

/** "SUU KYI" as written mid-text would be ("Suu Kyi"), so it joins the full name; "NATO", "U.S. ARMY" stay. */
function unshouted(text: string): string {
  if (!text.includes(" ") || text !== text.toUpperCase() || !/^[\p{Lu} ]+$/u.test(text)) return text;
  return text.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

function similarFirstName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a[0] !== b[0]) return false;
  if (/^\p{Lu}\.?$/u.test(a) || /^\p{Lu}\.?$/u.test(b)) return true;
  // "Don" and "Donald", "Ken" and "Kenneth".
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  return editDistance(a.toLowerCase(), b.toLowerCase()) <= 2;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

function typeOf(text: string, titled: Set<string>): EntityType {
  const alias = ALIASES.get(text) ?? text;
  if (PLACES.has(alias)) return "place";
  const words = text.split(" ");
  // "Atlantic Ocean", "Gulf of Mexico"; not "The Press of Atlantic City", named by what comes before "of".
  if (words.length > 1 && ((PLACE_WORDS.has(words[words.length - 1]) && !words.includes("of")) || (PLACE_WORDS.has(words[0]) && words[1] === "of"))) return "place";
  // "Air France Flight 447", "Pan Am Flight 103": a flight, named after its airline.
  if (/\bFlight \d/.test(text)) return "other";
  if (HONOUR.test(text)) return "other";
  if (words.some((w) => ORG_WORDS.has(w)) || /^(?:\p{Lu}\.?){2,6}$/u.test(text)) return "organization";
  if (titled.has(text) || (words.length <= 3 && GIVEN_NAMES.has(words[0]) && FULL_NAME.test(text))) return "person";
  return "other";
}

/** "FBI" written 31 times, "U.S. Federal Bureau of Investigation" once: an acronym used at least twice as often as the names it abbreviates names the entity. */
function usualAcronym(variants: Map<string, number>): string | undefined {
  const full = [...variants].filter(([v]) => v.includes(" "));
  const fullUses = full.reduce((sum, [, n]) => sum + n, 0);
  const acronyms = [...variants].filter(([v, n]) => n >= 2 * fullUses && full.some(([w]) => initialsOf(w, isPlaceName) === v));
  return acronyms.sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The most used multi-word variant (full names beat surnames), ties to the longer. A name counts the
 * uses of the variants that are it behind a title too: "Hosni Mubarak" is also used in every
 * "Egyptian President Hosni Mubarak".
 */
function bestName(variants: Map<string, number>): string {
  const uses = new Map([...variants].map(([v, n]) => [v, n + [...variants].reduce((sum, [w, m]) => sum + (isTitled(w, v) ? m : 0), 0)]));
  // "Los Angeles" over the dateline's "LOS ANGELES", however often the datelines say it.
  const shouted = (v: string): number => Number(v.length > 4 && v === v.toUpperCase() && /\p{Lu}{2}/u.test(v));
  return [...uses.entries()].sort((a, b) => Number(b[0].includes(" ")) - Number(a[0].includes(" ")) || shouted(a[0]) - shouted(b[0]) || b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0][0];
}

/** "Egyptian President Hosni Mubarak" is "Hosni Mubarak" behind a title ("Egyptian President" ends with one). */
function isTitled(longer: string, name: string): boolean {
  if (!longer.endsWith(` ${name}`)) return false;
  const head = longer.slice(0, -name.length - 1).split(" ");
  return head.some((_, k) => TITLES.test(head.slice(k).join(" ")));
}
