import assert from "node:assert/strict";
import { test } from "node:test";
import { brief } from "../core/brief.js";
import { SEEDS, requireShared } from "../testing/fixtures.js";
import { testArticle as article } from "../testing/articles.js";
import type { Briefing, Entity, Story } from "../types/index.js";
import { storyEntities } from "./entities.js";
import { typePeopleAcrossStories } from "./people.js";
import { storyQuotes } from "./quotes.js";

function find(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  assert.ok(e, `no entity ${name} in ${entities.map((x) => x.name).join(", ")}`);
  return e;
}

/** The type of each entity of a story made of these texts. */
function typesIn(...texts: string[]): (name: string) => string {
  const entities = storyEntities(texts.map((text, k) => article(`t${k}`, text)));
  return (name) => find(entities, name).type;
}

/** The story made of `texts` names none of `absent` and all of `present`. */
function assertNames(texts: string[], absent: string[], present: string[]): void {
  const names = storyEntities(texts.map((text, k) => article(`t${k}`, text))).map((e) => e.name);
  for (const name of absent) assert.ok(!names.includes(name), `${name} in ${names.join(", ")}`);
  for (const name of present) assert.ok(names.includes(name), `no ${name} in ${names.join(", ")}`);
}

/** A one-article story's quotes, and them as [text, speaker] pairs. */
function attributed(text: string): { a: ReturnType<typeof article>; quotes: ReturnType<typeof storyQuotes>; pairs: string[][] } {
  const a = article("a", text);
  const quotes = storyQuotes([a], storyEntities([a]));
  return { a, quotes, pairs: quotes.map((q) => [q.text, q.speaker]) };
}

/** The entity `name`, a person known by exactly `variants`. */
function person(entities: Entity[], name: string, variants: string[]): Entity {
  const e = find(entities, name);
  assert.equal(e.type, "person");
  assert.deepEqual([...e.variants].sort(), variants);
  return e;
}

test("entities: titles give people, aliases and spellings merge, surnames join full names", () => {
  const a = article("a", "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Rex Tillerson in Washington on Wednesday. Lavrov later met President Donald Trump at the White House.");
  const b = article("b", "Trump said relations with the Russian Federation could improve. Sergey Lavrov said the United States and Russia should cooperate. The State Department declined to comment.");
  const entities = storyEntities([a, b]);
  const lavrov = person(entities, "Sergei Lavrov", ["Lavrov", "Sergei Lavrov", "Sergey Lavrov"]);
  assert.equal(lavrov.count, 3);
  assert.deepEqual(lavrov.articleIds, ["a", "b"]);
  person(entities, "Donald Trump", ["Donald Trump", "Trump"]);
  const us = find(entities, "United States");
  assert.equal(us.type, "place");
  assert.deepEqual([...us.variants].sort(), ["U.S.", "United States"]);
  const russia = find(entities, "Russia");
  assert.deepEqual([...russia.variants].sort(), ["Russia", "Russian Federation"]);
  assert.equal(find(entities, "State Department").type, "organization");
  assert.equal(find(entities, "Rex Tillerson").type, "person");
  assert.equal(find(entities, "Washington").type, "place");
  for (const e of entities) assert.doesNotMatch(e.name, /^(?:The|Wednesday|Russian|Foreign Minister)$/);
});

test("entities: a news agency credited as the source is no entity of the story; one that acts is", () => {
  const a = article("a", "BEIJING, March 5 (Xinhua) -- Premier Zhu Rongji met Russian envoys in Beijing on Monday, Xinhua reported. Police found two bodies, the Interfax news agency said. An official told the state-run Xinhua that the talks would go on.");
  const b = article("b", "Zhu Rongji said the talks went well, according to Interfax. Thomson Corp. agreed to buy Reuters on Tuesday, and Reuters shares rose.");
  const names = storyEntities([a, b]).map((e) => e.name);
  assert.ok(!names.includes("Xinhua") && !names.includes("Interfax"), names.join(", "));
  assert.ok(names.includes("Reuters"), names.join(", "));
  assert.ok(names.includes("Zhu Rongji"), names.join(", "));
});

test("entities: what a titled name is 'of' is a mention of its own, and a name behind a title is the person's name", () => {
  const a = article("a", "Sen. John Ashcroft of Missouri criticized the plan. Gabonese President Omar Bongo met Ashcroft on Monday in Cairo.");
  const b = article("b", "Bongo said the talks went well. Omar Bongo flew home on Tuesday, and Ashcroft stayed in Missouri.");
  const entities = storyEntities([a, b]);
  person(entities, "John Ashcroft", ["Ashcroft", "John Ashcroft"]);
  assert.equal(find(entities, "Missouri").count, 2);
  person(entities, "Omar Bongo", ["Bongo", "Omar Bongo"]);
  for (const e of entities) assert.doesNotMatch(e.name, /\bof\b/);
});

test("quotes: the speaker is the person, not the place named after them", () => {
  const a = article("a", "“The talks went very well on the whole,” said Prime Minister Mesut Yilmaz of Turkey. Yilmaz flew home.");
  assert.deepEqual(storyQuotes([a], storyEntities([a])).map((q) => q.speaker), ["Mesut Yilmaz"]);
});

test("entities: a name whose last word the story writes as a noun ('the Wetlands') is no person; 'the Kipke trial' keeps Kipke one", () => {
  const a = article("a", "Birds crowd the Beihai Wetlands every spring. Officials said the Wetlands are shrinking fast, and the Beihai Wetlands may close.");
  const b = article("b", "Lothar Kipke ran the program for years. Kipke denied it, and the Kipke trial opened in May. Lothar Kipke appealed.");
  const entities = storyEntities([a, b]);
  assert.notEqual(find(entities, "Beihai Wetlands").type, "person");
  assert.equal(find(entities, "Lothar Kipke").type, "person");
});

test("quotes: speaker after, before, or by pronoun; scare quotes and unnamed speakers left out", () => {
  const text =
    "President Donald Trump met Sergei Lavrov. “We had a very, very good meeting,” Trump said. " +
    "Lavrov told reporters: “The sides will keep talking about Syria.” " +
    "Critics called the visit “crazy” and “a mistake.” " +
    "“Nothing was agreed on Ukraine today,” the official said. " +
    "Andrew Weiss, a scholar, was blunt. “The optics were really badly managed,” he said.";
  const { a, quotes, pairs } = attributed(text);
  assert.deepEqual(
    pairs,
    [
      ["We had a very, very good meeting", "Donald Trump"],
      ["The sides will keep talking about Syria.", "Sergei Lavrov"],
      ["The optics were really badly managed", "Andrew Weiss"],
    ],
  );
  for (const q of quotes) assert.equal(a.text.slice(q.start, q.end), q.text);
});

test("people across stories: a bare surname is a person when one person of the pile carries it", () => {
  const entity = (name: string, type: Entity["type"]): Entity => ({ name, type, variants: [name], count: 2, articleIds: ["a"] });
  const story = (id: string, entities: Entity[]) => ({ id, articleIds: ["a"], headline: null, summary: [], label: id, entities, quotes: [], timeline: [] }) as unknown as Story;
  const stories = [
    story("s1", [entity("Sergei Lavrov", "person"), entity("Boris Johnson", "person"), entity("Lyndon Johnson", "person"), entity("Andrew Weiss", "other")]),
    story("s2", [entity("Lavrov", "other"), entity("Johnson", "other"), entity("Weiss", "other"), entity("Washington", "place")]),
    story("s3", [entity("Andrew Weiss", "person")]),
  ];
  typePeopleAcrossStories(stories);
  const types = stories.flatMap((s) => s.entities.map((e) => `${s.id}:${e.name}:${e.type}`));
  assert.deepEqual(types, [
    "s1:Sergei Lavrov:person", "s1:Boris Johnson:person", "s1:Lyndon Johnson:person", "s1:Andrew Weiss:person",
    "s2:Lavrov:person", "s2:Johnson:other", "s2:Weiss:person", "s2:Washington:place",
    "s3:Andrew Weiss:person",
  ]);
});

test("people across stories: a name another story writes for a body is no person's, whatever a stray full name says", () => {
  const entity = (name: string, type: Entity["type"], variants = [name]): Entity => ({ name, type, variants, count: 2, articleIds: ["a"] });
  const story = (id: string, entities: Entity[]) => ({ id, articleIds: ["a"], headline: null, summary: [], label: id, entities, quotes: [], timeline: [] }) as unknown as Story;
  const stories = [
    story("s1", [entity("Kestrel Corp", "organization", ["Kestrel", "Kestrel Corp"]), entity("Harbour Watch", "organization")]),
    // "It's Kestrel, nobody else comes close" read as a person's full name; "Harbour Watch said" as a person speaking.
    story("s2", [entity("It's Kestrel", "person"), entity("Harbour Watch", "person")]),
    story("s3", [entity("Kestrel", "other"), entity("Harbour Watch", "other")]),
  ];
  typePeopleAcrossStories(stories);
  assert.deepEqual(stories[2].entities.map((e) => `${e.name}:${e.type}`), ["Kestrel:other", "Harbour Watch:other"]);
});

function storyWith(b: Briefing, prefix: string) {
  const file = new Map(b.articles.map((a) => [a.id, a.file!.split(/[\\/]/).pop()!]));
  return b.stories.find((s) => s.articleIds.some((id) => file.get(id)!.startsWith(prefix)))!;
}

test("seeds: entities and quotes per story, traceable", async () => {
  requireShared();
  const b = await brief([SEEDS]);
  const washington2017 = storyWith(b, "001");
  const lavrov = find(washington2017.entities, "Sergei Lavrov");
  assert.equal(lavrov.type, "person");
  assert.ok(lavrov.variants.includes("Sergey Lavrov") && lavrov.variants.includes("Lavrov"), lavrov.variants.join("|"));
  assert.ok(lavrov.articleIds.length === 3);
  assert.equal(find(washington2017.entities, "Donald Trump").type, "person");
  assert.ok(find(washington2017.entities, "Russia").count >= 3);
  assert.ok(find(washington2017.entities, "United States").variants.length >= 2);
  const meeting = washington2017.quotes.find((q) => q.text.startsWith("We had a very, very good meeting"));
  assert.ok(meeting, "Trump's quote");
  assert.equal(meeting.speaker, "Donald Trump");
  const sochi = storyWith(b, "003");
  assert.equal(find(sochi.entities, "Pompeo").type, "person");
  assert.equal(find(sochi.entities, "Vladimir Putin").type, "person");
  // "That's occurred, he said, “even though we don't agree …”": "he" is the official who spoke last, not Lavrov.
  assert.equal(sochi.quotes.find((q) => q.text.includes("how to achieve this goal")), undefined);
  // Seed 000 writes only "Lavrov" and "Trump"; the other stories of the pile know them as people.
  const december = storyWith(b, "000");
  assert.equal(find(december.entities, "Lavrov").type, "person");
  assert.equal(find(december.entities, "Trump").type, "person");
  const byId = new Map(b.articles.map((a) => [a.id, a]));
  for (const story of b.stories) {
    for (const q of story.quotes) {
      assert.ok(story.articleIds.includes(q.articleId));
      assert.equal(byId.get(q.articleId)!.text.slice(q.start, q.end), q.text);
    }
    for (const e of story.entities) for (const id of e.articleIds) assert.ok(story.articleIds.includes(id));
  }
});

test("entities: a number ends a name and makes it a thing; sea and ocean names are places", () => {
  const a = article("a", "Air France Flight 447 vanished over the Atlantic Ocean on June 1. The Airbus A330 carried 228 people. Officials said the A330 sent error messages.");
  const b = article("b", "Debris from Air France Flight 447 was found in the Atlantic Ocean. Brazil said 12 percent of the wreckage was recovered. The Airbus A330 was new.");
  const entities = storyEntities([a, b]);
  const flight = find(entities, "Air France Flight 447");
  assert.equal(flight.count, 2);
  assert.equal(flight.type, "other", "a flight is no organisation, though named after its airline");
  const airbus = find(entities, "Airbus A330");
  assert.notEqual(airbus.type, "person");
  assert.equal(find(entities, "Atlantic Ocean").type, "place");
  assert.ok(!entities.some((e) => /^June|Brazil \d/.test(e.name)), entities.map((e) => e.name).join(", "));
});

test("entities: a named storm is no person or body, however its name reads or 'its' follows it", () => {
  const typeOf = typesIn(
    "Hurricane Georges hit Puerto Rico on Monday. Georges then moved toward the Florida Keys, and its winds weakened.",
    "Officials said Hurricane Georges caused billions in damage. Super Typhoon Zeb lashed Luzon, and Super Typhoon Zeb then hit Taiwan.",
  );
  assert.equal(typeOf("Hurricane Georges"), "other");
  assert.equal(typeOf("Super Typhoon Zeb"), "other");
});

test("entities: a storm's bare name and its other spellings join the storm ('Babs', 'Supertyphoon Babs' and 'Typhoon Babs')", () => {
  const a = article("a", "Typhoon Wilda hit the coast on Monday. Wilda then weakened over the hills, and Wilda's rains flooded two towns. Officials said Typhoon Wilda killed 12.");
  const b = article("b", "Forecasters said Supertyphoon Wilda would reach the coast. Residents fled as Wilda neared.");
  const storm = find(storyEntities([a, b]), "Typhoon Wilda");
  assert.equal(storm.count, 6);
  assert.equal(storm.type, "other");
  assert.deepEqual([...storm.variants].sort(), ["Supertyphoon Wilda", "Typhoon Wilda", "Wilda"]);
});

test("entities: a full name with a bare last word is no person when written in full only as a modifier ('the Microsoft Excel program') or as a people's plural ('the Tawa Ridge Oolans' … 'an Oolan child')", () => {
  const cases: Array<[string[], string, string]> = [
    [["Scientists at the Deep Tanager detector counted the particles. Tanager recorded 20 events last year, and the Deep Tanager team will report in May."], "Deep Tanager", "other"],
    [["Police arrested Levi Barnabas on Monday. Barnabas was held in March, and the Levi Barnabas case went to court."], "Levi Barnabas", "person"],
    [
      [
        "For centuries the Tawa Ridge Oolans have farmed the valley. Doctors who studied the Oolans found that an Oolan child faces a high risk of diabetes.",
        "Oolan elders blame the new diet. Help for Oolans is slow, and many Oolans now avoid the clinic.",
      ],
      "Tawa Ridge Oolans",
      "other",
    ],
  ];
  for (const [texts, name, type] of cases) assert.equal(typesIn(...texts)(name), type, name);
});

test("entities: a possessive inside a run of names ends a name ('Monsanto Co.'s Celebrex')", () => {
  const a = article("a", "Sales of Monsanto Co.'s Celebrex rose. Analysts said Monsanto Co. would gain as Celebrex sold well.");
  const names = storyEntities([a]).map((e) => e.name);
  assert.ok(names.includes("Celebrex") && names.some((n) => n.startsWith("Monsanto")), names.join(", "));
  assert.ok(!names.some((n) => n.includes("'s")), names.join(", "));
});

test("entities: a name opening a sentence keeps a first word that is also a common word ('New York', 'New Zealand')", () => {
  const a = article("a", "New York police said the new rules take effect in May. Officials in New Zealand agreed. New Zealand sent a new team.");
  const names = storyEntities([a]).map((e) => e.name);
  assert.ok(names.includes("New York") && names.includes("New Zealand"), names.join(", "));
  assert.ok(!names.includes("York") && !names.includes("Zealand"), names.join(", "));
});

test("entities: after a dateline's underscore a sentence starts ('SANTIAGO _ Officials protested'); 'Former' opens no name", () => {
  const a = article("a", "LONDON (AP) _ Former Chilean dictator Augusto Pinochet was arrested. The former dictator is 82.");
  const b = article("b", "MADRID, Spain (AP) _ Former Chilean dictator Augusto Pinochet faces questions.\n\nPARIS _ Officials said he would be questioned.");
  const c = article("c", "SANTIAGO _ Officials protested the arrest of Augusto Pinochet.");
  const names = storyEntities([a, b, c]).map((e) => e.name);
  assert.ok(names.includes("Augusto Pinochet") && !names.some((n) => /^(?:Former|Officials)\b/.test(n)), names.join(", "));
});

test("entities: a body that speaks after 'the' ('the Corps said') is not a person; a name that speaks is", () => {
  const a = article("a", "The Army Corps of Engineers issued the permits in May. Builders welcomed the rules, the Corps said on Monday. Critics disagreed, and the Corps said it would listen.");
  const b = article("b", "Environmental groups sued. The Corps said the permits were legal. Robert Mitchell, a lawyer for the builders, praised the rules. Mitchell said the builders were pleased.");
  const entities = storyEntities([a, b]);
  assert.notEqual(find(entities, "Corps").type, "person");
  assert.equal(find(entities, "Robert Mitchell").type, "person");
});

test("entities: nationality words beyond the big powers are adjectives, not entities; the region a people names stays a place", () => {
  const a = article("a", "Chilean officials met Spanish judges in Santiago on Monday. The Chileans said Kenyan and Tanzanian police had helped, and Swiss banks froze the accounts.");
  const b = article("b", "Chilean President Eduardo Frei flew to the Caribbean on Tuesday. Frei said the Balkans were far from Santiago, and Santiago welcomed the judges.");
  const names = storyEntities([a, b]).map((e) => e.name);
  for (const adjective of ["Chilean", "Chileans", "Kenyan", "Tanzanian", "Swiss"]) assert.ok(!names.includes(adjective), `${adjective} in ${names.join(", ")}`);
  assert.ok(names.includes("Santiago") && names.includes("Eduardo Frei"), names.join(", "));
});

test("entities: a title word before a body's word is part of the body's name ('Justice Department', 'General Motors Corp', 'Major League Baseball')", () => {
  const a = article("a", "The Justice Department sued General Motors Corp. on Monday. Major League Baseball said the Cypriot Justice Ministry had asked for files.");
  const b = article("b", "General Motors said the Justice Department was wrong, and Major League Baseball declined to comment.");
  const names = storyEntities([a, b]).map((e) => e.name);
  for (const body of ["Justice Department", "Major League Baseball", "Cypriot Justice Ministry"]) assert.ok(names.includes(body), `${body} in ${names.join(", ")}`);
  assert.ok(names.some((n) => n.startsWith("General Motors")), names.join(", "));
  for (const cut of ["Department", "Motors", "League Baseball", "Ministry"]) assert.ok(!names.includes(cut), `${cut} in ${names.join(", ")}`);
});

test("entities: a name opening with a place of several words ('New York Mets', 'The New York Times') keeps it; a state before a title is a place of its own", () => {
  const a = article("a", "New York Mets fans cheered on Monday. The New York Times said New Jersey Sen. Bill Bradley would run, and Bradley agreed.");
  const b = article("b", "Bill Bradley said he was ready. Voters in New Jersey and Iowa listened to Bradley, and the New York Mets lost.");
  const entities = storyEntities([a, b]);
  const names = entities.map((e) => e.name);
  for (const cut of ["York Mets", "York Times", "Jersey Sen. Bill Bradley", "Bradley"]) assert.ok(!names.includes(cut), `${cut} in ${names.join(", ")}`);
  assert.ok(names.includes("New York Mets"), names.join(", "));
  person(entities, "Bill Bradley", ["Bill Bradley", "Bradley"]);
  assert.equal(find(entities, "New Jersey").type, "place");
  assert.equal(find(entities, "Iowa").type, "place");
});

test("entities: one name in two spellings of case is one entity, named as the text writes it, not as its datelines shout it", () => {
  const a = article("a", "ETA said on Monday it would end the truce. Police in Madrid blamed ETA for the bomb, and the Eta statement was read on radio.");
  const b = article("b", "Officials in Los Angeles said the Eta cell was small. LOS ANGELES police and LOS ANGELES officials met ETA envoys in Paris.");
  const entities = storyEntities([a, b]);
  const names = entities.map((e) => e.name);
  assert.ok(!names.includes("Eta") && !names.includes("LOS ANGELES"), names.join(", "));
  assert.deepEqual([...find(entities, "ETA").variants].sort(), ["ETA", "Eta"]);
  assert.equal(find(entities, "ETA").type, "organization");
  assert.deepEqual([...find(entities, "Los Angeles").variants].sort(), ["LOS ANGELES", "Los Angeles"]);
});

test("entities: the United Nations is a body, and its title before a name gives the person ('United Nations Secretary-General Kofi Annan')", () => {
  const a = article("a", "The United Nations said on Monday that aid would arrive. United Nations Secretary-General Kofi Annan said the talks would go on.");
  const b = article("b", "The U.N. Security Council met on Tuesday. Annan said the United Nations would help, and U.N. envoys flew in.");
  const entities = storyEntities([a, b]);
  assert.equal(find(entities, "United Nations").type, "organization");
  person(entities, "Kofi Annan", ["Annan", "Kofi Annan"]);
  assert.ok(!entities.some((e) => e.name.includes("Secretary-General")), entities.map((e) => e.name).join(", "));
});

test("entities: capitals, countries and regions beyond the core list are places ('Belgrade', 'Yugoslavia', 'Scotland', 'Jakarta'); a surname that is no place stays a person's", () => {
  const a = article("a", "Talks in Belgrade ended on Monday, and envoys flew to Jakarta and Bangkok. Yugoslavia and Scotland sent observers, said Bertha Madras.");
  const b = article("b", "Officials in Belgrade said Yugoslavia would sign. Bangkok and Jakarta welcomed it, and Scotland agreed. Madras said the deal would hold.");
  const entities = storyEntities([a, b]);
  for (const place of ["Belgrade", "Jakarta", "Bangkok", "Yugoslavia", "Scotland"]) assert.equal(find(entities, place).type, "place", place);
  person(entities, "Bertha Madras", ["Bertha Madras", "Madras"]);
});

test("entities: every nationality word opens a title ('Palestinian President', 'Saudi King'), and a first name spelt alike joins the titled full name ('Yaser Arafat')", () => {
  const a = article("a", "Palestinian President Yasser Arafat met Saudi King Fahd on Monday. Arafat said the talks went well.");
  const b = article("b", "Yaser Arafat flew home on Tuesday. Fahd said Arafat would return, and Yasser Arafat agreed.");
  const entities = storyEntities([a, b]);
  person(entities, "Yasser Arafat", ["Arafat", "Yaser Arafat", "Yasser Arafat"]);
  person(entities, "Fahd", ["Fahd"]);
});

test("entities: an untitled full name opening with a common given name is a person ('Richard Branson', 'Saddam Hussein'); other names stay unknown", () => {
  const a = article("a", "Investors cheered Richard Branson on Monday, and crowds in Baghdad greeted Saddam Hussein. The Phantom Menace opened in Trafalgar Cinema.");
  const b = article("b", "Reporters followed Richard Branson to London, and Saddam Hussein stayed home. Fans saw The Phantom Menace at Trafalgar Cinema.");
  const entities = storyEntities([a, b]);
  assert.equal(find(entities, "Richard Branson").type, "person");
  assert.equal(find(entities, "Saddam Hussein").type, "person");
  assert.equal(find(entities, "Trafalgar Cinema").type, "other");
});

test("entities: squares, streets, parks and airports are places ('Tiananmen Square', 'Kennedy Airport')", () => {
  const a = article("a", "Students gathered in Tiananmen Square on Monday, and flights left Kennedy Airport late.");
  const b = article("b", "Police cleared Tiananmen Square, and Kennedy Airport reopened on Tuesday.");
  const entities = storyEntities([a, b]);
  for (const place of ["Tiananmen Square", "Kennedy Airport"]) assert.equal(find(entities, place).type, "place", place);
});

test("entities: lower-case particles inside a name keep it whole ('Daniel arap Moi', 'José Eduardo dos Santos')", () => {
  const a = article("a", "Kenyan President Daniel arap Moi met José Eduardo dos Santos on Monday. Moi said the talks went well.");
  const b = article("b", "Daniel arap Moi flew home, and José Eduardo dos Santos stayed in Nairobi.");
  const entities = storyEntities([a, b]);
  person(entities, "Daniel arap Moi", ["Daniel arap Moi", "Moi"]);
  assert.ok(entities.some((e) => e.name === "José Eduardo dos Santos"), entities.map((e) => e.name).join(", "));
});

test("entities: 'el' inside a name keeps it whole, and the surname after a bare 'el' joins it ('Karim el Masri' … 'el Masri said')", () => {
  const a = article("a", "Prosecutors said Karim el Masri bought two rifles in Texas. Investigators said el Masri met the buyers twice, and el Masri denied it.");
  person(storyEntities([a]), "Karim el Masri", ["Karim el Masri", "Masri"]);
});

test("entities: a plural after 'the' names a group's members, not a person ('the Sable Harmonists' … 'Harmonists said')", () => {
  const a = article("a", "Agents surrounded the farm of the Sable Harmonists on Monday. Harmonists said they would stay. Two Harmonists walked out.");
  const b = article("b", "The siege of the Sable Harmonists went on. Harmonists told reporters they had food for a year.");
  assert.equal(typesIn(a.text, b.text)("Sable Harmonists"), "organization");
  assert.equal(typesIn("Agents met Anna Harmonists on Monday. Harmonists said she would stay.")("Anna Harmonists"), "person");
});

test("entities: a plural's or an s-ending name's possessive apostrophe is no part of the name ('Karl Marrs' appeal', 'Texas' courts')", () => {
  const a = article("a", "The board heard Karl Marrs' appeal on Monday. Marrs' lawyers said Texas' courts erred. Officials in Texas declined to comment.");
  const entities = storyEntities([a]);
  person(entities, "Karl Marrs", ["Karl Marrs", "Marrs"]);
  assert.deepEqual(find(entities, "Texas").variants, ["Texas"]);
});

test("entities: a body's field after 'of' or 'for' goes on past 'and' ('Office of Water Safety and Sanitation'); two names joined by 'and' stay two ('Britain and France', 'Bank of Japan and Toyota')", () => {
  const texts = [
    "The Office of Water Safety and Sanitation said on Monday that Britain and France had agreed. A loan from the Bank of Japan and Toyota came later.",
    "The Office of Water Safety and Sanitation declined to comment, and the Bank of Japan and Toyota said nothing. Centers for Rural Health and Nutrition staff helped.",
  ];
  assertNames(texts, ["Sanitation", "Office of Water Safety", "Bank of Japan and Toyota"], ["Office of Water Safety and Sanitation", "United Kingdom", "France", "Bank of Japan"]);
  assert.equal(typesIn(...texts)("Office of Water Safety and Sanitation"), "organization");
});

test("entities: a role or kin in lower case before a name makes it a person ('her son Emil', 'his main rival, Ilko Varga Ruhl'); a firm's rival is no person", () => {
  const types = typesIn(
    "Police said her son Emil was hurt on the bridge. Emil was taken to a hospital in the city.",
    "The mayor beat his main rival, Ilko Varga Ruhl, by ten points. Ilko Varga Ruhl won the north. Its rival Zentrix grew, and Zentrix hired staff.",
  );
  assert.equal(types("Emil"), "person");
  assert.equal(types("Ilko Varga Ruhl"), "person");
  assert.notEqual(types("Zentrix"), "person");
});

test("entities: a group's singular ('the Sable Harmonist farm') is the group the plural names ('the Sable Harmonists'), named by the plural", () => {
  const texts = [
    "Agents surrounded the Sable Harmonist farm on Monday. Harmonists said they would stay. The Sable Harmonist leader spoke.",
    "The siege of the Sable Harmonists went on. Harmonists told reporters they had food for a year.",
  ];
  const entities = storyEntities(texts.map((text, k) => article(`t${k}`, text)));
  const group = find(entities, "Sable Harmonists");
  assert.equal(group.type, "organization");
  assert.deepEqual([...group.variants].sort(), ["Harmonists", "Sable Harmonist", "Sable Harmonists"]);
});

test("entities: a body's name cut before its 'and' ('the Office of Water Safety') is the whole name ('Office of Water Safety and Sanitation')", () => {
  const a = article("a", "The Office of Water Safety and Sanitation warned on Monday. Later the Office of Water Safety said the wells were clean.");
  assert.deepEqual([...find(storyEntities([a]), "Office of Water Safety and Sanitation").variants].sort(), ["Office of Water Safety", "Office of Water Safety and Sanitation"]);
});

test("entities: a portfolio completes a title ('Minister of Health Chen Minzhang', 'Secretary of Labor Alexis Herman'); a company after 'of' is still a name of its own", () => {
  const a = article("a", "Minister of Health Chen Minzhang opened the clinic on Monday. Secretary of Labor Alexis Herman praised the CEO of General Motors Corp. for the deal.");
  const b = article("b", "Chen Minzhang said the clinic would help, and Alexis Herman agreed. General Motors Corp. declined to comment.");
  const entities = storyEntities([a, b]);
  person(entities, "Chen Minzhang", ["Chen Minzhang"]);
  person(entities, "Alexis Herman", ["Alexis Herman"]);
  assert.equal(find(entities, "General Motors Corp").type, "organization");
  assert.ok(!entities.some((e) => /^(?:Health|Labor) /.test(e.name)), entities.map((e) => e.name).join(", "));
});

test("quotes: 'he said' takes the speaking subject, not a name inside a phrase or an object, and nobody after 'the official said'", () => {
  const text =
    "Gregg Smith, chief strategist at Prudential Securities, said markets were calm. \"Nobody expects a surprise this week,\" he said.\n\n" +
    "Dan Stein, a neurologist, said Eugene de Kock typified the killers of the era. \"Many people found him polite in interviews,\" he said.\n\n" +
    "Some equipment was damaged in Izmit, said plant manager Mehmet Turkel. \"The plant should reopen within days,\" he said.\n\n" +
    "Sergei Lavrov met Mike Pompeo in May. The official said the talks went well. \"We do not agree on every detail of the plan,\" he said.";
  const a = article("a", text);
  assert.deepEqual(
    storyQuotes([a], storyEntities([a])).map((q) => [q.text.split(" ")[0], q.speaker]),
    [
      ["Nobody", "Gregg Smith"],
      ["Many", "Dan Stein"],
      ["The", "Mehmet Turkel"],
    ],
  );
});

test("entities: a sentence's opening function word ('Throughout', 'Whether') is not part of the name after it", () => {
  const a = article("a", "Throughout Izmit, rescuers searched the rubble. Whether Cheung will run again is unclear. Rescuers in Izmit found survivors, and Cheung said nothing.");
  const names = storyEntities([a]).map((e) => e.name);
  assert.ok(names.includes("Izmit") && names.includes("Cheung"), names.join(" | "));
  assert.ok(!names.some((n) => n.startsWith("Throughout") || n.startsWith("Whether")), names.join(" | "));
});

test("entities: 'I'm' is never a name; 'San Mateo-based' is an adjective before the name, while 'Li Ka-shing' stays whole", () => {
  const a = article("a", "\"Maybe I'm wrong,\" said Li Ka-shing. The San Mateo-based Napster grew fast, and I'm told Napster said so. Li Ka-shing said I'm sure.");
  const names = storyEntities([a]).map((e) => e.name);
  assert.ok(names.includes("Napster") && names.includes("Li Ka-shing"), names.join(" | "));
  assert.ok(!names.some((n) => n.includes("I'm") || n.includes("-based")), names.join(" | "));
});

test("entities: any title ending in a title word ('Canadian Transport Minister', 'Acme Senior Vice President', 'Lt. Col.') or a role before a given name ('Educator', 'Briton') stays out of the name; a first name before a given name stays in", () => {
  const a = article("a", "Canadian Transport Minister David Anderson wrote to carmakers. Acme Senior Vice President William H. Norwood said sales rose. Lt. Col. Mark Bellamy, a spokesman, said the base was calm.");
  const b = article("b", "Anderson warned them. Norwood said more. Bellamy said the base stays closed. Briton Brian Jones flew on. Jones landed on Sunday. Abdulhakim Ali Mohamed spoke, and Mohamed said it was over.");
  const entities = storyEntities([a, b]);
  person(entities, "David Anderson", ["Anderson", "David Anderson"]);
  person(entities, "William H. Norwood", ["Norwood", "William H. Norwood"]);
  person(entities, "Mark Bellamy", ["Bellamy", "Mark Bellamy"]);
  person(entities, "Brian Jones", ["Brian Jones", "Jones"]);
  find(entities, "Abdulhakim Ali Mohamed");
  const quotes = storyQuotes([article("c", "Transport Minister David Anderson spoke. “We must work together on this,” Transport Minister David Anderson said.")]);
  assert.equal(quotes[0]?.speaker, "David Anderson");
});

test("entities: words for peoples, faiths and parties ('Islamic', 'Brazilians', 'East Timorese', 'American Indian') are no entities; a place before one stays ('New Hampshire Democratic'), and the Summer Olympics stay a name", () => {
  const a = article("a", "Islamic militants marched. Brazilians voted on Sunday, and East Timorese fled. American Indian leaders met in New Hampshire. New Hampshire Democratic voters stayed home.");
  const b = article("b", "The Islamic group said it would march again. Many Brazilians stayed home. The Summer Olympics open in Sydney. Athletes trained for the Summer Olympics.");
  const names = storyEntities([a, b]).map((e) => e.name);
  for (const bad of ["Islamic", "Brazilians", "East Timorese", "American Indian", "New Hampshire Democratic", "Democratic"]) assert.ok(!names.includes(bad), `${bad} in ${names.join(", ")}`);
  assert.ok(names.includes("New Hampshire") && names.includes("Summer Olympics"), names.join(", "));
});

test("entities: a firm's bare name joins its name with the legal form ('Microsoft' and 'Microsoft Corp'), an organisation even when it speaks; a last word the text writes in lower case is no surname ('Climate Change' … 'Change')", () => {
  const a = article("a", "Microsoft Corp. shares fell. Microsoft said the ruling was wrong. Delegates met on Climate Change in Bali.");
  const b = article("b", "On Monday, Microsoft said it would appeal. Change came slowly, and the climate change talks went on. Delegates on Climate Change left.");
  const entities = storyEntities([a, b]);
  const firm = find(entities, "Microsoft Corp");
  assert.equal(firm.type, "organization");
  assert.deepEqual([...firm.variants].sort(), ["Microsoft", "Microsoft Corp"]);
  const climate = find(entities, "Climate Change");
  assert.notEqual(climate.type, "person");
  assert.deepEqual(climate.variants, ["Climate Change"]);
});

test("quotes: a name after a quote that closed its sentence is no attribution, the speaker before it is; a name after 'of' or 'the' is not the speaker, but 'the State Department said' is the State Department's; 'Name, the X's Secretary said' is Name; an age marks a person", () => {
  const text = [
    'The statement, read by an aide, demanded "that the talks end this week." Chile has previously said it would wait.',
    'Team manager Marc Biver declared: "He denies any wrongdoing at all." He added that the team was shocked.',
    'Margaret Beckett, the U.K.\'s Foreign Secretary said, "we sought a full explanation of what happened."',
    'A website run by supporters of Ahmadinejad said on Monday: "The charges would be very serious indeed."',
    'At least one protester was arrested, Xiao Tan, 32, of Chinese origin. "I am proud to be here," he told reporters.',
    '"The sides will discuss the need to stop the violence," the State Department said in a statement.',
  ].join("\n\n");
  const quotes = storyQuotes([article("a", text)]);
  assert.deepEqual(quotes.map((q) => q.speaker), ["Marc Biver", "Margaret Beckett", "Xiao Tan", "State Department"]);
});

test("entities: a common noun's possessive stays inside a name ('People's Liberation Army'); a mostly capitalised line that is a sentence is read for names", () => {
  const a = article("a", "The People's Liberation Army moved in. Many people watched.\n\nInternational Olympic Committee President Jacques Rogge declared the Beijing Olympic Games closed on Sunday.\n\nRogge thanked the volunteers.");
  const names = storyEntities([a]).map((e) => e.name);
  assert.ok(names.includes("People's Liberation Army") && !names.includes("Liberation Army"), names.join(", "));
  assert.ok(names.includes("Jacques Rogge"), names.join(", "));
});

test("entities: a name written after 'in' or 'near' twice and in a quarter of its mentions is a place ('in Pichilemu'); a given name or a possessive after 'in' is not ('in Clinton's speech')", () => {
  const texts = ["Rains hit Pichilemu on Monday. Roads in Pichilemu were closed, and the mayor of Pichilemu wants help. Schools in Pichilemu are shut.", "In Clinton's speech the budget came first. Clinton said so. Clinton spoke again, and Clinton left."];
  const types = new Map(storyEntities(texts.map((t, k) => article(`a${k}`, t))).map((e) => [e.name, e.type]));
  assert.deepEqual([types.get("Pichilemu"), types.get("Clinton")], ["place", "person"]);
});

test("entities: a first name that opens the other ('Don', 'Donald') joins the full name, so the bare surname has one holder; a title opening a sentence stays a title ('Dr. Ahmet Ozkul of Intelsat')", () => {
  const a = article("a", "Rates may rise, said Don Yeomans, a scientist. Experts, including Dr. Donald K. Yeomans of the laboratory, agreed. Yeomans said more.");
  const b = article("b", "The storm passed. Dr. Ahmet Ozkul of Intelsat estimates the risk is small. On Monday, Ozkul said the satellites were safe.");
  const entities = storyEntities([a, b]);
  person(entities, "Donald K. Yeomans", ["Don Yeomans", "Donald K. Yeomans", "Yeomans"]);
  person(entities, "Ahmet Ozkul", ["Ahmet Ozkul", "Ozkul"]);
});

test("time zones, currencies and common nouns' abbreviations are no entities, nor the end of one", () => {
  assertNames(
    [
      "The quake struck at 09:40 UTC near Lowtown. Aftershocks followed at 11:02 UTC and 13:15 UTC. Donors pledged 20 million USD, and a further 5 million USD came later.",
      "Acme Corp said its IBM PC sales fell. Acme Corp blamed the IBM PC price and the OS licence; the OS ships on every IBM PC.",
    ],
    ["UTC", "USD", "OS", "PC", "IBM PC"],
    ["IBM"],
  );
});

test("a name that 'said its' or has shares is a body, however often it speaks; a name mostly in quotation marks is a title", () => {
  const type = typesIn(
    "Zentrair said its pilots followed the checklist. Zentrair said on Tuesday that its fleet was safe. Zentrair shares fell 4 percent. Investigators praised Zentrair.",
    "Fans queued for \"Moon Quest\" tickets. The \"Moon Quest\" line grew, and \"Moon Quest\" toys sold out. Moon Quest said nothing, critics wrote.",
    "After the match, Kowalczyk said his team would win. Asked again, Kowalczyk said its rival was weaker. At home, Kowalczyk said he was tired.",
  );
  assert.deepEqual(["Zentrair", "Moon Quest", "Kowalczyk"].map(type), ["organization", "other", "person"]);
});

test("a name ending in City is a place, one ending in Watch a body, and one 'of' a place is named by its head", () => {
  const type = typesIn(
    "Floods reached Riverton City on Monday. Officials in Riverton City said the City would reopen schools. Harbor Rights Watch said aid was late, and Harbor Rights Watch asked for more.",
    "A judge of the Superior Court of Lowe County ruled on Friday. The Superior Court of Lowe County will hear the appeal.",
  );
  assert.deepEqual(["Riverton City", "Harbor Rights Watch", "Superior Court of Lowe County"].map(type), ["place", "organization", "organization"]);
});

test("a lone initial is no name: 'E. coli' and 'S. aureus' give no entity 'E.' or 'S.'; initials inside a name stay ('James B. Comey')", () => {
  assertNames(
    [
      "An E. coli outbreak sickened 30 people at the Lowe County Fair. Health officials said the E. coli strain was rare. FBI Director James B. Comey was not involved.",
      "Doctors found S. aureus in two patients and E. coli in five, the Lowe County Fair board said.",
    ],
    ["E.", "S."],
    ["James B. Comey", "Lowe County Fair"],
  );
});

test("a name the story calls a group is an organisation ('the militant group Zorvan', 'Kestrel fighters', 'his team Veloria'); a group's name after a clause's comma is not ('In one group, Curamid cut…')", () => {
  const type = typesIn(
    "The militant group Zorvan claimed the attack. Zorvan has threatened more attacks, and Zorvan leaders met on Friday.",
    "Kestrel fighters crossed the border. Kestrel controls the valley, and Kestrel commanders refused talks.",
    "The rider was withdrawn from the race by his team Veloria. Veloria had warned the rider twice, and Veloria apologised.",
    "In one group, Curamid cut the virus to undetectable levels. Curamid costs more, and doctors prescribe Curamid rarely.",
  );
  assert.deepEqual(["Zorvan", "Kestrel", "Veloria", "Curamid"].map(type), ["organization", "organization", "organization", "other"]);
});

test("quotes: 'he said' and 'she said' pass over a name the story gives the other pronoun ('Ms. Kern', 'Hale said he')", () => {
  const text =
    "Ms. Ida Kern runs the seed bank in the valley. Olaf Brandt, a father of three, planted the seeds Ms. Kern gave him last spring. " +
    "“This corn is part of our tradition,” he said. " +
    "Mayor Tom Hale said he would visit the farm, and Hale said he would bring the council. Rita Oduya said she would show them the fields. " +
    "After the tour, Hale spoke to Oduya's volunteers. “We could not have done it without them,” she said.";
  assert.deepEqual(
    attributed(text).pairs,
    [
      ["This corn is part of our tradition", "Olaf Brandt"],
      ["We could not have done it without them", "Rita Oduya"],
    ],
  );
});

test("a U.S. state abbreviated by initials is that state, a place ('Albany, N.Y.', 'Trenton, N.J.')", () => {
  const type = typesIn("The outbreak began at a fair in Albany, N.Y., and spread to Trenton, N.J., health officials said. Officials in N.Y. and N.J. closed two farms.");
  assert.deepEqual(["New York", "New Jersey"].map(type), ["place", "place"]);
});

test("a name in capitals ('KHIN NYO:' heading an interview's answers) joins the full name it stands for", () => {
  const entities = storyEntities([
    article("a", "Opposition leader Daw Khin Nyo was stopped by police on Monday. Khin Nyo said she would try again."),
    article("b", "Q: Were you afraid when the police stopped you?\n\nKHIN NYO: Not at all. I was calm.\n\nQ: Will you go back to the port?\n\nKHIN NYO: Yes, next week."),
  ]);
  assert.ok(!entities.some((e) => e.name === "KHIN NYO"), entities.map((e) => e.name).join(", "));
  assert.ok(entities.some((e) => e.type === "person" && e.variants.includes("KHIN NYO") && e.variants.includes("Daw Khin Nyo")), JSON.stringify(entities));
});

test("an acronym joins the name of the same story it abbreviates, not a person's name nor a word", () => {
  const a = article(
    "a",
    "The International Harbour Safety Board said on Monday that the ferry had no licence. " +
      "The IHSB said its inspectors had warned the owners twice, and the U.S. Coastal Research Agency agreed. " +
      "\"We saw this coming,\" the CRA said. President Ana Prieto said the port would stay shut, and an AP photographer filmed her. " +
      "Ana Prieto visited the port. Dock workers said NO to the plan until the IHSB reports, and no one knows when. " +
      "Divers from New Orleans joined the search, and the International Harbour Safety Board met again.",
  );
  const entities = storyEntities([a]);
  assert.deepEqual(find(entities, "International Harbour Safety Board").variants.sort(), ["IHSB", "International Harbour Safety Board"]);
  assert.deepEqual(find(entities, "U.S. Coastal Research Agency").variants.sort(), ["CRA", "U.S. Coastal Research Agency"]);
  assert.equal(find(entities, "U.S. Coastal Research Agency").type, "organization");
  assert.ok(!find(entities, "Ana Prieto").variants.includes("AP"));
  assert.ok(!find(entities, "New Orleans").variants.includes("NO"));
});

test("'es' inside a name keeps it whole: 'Dar es Salaam' is one place, not 'Dar' and 'Salaam'", () => {
  const entities = storyEntities([article("a", "Police in Dar es Salaam arrested two men on Friday. The blast in Dar es Salaam killed eleven people, and Salaam residents were shaken, a minister said.")]);
  assert.equal(find(entities, "Dar es Salaam").type, "place");
  assert.ok(!entities.some((e) => e.name === "Dar"), entities.map((e) => e.name).join(", "));
});

test("an acronym written at least twice as often as its full name names the entity", () => {
  const a = article(
    "a",
    "The Federal Harbour Bureau opened an inquiry on Monday. The FHB said the ferry had no licence. " +
      "Later the FHB fined the owners, and the FHB will report in March. The Coastal Research Agency and the CRA agreed.",
  );
  const entities = storyEntities([a]);
  assert.deepEqual(find(entities, "FHB").variants, ["FHB", "Federal Harbour Bureau"]);
  assert.deepEqual(find(entities, "Coastal Research Agency").variants.sort(), ["CRA", "Coastal Research Agency"]);
});

test("a state's AP short form ('Boulder, Colo.') is the state, a place; a surname such as Conn is not", () => {
  const entities = storyEntities([
    article("a", "Scientists in Boulder, Colo., and Palo Alto, Calif., said the drought would last. Colorado farmers agreed. Dr. Ellen Conn said the wells were dry. Conn has studied them since 1990, and Ellen Conn will testify."),
  ]);
  assert.deepEqual(find(entities, "Colorado").variants.sort(), ["Colo", "Colorado"]);
  assert.equal(find(entities, "California").type, "place");
  assert.ok(!entities.some((e) => e.name === "Colo" || e.name === "Calif"));
  assert.equal(find(entities, "Ellen Conn").type, "person");
  assert.ok(find(entities, "Ellen Conn").variants.includes("Conn"));
});

test("a contraction opening a sentence ('That's', 'Where's', 'It's') is no part of the name after it", () => {
  const entities = storyEntities([
    article("a", "That's Tethys, a moon of Saturn that few have studied. Astronomers watched Tethys for a year.\n\n\"Where's Nadia?\" the teacher asked. Nadia was late. \"It's Kestrel, and nobody else comes close,\" said one analyst of Kestrel."),
  ]);
  const names = entities.map((e) => e.name);
  for (const junk of ["That's Tethys", "Where's Nadia", "It's Kestrel"]) assert.ok(!names.includes(junk), names.join(", "));
  assert.ok(names.includes("Tethys") && names.includes("Kestrel"), names.join(", "));
});

test("entities: a body's name goes on over 'on' into its field ('Panel on Ocean Warming'), not into a place or a day", () => {
  const text =
    "The Regional Panel on Ocean Warming met in Lisbon. Delegates said ocean warming is speeding up. " +
    "The Regional Panel on Ocean Warming will report next year. The Harbour Committee on Monday rejected the plan, " +
    "and the Harbour Committee on Capitol Hill heard more.";
  assertNames([text], ["Regional Panel", "Ocean Warming", "Harbour Committee on Capitol Hill", "Harbour Committee on Monday"], ["Regional Panel on Ocean Warming", "Harbour Committee"]);
});

test("entities: an honour named after someone is no person ('Albert Kessel Award', 'Kessel Prize said')", () => {
  const type = typesIn(
    "The Albert Kessel Award went to a team in Lyon. The Albert Kessel Award carries a medal. " +
      "Earlier the Dora Kessel Prize said it would double its purse; the Dora Kessel Prize is older.",
  );
  assert.equal(type("Albert Kessel Award"), "other");
  assert.equal(type("Dora Kessel Prize"), "other");
});

test("entities: a compass word before one name is a region, though the name alone is used too ('North Varda' … 'Varda')", () => {
  const type = typesIn("Storms crossed the North Varda on Monday. Ships in the North Varda waited, and Varda ports closed. Varda said nothing.");
  assert.equal(type("North Varda"), "place");
});

test("entities: a one-word school name joins its full name ('Harlow' of 'Harlow University'), not a person's surname ('Brandt' of 'Ella Brandt')", () => {
  const entities = storyEntities([
    article("a", "Scientists at Harlow University said the test works. Harlow will share the data. Ella Brandt, who teaches at Brandt College, said Harlow was right. Brandt said more tests are due."),
  ]);
  assert.deepEqual([...find(entities, "Harlow University").variants].sort(), ["Harlow", "Harlow University"]);
  assert.equal(find(entities, "Ella Brandt").type, "person");
  assert.ok(find(entities, "Ella Brandt").variants.includes("Brandt"));
  const town = storyEntities([article("b", "He studied at Kessington University. He grew up in Kessington, and Kessington still calls him. He left Kessington University in 1990.")]);
  assert.ok(!find(town, "Kessington University").variants.includes("Kessington"));
});

test("entities: a firm's form cut from its name ('Co', 'Inc.') is no entity", () => {
  assertNames(["Orvel & Co. bought the mill. Later Orvel & Co. sold it to Tarn, Inc., whose chief said Tarn, Inc. would keep it. Tarn Inc is small."], ["Co", "Inc", "Inc."], ["Tarn Inc"]);
});

test("entities: a name ending in a business word ('Telecom', 'Pharmaceuticals') is an organisation", () => {
  const type = typesIn(
    "Harbin Telecom said on Monday it would cut 300 jobs. Harbin Telecom had lost money for two years.",
    "Analysts said Marlow Pharmaceuticals would buy Harbin Telecom. Marlow Pharmaceuticals declined to comment.",
  );
  assert.equal(type("Harbin Telecom"), "organization");
  assert.equal(type("Marlow Pharmaceuticals"), "organization");
});

test("entities: a name followed by 'island' or 'region', or ending in 'Sound', is a place", () => {
  const type = typesIn(
    "The storm flattened homes on Velmora island and flooded the Tarrant region. Ferries crossed Kessel Sound.",
    "Velmora island lost power, aid reached the Tarrant region, and Kessel Sound was closed to boats.",
  );
  assert.equal(type("Velmora"), "place");
  assert.equal(type("Tarrant"), "place");
  assert.equal(type("Kessel Sound"), "place");
});

test("a name whose officials, spokesman or shares the story names is a body, though it speaks; a thing with 'its' stays a thing", () => {
  const type = typesIn(
    "Marbeck said its machines earn $2 million a year. Marbeck officials declined to say more. A Marbeck spokesman said fees would stay.",
    "Customers of Tolvane pay more. Tolvane officials met the mayor, and a Tolvane spokeswoman called the ban unfair. Tolvane shares fell.",
    "Astronomers watched Quorra and its moons. Quorra and its rings were bright, and Quorra rose early.",
  );
  assert.deepEqual(["Marbeck", "Tolvane", "Quorra"].map(type), ["organization", "organization", "other"]);
});

test("a body's name after its country's or union's initials is the body ('U.N. Refugee Relief Agency' is the 'Refugee Relief Agency')", () => {
  const entities = storyEntities([
    article("a", "The U.N. Refugee Relief Agency sent tents on Monday. The Refugee Relief Agency said more would follow."),
    article("b", "Trucks of the Refugee Relief Agency reached the camp, and US Marine Survey Office divers searched the bay. The Marine Survey Office found nothing, and the Marine Survey Office left."),
  ]);
  assert.deepEqual([...find(entities, "Refugee Relief Agency").variants].sort(), ["Refugee Relief Agency", "U.N. Refugee Relief Agency"]);
  assert.deepEqual([...find(entities, "Marine Survey Office").variants].sort(), ["Marine Survey Office", "US Marine Survey Office"]);
});

test("a name ending in 'Institutes', 'Program', 'Front', 'Panel' or 'Corps' is an organisation", () => {
  const type = typesIn(
    "The Delta Liberation Front took the town. Aid from the Harbor Food Program and the Coastal Relief Corps stopped. The Delta Liberation Front held it.",
    "The National Institutes of Ocean Health and the Regional Tide Panel warned again. The Harbor Food Program and the Coastal Relief Corps left.",
    "The Regional Tide Panel met the National Institutes of Ocean Health.",
  );
  assert.deepEqual(
    ["Delta Liberation Front", "Harbor Food Program", "Coastal Relief Corps", "National Institutes of Ocean Health", "Regional Tide Panel"].map(type),
    ["organization", "organization", "organization", "organization", "organization"],
  );
});

test("a lone surname joins the full name it mostly stands for ('Gore' with 'Al Gore' over 'Tipper Gore'), a surname written twice or a particle capitalised ('Bin Laden') too", () => {
  const entities = storyEntities([
    article("a", "Vice President Arlo Venn spoke in Ohio. Arlo Venn said taxes would fall. Venn said so again, and Venn left. His wife, Tessa Venn, stayed."),
    article("b", "Arlo Venn toured a plant. Venn said jobs would come, Arlo Venn said later, and Venn smiled. A grim-faced Venn Venn said nothing more."),
    article("c", "The hunt for Omar bin Qadir went on. Omar bin Qadir was seen in May. Qadir said little. Police said Bin Qadir was last seen in June."),
  ]);
  assert.deepEqual([...find(entities, "Arlo Venn").variants].sort(), ["Arlo Venn", "Venn", "Venn Venn"]);
  assert.deepEqual([...find(entities, "Omar bin Qadir").variants].sort(), ["Bin Qadir", "Omar bin Qadir", "Qadir"]);
});

test("a lone surname stays apart when the story also writes it in lower case, or titles it like another holder", () => {
  const names = storyEntities([
    article("a", "President Dale Orton spoke. Mira Quell Orton, his wife, and Mira Quell Orton's aide smiled. Mira Quell Orton waved, and Mira Quell Orton left. President Orton said so."),
    article("b", "Zentop Pane said a pane broke. Zentop Pane said it twice, and Zentop Pane said it again. Glass Pane said no. Later Pane said yes, and then Pane added more."),
  ]).map((e) => e.name);
  assert.ok(names.includes("Orton"), names.join(", "));
  assert.ok(names.includes("Pane"), names.join(", "));
});

test("entities: two fields joined by 'and' before a public body's word are one name ('Harbour and Canal Authority'), its short form joins it", () => {
  const text =
    "The Harbour and Canal Authority opened an inquiry. Dredging the canal costs more each year, the Harbour and Canal Authority said. " +
    "The Harbour Authority will report in June. Meanwhile the Kestrel Alliance for Research on Tides and Currents studied the tides. " +
    "The Kestrel Alliance for Research on Tides and Currents said research on tides needs money. Orlen and Justice Department lawyers met.";
  assertNames([text], ["Canal Authority", "Harbour", "Kestrel Alliance for Research", "Tides", "Orlen and Justice Department"], ["Harbour and Canal Authority", "Kestrel Alliance for Research on Tides and Currents", "Justice Department"]);
  const authority = storyEntities([article("a", text)]).find((e) => e.name === "Harbour and Canal Authority");
  assert.ok(authority?.variants.includes("Harbour Authority"), JSON.stringify(authority));
});

test("entities: places by their cues: 'across the' or 'in the' before a name, 'the western' X, 'capital of' X, X 'residents', a town before its state ('Pellham, Ore.'); not a law written 'in the' ('Marlow Budget Act')", () => {
  const type = typesIn(
    "Trawlers work across the Kelvar Basin in winter. Storms grew worse in the Kelvar Basin. The western Kelvar Basin froze. " +
      "Turnout was high in Dorvan province, officials said. Dorvan residents disputed that. Voters in Mirsk, the capital of Dorvan, stayed home. " +
      "Schools in Pellham, Ore., and Tadley, Pa., added guards. Pellham, Ore., hired two more. " +
      "Senators fought over items in the Marlow Budget Act. A clause in the Marlow Budget Act cut spending.",
  );
  assert.equal(type("Kelvar Basin"), "place");
  assert.equal(type("Dorvan"), "place");
  assert.equal(type("Pellham"), "place");
  assert.equal(type("Marlow Budget Act"), "other");
});

test("entities: a name after a quotation's 'says' is a person's ('\"It rained,\" says Pellow.'), not one before a noun ('said Acme spokesman'); a given name alone that 'her' follows twice is a person", () => {
  const text =
    "\"We ride every day,\" says Pellow. \"Rain or not,\" says Pellow, laughing. Pellow keeps maps in the attic. " +
    "\"Prices rose,\" said Dorrit spokesman Al Vane. \"Sales fell,\" said Dorrit spokeswoman Bea Lind. Dorrit makes vans. " +
    "Then Rebecca took the bus with her mother. Later Rebecca lost her bag. Rebecca came back.";
  const people = storyEntities([article("a", text)]).filter((e) => e.type === "person").map((e) => e.name);
  assert.deepEqual(["Pellow", "Rebecca", "Dorrit"].map((name) => people.includes(name)), [true, true, false]);
});

test("entities: a word only capitalised at sentence starts and written in lower case too is no name, though it ends a name ('Tarrow County Schools' … 'Schools')", () => {
  const text =
    "Tarrow County Schools hired guards. Schools across the state did the same. Schools were told to drill. " +
    "Older schools lack cameras, and the Tarrow County Schools board asked for money. Lavrov arrived later; Sergei Lavrov spoke.";
  assertNames([text], ["Schools"], ["Tarrow County Schools", "Sergei Lavrov"]);
});

test("entities: 'Candidate' opening a sentence is a title before the name ('Candidate Rowan Pell' is 'Rowan Pell')", () => {
  assertNames(["Turnout was low in the north.\n\nCandidate Rowan Pell, a teacher, blamed the rain. Pell said voters stayed home."], ["Candidate Rowan Pell"], ["Rowan Pell"]);
});
