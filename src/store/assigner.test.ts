import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bcubed, loadSet, mixtures } from "../bench/story-data.js";
import { wikinewsArticles } from "../testing/newsroom.js";
import { StoryIndexAssigner, TitleWordsAssigner, type StoryAssigner } from "./assigner.js";

// Two unrelated WikiNews clusters of multiling2011_en (CC BY 2.5), read at test time, interleaved as they might arrive.
const all = wikinewsArticles();
const haiti = all.filter((a) => a.cluster === "M006");
const tour = all.filter((a) => a.cluster === "M003");
const stream = haiti.flatMap((a, i) => [a, tour[i]]).map((a, i) => ({ id: `a${i}`, title: a.title, text: a.text, published: a.published, cluster: a.cluster }));

function assignAll(assigner: StoryAssigner, articles: typeof stream): string[] {
  return articles.map((a) => assigner.assign(a));
}

describe("StoryIndexAssigner (the incremental StoryIndex behind the StoryAssigner interface)", () => {
  test("uses real clusters: both have ten articles", () => {
    assert.equal(haiti.length, 10);
    assert.equal(tour.length, 10);
  });

  test("never puts articles of unrelated clusters in one story", () => {
    const keys = assignAll(new StoryIndexAssigner(), stream);
    const clusterOf = new Map<string, Set<string>>();
    keys.forEach((k, i) => (clusterOf.get(k) ?? clusterOf.set(k, new Set()).get(k)!).add(stream[i].cluster));
    for (const [key, clusters] of clusterOf) assert.equal(clusters.size, 1, `story ${key} mixes ${[...clusters].join(" and ")}`);
  });

  test("after a restart (load of the stored keys) it assigns exactly as if it had never stopped", () => {
    const straight = assignAll(new StoryIndexAssigner(), stream);
    for (const cut of [1, 7, 13]) {
      const restarted = new StoryIndexAssigner();
      restarted.load(stream.slice(0, cut).map((a, i) => ({ ...a, storyKey: straight[i] })));
      assert.deepEqual(assignAll(restarted, stream.slice(cut)), straight.slice(cut), `restart after ${cut} articles`);
    }
  });

  test("an article too short to group is a story of its own, before and after a restart, and later articles group as without it", () => {
    const short = { id: "s", title: "Haiti", text: "Haiti earthquake aid arrives.", published: haiti[0].published, cluster: "M006", wordCount: 4 };
    const withShort = [...stream.slice(0, 6), short, ...stream.slice(6)];
    const keys = assignAll(new StoryIndexAssigner(), withShort);
    assert.equal(keys.filter((k) => k === keys[6]).length, 1, "the short article shares its story with no other");
    assert.deepEqual(keys.filter((_, i) => i !== 6).map((k) => k === keys[0]), assignAll(new StoryIndexAssigner(), stream).map((k, _, all) => k === all[0]));
    const restarted = new StoryIndexAssigner();
    restarted.load(withShort.slice(0, 7).map((a, i) => ({ ...a, storyKey: keys[i] })));
    assert.deepEqual(assignAll(restarted, withShort.slice(7)), keys.slice(7));
  });

  test("keeps the stories of a store grouped by another assigner, and never reuses their keys", () => {
    const old = new TitleWordsAssigner();
    const first = stream.slice(0, 10).map((a) => ({ ...a, storyKey: old.assign(a) }));
    const assigner = new StoryIndexAssigner();
    assigner.load(first);
    const fresh = new StoryIndexAssigner();
    const freshKeys = assignAll(fresh, stream);
    const later = assignAll(assigner, stream.slice(10));
    const oldKeys = new Set(first.map((a) => a.storyKey));
    later.forEach((key, i) => {
      const joinedOld = freshKeys.slice(0, 10).includes(freshKeys[10 + i]);
      // An article that the index puts with stored articles gets their stored key; a new story gets a key no stored story has.
      if (joinedOld) assert.ok(oldKeys.has(key), `article ${10 + i} joined a stored story but got ${key}`);
      else assert.ok(!oldKeys.has(key) && /^i\d+$/.test(key), `article ${10 + i} started a story but got ${key}`);
    });
  });

  test("with its merges applied, the stored grouping is exactly the index's: no story mixes the two WikiNews clusters", () => {
    const assigner = new StoryIndexAssigner();
    const storyOf = new Map<string, string>();
    for (const a of stream) {
      storyOf.set(a.id, assigner.assign(a));
      for (const m of assigner.takeMerges()) for (const [id, key] of storyOf) if (key === m.from) storyOf.set(id, m.into);
    }
    const clustersOf = new Map<string, Set<string>>();
    for (const a of stream) (clustersOf.get(storyOf.get(a.id)!) ?? clustersOf.set(storyOf.get(a.id)!, new Set()).get(storyOf.get(a.id)!)!).add(a.cluster);
    for (const [key, clusters] of clustersOf) assert.equal(clusters.size, 1, `story ${key} mixes ${[...clusters].join(" and ")}`);
    // The stored grouping is the index's own: stories it merged are merged in the store too.
    const byKey = [...clustersOf.keys()].map((key) => stream.filter((a) => storyOf.get(a.id) === key).map((a) => a.id).sort());
    assert.deepEqual(byKey.sort(), assigner.groups().map((g) => [...g].sort()).sort());
    assert.ok(clustersOf.size <= 4, `${clustersOf.size} stories for 2 WikiNews clusters`);
  });
});

test("StoryIndexAssigner: fed a DUC 2003 mixture one article at a time, it keeps the clusters apart about as a batch run does", () => {
  // Ten-article DUC 2003 clusters on neighbouring subjects, interleaved: early passes over a few articles must not merge them for good.
  const clusters = loadSet("duc2003_task2");
  const mixes = mixtures(clusters, 6, 7);
  let f = 0;
  for (const mix of mixes) {
    const assigner = new StoryIndexAssigner();
    const storyOf = new Map<string, string>();
    for (const a of mix.articles) {
      storyOf.set(a.id, assigner.assign({ ...a, title: a.title ?? "" }));
      for (const m of assigner.takeMerges()) for (const [id, key] of storyOf) if (key === m.from) storyOf.set(id, m.into);
    }
    f += bcubed(storyOf, mix.gold).f;
  }
  assert.ok(f / mixes.length >= 0.85, `BCubed F1 ${(f / mixes.length).toFixed(3)} over ${mixes.length} mixtures`);
});
