import assert from "node:assert/strict";
import { test } from "node:test";
import { assignment, bcubed, loadSet, mixtures, pile } from "../bench/story-data.js";
import { requireShared } from "../testing/fixtures.js";
import { groupStories, StoryIndex } from "./index.js";
import { storyLabel } from "./label.js";

test("grouping: a partition of the pile, close to the gold clusters, incremental close to batch", () => {
  requireShared();
  const mixes = mixtures(loadSet("multiling2011_en"), 3, 11);
  for (const mix of mixes) {
    const stories = groupStories(mix.articles);
    const ids = stories.flatMap((s) => s.articleIds);
    assert.equal(ids.length, mix.articles.length);
    assert.equal(new Set(ids).size, ids.length, "each article in exactly one story");
    assert.deepEqual(stories.map((s) => s.id), stories.map((_, k) => `s${k + 1}`));
    for (let k = 1; k < stories.length; k++) assert.ok(stories[k - 1].articleIds.length >= stories[k].articleIds.length, "largest first");
    const batch = assignment(stories);
    assert.ok(bcubed(batch, mix.gold).p > 0.8, "precision against the gold clusters");
    const index = new StoryIndex();
    for (const a of mix.articles) index.add(a);
    assert.ok(bcubed(assignment(index.stories()), batch).f > 0.7, "incremental agrees with batch");
  }
});

test("batch = the incremental index run in order plus its refinement pass and reassignment, exactly (the service groups like brief but for the moves)", () => {
  requireShared();
  for (const [set, granularity] of [["multiling2011_en", "event"], ["duc2006", "topic"]] as const) {
    const [mix] = mixtures(loadSet(set), 1, 3);
    const index = new StoryIndex({ granularity });
    for (const a of mix.articles) index.add(a);
    index.refine();
    index.reassign();
    assert.deepEqual(index.stories(), groupStories(mix.articles, { granularity }));
  }
});

test("reassignment: the Beijing opening ceremony, first paired with a car-rental report two years older, moves to the torch-relay story", () => {
  requireShared();
  const mix = pile(loadSet("multiling2011_en"), ["M009#5", "M009#3", "M009#1", "M008#1", "M001#1", "M009#9"], ["M009#1", "M008#1"]);
  const index = new StoryIndex();
  for (const a of mix.articles) index.add(a);
  index.refine();
  assert.ok(index.stories().some((s) => s.articleIds.includes("M009#1") && s.articleIds.includes("M009#5")), "the refined grouping pairs it with the car-rental report");
  const batch = groupStories(mix.articles).map((s) => [...s.articleIds].sort());
  assert.ok(batch.some((ids) => ids.join() === "M009#1,M009#3,M009#9"), JSON.stringify(batch));
});

test("pieces of one development join: the ten MultiLing stories come out as ten (the Tour de France split in 3, the tsunami aid in 5, before joinPieces)", () => {
  requireShared();
  const [mix] = mixtures(loadSet("multiling2011_en"), 1, 1);
  assert.equal(new Set(mix.gold.values()).size, 10);
  const stories = groupStories(mix.articles);
  const s = bcubed(assignment(stories), mix.gold);
  // One article stays apart since fragments of one fortnight attach in every refresh (SPELL): recall 1 before.
  assert.equal(s.p, 1, `precision ${s.p}`);
  assert.ok(s.r >= 0.98, `recall ${s.r}`);
});

test("the incremental index joins pieces of one development too, at each refresh: a MultiLing pile without the final refinement", () => {
  requireShared();
  const [mix] = mixtures(loadSet("multiling2011_en"), 1, 3);
  const index = new StoryIndex();
  for (const a of mix.articles) index.add(a);
  const s = bcubed(assignment(index.stories()), mix.gold);
  // Precision 1 until guessed years bounded undated reports from below only (recall 0.840 -> 0.878):
  // a 2008 torch-relay report now ends in the London bombings story, which its own dates run to 2008.
  assert.ok(s.p > 0.95, `precision ${s.p}`);
  assert.ok(s.r > 0.75, `recall ${s.r} (0.718 when only the final refinement joined pieces)`);
});

test("topic granularity gives no more stories than event granularity", () => {
  requireShared();
  const [mix] = mixtures(loadSet("duc2003_task2"), 1, 5);
  const event = assignment(groupStories(mix.articles, { granularity: "event" }));
  const topic = assignment(groupStories(mix.articles, { granularity: "topic" }));
  assert.ok(new Set(topic.values()).size <= new Set(event.values()).size);
});

test("terms found in one article only weigh less, so a detailed report stays close to a short one on the same event", () => {
  class Probe extends StoryIndex {
    cosine(a: number, b: number): number {
      const [va, vb] = [this.members[a].vector, this.members[b].vector];
      const weights = new Map(Array.from(va.ids, (id, k) => [id, va.w[k]]));
      return Array.from(vb.ids).reduce((dot, id, k) => dot + (weights.get(id) ?? 0) * vb.w[k], 0);
    }
  }
  const details = Array.from({ length: 40 }, (_, k) => `detail${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`).join(" ");
  const articles = [
    { id: "short", text: "Floods swept the river valley. Rescuers evacuated villages near the dam." },
    { id: "long", text: `Floods swept the river valley. Rescuers evacuated villages near the dam. ${details}.` },
    { id: "other", text: "The central bank raised interest rates again to fight inflation." },
  ];
  const cosine = (rareWeight: number): number => {
    // The long report's made-up words carry no capitals, so it counts as lower-cased text.
    const probe = new Probe({ rareWeight, lowerCasedRareWeight: rareWeight });
    for (const a of articles) probe.add(a);
    probe.refresh(1);
    return probe.cosine(0, 1);
  };
  assert.ok(cosine(0.5) > cosine(1) * 1.3);
});

test("labels: whole names, the most mentioned first, a word never twice, then when", () => {
  const a = { id: "a", published: "2009-06-02", text: "Air France Flight 447 vanished over the Atlantic Ocean. Brazil sent ships. Air France said the Airbus was new. Relatives of Air France Flight 447 passengers gathered in Paris." };
  const b = { id: "b", published: "2009-06-03", text: "Brazil found debris of Air France Flight 447 in the Atlantic Ocean. France sent a submarine to search for Air France Flight 447." };
  assert.equal(storyLabel([a, b]), "Air France Flight 447, Atlantic Ocean, Brazil (2009-06)");
});

test("a label names no year a weak estimate guessed, and keeps the year a trusted one gives", () => {
  const pinochet = (id: string) => ({ id, text: "Pinochet's lawyers appealed against the arrest. The warrant covers killings between Sept. 11 1973 and Dec. 31, 1983, the judge said. Pinochet stays in London." });
  assert.doesNotMatch(storyLabel([pinochet("a"), pinochet("b")]), /\(/);
  const tillerson = (id: string) => ({ id, text: "Secretary of State Rex Tillerson met Foreign Minister Sergei Lavrov. President Donald Trump said Tillerson and Lavrov had a good meeting in May." });
  assert.match(storyLabel([tillerson("a"), tillerson("b")]), /\(2017\)$/);
});

test("a label names the month a trusted estimate gives to the month, not just its year", () => {
  const sochi = (id: string) => ({ id, text: "Secretary of State Mike Pompeo will hold the highest-level talks with Moscow since July 2018, officials said on May 10. Secretary of State Mike Pompeo flies to Sochi on May 14 to meet Vladimir Putin." });
  assert.match(storyLabel([sochi("a"), sochi("b")]), /\(2019-05\)$/);
});

/** Builds stories directly, to score them against each other. */
class Probe extends StoryIndex {
  story(articles: Array<{ id: string; text: string }>): number {
    const c = this.newCluster();
    for (const a of articles) this.join(this.member(a, this.features(a)), c);
    return c;
  }
  count(articles: Array<{ id: string; text: string }>): void {
    for (const a of articles) this.vocab.addDocument(this.features(a).ids);
  }
  score(a: number, b: number): number {
    return this.pairScore(a, b);
  }
}

test("a story blended from many loosely related reports does not take in yet another (minCohesion)", () => {
  // 30 reports that share one word and otherwise pairs of words with one other report each.
  const word = (k: number): string => "q" + String.fromCharCode(97 + (k % 26)) + String.fromCharCode(97 + Math.floor(k / 26)) + "zz";
  const blend = Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, text: `senator ${word(i)} ${word(i + 1)} ${word(100 + i)} ${word(101 + i)}.` }));
  const report = { id: "r", text: `senator ${word(3)} ${word(10)} ${word(17)} ${word(200)} ${word(201)}.` };
  const other = { id: "o", text: `${word(200)} ${word(201)} ${word(202)} ${word(203)}.` };
  const scores = [0, 0.1].map((minCohesion) => {
    const probe = new Probe({ minCohesion });
    probe.count([...blend, report, other, other]);
    const b = probe.story(blend);
    const r = probe.story([report]);
    return probe.score(b, r);
  });
  const { threshold } = new StoryIndex().options;
  assert.ok(scores[0] >= threshold, `without the floor the blend reaches the report (${scores[0]})`);
  assert.ok(scores[1] < threshold, `with it, it does not (${scores[1]})`);
  assert.equal(new StoryIndex({ granularity: "event" }).options.minCohesion, 0.1);
});

test("the final refinement counts idf partly over stories: a word all of one story's articles share keeps weight", () => {
  const w = (k: number): string => "q" + String.fromCharCode(97 + k) + "xzz";
  const a = Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, text: `glorpzz ${w(i)} ${w(i + 1)}${i === 0 ? " sharedzz" : ""}.` }));
  const b = Array.from({ length: 2 }, (_, i) => ({ id: `b${i}`, text: `${w(20 + i)} ${w(22)}${i === 0 ? " sharedzz" : ""}.` }));
  class Weights extends Probe {
    ratio(): { refined: number; articles: number } {
      const [glorp] = this.features({ id: "x", text: "glorpzz" }).ids;
      const [shared] = this.features({ id: "y", text: "sharedzz" }).ids;
      const v = this.members[0].vector;
      const at = (id: number): number => v.w[Array.from(v.ids).indexOf(id)];
      return { refined: at(glorp) / at(shared), articles: this.vocab.idf(glorp, this.options.idfPrior) / this.vocab.idf(shared, this.options.idfPrior) };
    }
  }
  const probe = new Weights();
  probe.count([...a, ...b]);
  probe.story(a);
  probe.story(b);
  probe.refine();
  assert.equal(probe.stories().length, 2);
  const { refined, articles } = probe.ratio();
  assert.ok(refined > articles + 0.1, `${refined} vs ${articles} with article idf only`);
});

test("lower-cased text: adjacent content words tell two similar events apart (Multi-News: a tow truck kills a woman, a hijacked bus kills a pedestrian)", () => {
  requireShared();
  // The order matters: the same six articles in most other orders merge the two accidents.
  const order = ["070#1", "317#1", "317#0", "070#0", "871#0", "871#1"];
  const mix = pile(loadSet("multinews", { limit: 1000 }), order.map((id) => `multinews-validation-00${id}`));
  const s = bcubed(assignment(groupStories(mix.articles)), mix.gold);
  assert.deepEqual([s.p, s.r], [1, 1], `precision ${s.p}, recall ${s.r}`);
});

test("a dated fragment joins the dated story of the same fortnight it is closest to, below the usual bar (a MultiLing pile of three stories)", () => {
  requireShared();
  const order = "M000#0 M006#4 M006#1 M000#4 M004#1 M006#0 M006#6 M000#8 M000#5 M006#2 M004#5 M004#2 M006#9 M006#8 M006#5 M006#7 M006#3 M000#1 M004#4 M004#9 M000#9 M004#0 M004#8 M004#6 M000#6 M000#3 M000#2 M004#7 M000#7 M004#3";
  const undated = "M006#1 M000#4 M004#5 M006#8 M006#5 M006#7 M006#3 M004#9 M000#9 M000#6 M000#7";
  const mix = pile(loadSet("multiling2011_en"), order.split(" "), undated.split(" "));
  assert.equal(new Set(mix.gold.values()).size, 3);
  const s = bcubed(assignment(groupStories(mix.articles)), mix.gold);
  assert.equal(s.p, 1);
  // 0.88: M000#3 (May 2005) stays apart. It was bridged to the story by M000#7 while that report's printed date, run
  // into its first sentence, was misread into an estimate of December 2005; the date line is now cut from its text.
  assert.ok(s.r > 0.85, `recall ${s.r} (0.780 without SPELL)`);
});

test("lower-cased reports on one subject but different events stay apart (Multi-News: lowerCasedRareWeight)", () => {
  requireShared();
  const mixes = mixtures(loadSet("multinews", { limit: 1000 }), 30, 3);
  let p = 0;
  let f = 0;
  for (const mix of mixes) {
    const s = bcubed(assignment(groupStories(mix.articles)), mix.gold);
    p += s.p / mixes.length;
    f += s.f / mixes.length;
  }
  // 0.926 and 0.865; at the plain rareWeight (0.5) 0.892 and 0.866.
  assert.ok(p > 0.91, `precision ${p}`);
  assert.ok(f > 0.85, `F1 ${f}`);
});

test("an incremental label names no weekday or month, however often the story says them", () => {
  const text = (id: string) => ({ id, text: "Floods hit Lowtown on Monday. Rescuers in Lowtown worked through Monday and Tuesday. On Tuesday the river fell in Lowtown, and by Wednesday in June the roads reopened." });
  const index = new StoryIndex();
  for (const a of [text("a"), text("b"), text("c")]) index.add(a);
  index.refresh();
  const labels = index.stories().map((s) => s.label);
  assert.ok(labels.some((l) => l.includes("Lowtown")), labels.join(" | "));
  for (const label of labels) assert.doesNotMatch(label, /Monday|Tuesday|Wednesday|June/);
});

test("a story whose text names no one is labelled by its article's title, not 'untitled', in a batch run and alone", () => {
  const article = { id: "a", title: "Council vote", text: "The city council voted on Tuesday to approve the harbour budget after a long debate about schools and roads." };
  assert.deepEqual(groupStories([article]).map((s) => s.label), ["Council vote"]);
  assert.equal(storyLabel([article]), "Council vote");
  assert.equal(storyLabel([{ ...article, title: undefined }]), "untitled");
});

test("stories their names alone label alike are told apart by their first article's title, in brief and stories alike", async () => {
  const article = (id: string, title: string, text: string) => ({ id, title, text });
  const pile = [
    article("a1", "Bridge closed after storm", "The old river bridge in Washington was closed on Monday after the storm damaged two of its steel supports, and engineers began a full inspection of the structure. Engineers said the bridge could stay closed for weeks while crews replace the damaged supports and repair the cracked deck."),
    article("a2", "Storm damage shuts bridge", "Engineers inspecting the storm-damaged river bridge in Washington said on Tuesday that two steel supports must be replaced before the bridge can reopen. Crews will repair the cracked deck and the supports, and the bridge is expected to stay closed for several weeks."),
    article("b1", "Teachers approve new contract", "Teachers in Washington voted on Thursday to approve a new three-year contract that raises salaries and limits class sizes in every public school. The union said the contract ends months of tense talks over pay, pensions and the number of pupils in each classroom."),
    article("b2", "School contract ratified", "Public school teachers in Washington ratified a three-year contract on Thursday, winning higher salaries and smaller classes after months of talks. Union leaders said pensions and pay had been the hardest points in the negotiations over the new contract."),
  ];
  const { brief } = await import("../core/brief.js");
  const { groupInputs } = await import("../core/stories.js");
  const expected = ["Washington — Bridge closed after storm", "Washington — Teachers approve new contract"];
  assert.deepEqual((await brief(pile)).stories.map((s) => s.label), expected);
  assert.deepEqual((await groupInputs(pile)).stories.map((s) => s.label), expected);
  assert.deepEqual((await brief(pile.slice(0, 2))).stories.map((s) => s.label), ["Washington"], "a label no other story shares stays as it is");
});

test("an undated report whose only year is a background date joins its dated story: the guessed year bounds it from below only (DUC 2003: Pinochet 1973/1983, Lockerbie 1988, both in 1998 piles)", () => {
  requireShared();
  const mix = pile(loadSet("duc2003_task2"), "D30003#0 D30003#1 D30003#2 D30003#3 D30042#0 D30042#1 D30042#2 D30042#8".split(" "), ["D30003#3", "D30042#8"]);
  const stories = groupStories(mix.articles).map((s) => [...s.articleIds].sort().join());
  assert.deepEqual(stories.sort(), ["D30003#0,D30003#1,D30003#2,D30003#3", "D30042#0,D30042#1,D30042#2,D30042#8"]);
});

test("batchStories: an index's articles grouped exactly as groupStories groups them, the index itself left as it was", () => {
  requireShared();
  for (const mix of mixtures(loadSet("multinews", { limit: 300 }), 3, 5)) {
    const half = Math.ceil(mix.articles.length / 2);
    const index = new StoryIndex();
    mix.articles.slice(0, half).forEach((a) => index.add(a));
    const grouped = (stories: Array<{ articleIds: string[] }>) => stories.map((s) => s.articleIds.join());
    assert.deepEqual(grouped(index.batchStories()), grouped(groupStories(mix.articles.slice(0, half))));
    mix.articles.slice(half).forEach((a) => index.add(a));
    const untouched = new StoryIndex();
    mix.articles.forEach((a) => untouched.add(a));
    assert.deepEqual(grouped(index.stories(false)), grouped(untouched.stories(false)), "the index goes on as if batchStories had not run");
    assert.deepEqual(grouped(index.batchStories()), grouped(groupStories(mix.articles)));
  }
});
