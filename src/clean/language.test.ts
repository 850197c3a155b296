import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { brief } from "../core/brief.js";
import { readDataset } from "../eval/datasets.js";
import { requireShared, SEEDS, SHARED } from "../testing/fixtures.js";
import { notEnglish } from "./language.js";

async function documentsOf(file: string, ids?: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const item of readDataset(`${SHARED}data/${file}`)) {
    if ("record" in item && (!ids || ids.includes(item.record.id))) out.set(item.record.id, item.record.documents);
  }
  return out;
}

test("no English article is taken for another language: every document of DUC 2003, DUC 2006, MultiLing 2011 and the seeds", async () => {
  requireShared();
  const flagged: string[] = [];
  for (const file of ["duc2003_task2/test.jsonl", "duc2006/test.jsonl", "multiling2011_en/test.jsonl"]) {
    for (const [id, docs] of await documentsOf(file)) docs.forEach((d, i) => notEnglish(d) && flagged.push(`${file} ${id} #${i}: ${notEnglish(d)}`));
  }
  for (const f of readdirSync(SEEDS)) if (notEnglish(readFileSync(`${SEEDS}/${f}`, "utf8"))) flagged.push(f);
  assert.deepEqual(flagged, []);
});

test("articles in other languages are named (Multi-News holds a few real ones), and English word lists are no language", async () => {
  requireShared();
  const docs = await documentsOf("multinews/validation.jsonl.gz", ["multinews-validation-01845", "multinews-validation-03227", "multinews-validation-03380", "multinews-validation-04089", "multinews-validation-01163", "multinews-validation-04618"]);
  const first = (id: string, start: string) => docs.get(`multinews-validation-${id}`)!.find((d) => d.startsWith(start))!;
  assert.equal(notEnglish(first("01845", "Hamburg - der us-geheimdienst")), "German");
  assert.equal(notEnglish(first("03227", "Los reyes de españa")), "Spanish");
  assert.equal(notEnglish(first("03380", "- il capo coperto")), "Italian");
  assert.equal(notEnglish(first("04089", "À première vue")), "French");
  assert.equal(notEnglish(first("01163", "Choose state alabama")), undefined, "a list of US states");
  assert.equal(notEnglish(first("04618", "Google.org home flu trends")), undefined, "a list of countries");
  assert.equal(notEnglish("東京都で1日午前、マグニチュード6.5の地震が発生した。気象庁によると、震源は東京湾で、深さは約40キロ。"), "Japanese");
  assert.equal(notEnglish("北京市气象台今天发布暴雨预警，预计全市大部分地区将有大到暴雨。"), "Chinese");
  assert.equal(notEnglish("서울시는 오늘 폭우 경보를 발령했다. 시민들은 외출을 자제해 달라는 당부를 받았다."), "Korean");
  assert.equal(notEnglish("Министр иностранных дел России Сергей Лавров прибыл в Вашингтон для переговоров."), "a Cyrillic-script language");
  assert.equal(notEnglish("Lavrov met Trump."), undefined, "too little to tell");
});

test("brief warns about an article not in English, naming its file, and still briefs it", async () => {
  requireShared();
  const japanese = "東京都で1日午前、マグニチュード6.5の地震が発生した。気象庁によると、震源は東京湾で、深さは約40キロ。都内では最大震度5強を観測した。";
  const b = await brief([`${SEEDS}/000_9002722f45dd2c8d.txt`, { id: "ja", file: "tokyo.txt", text: japanese }]);
  const warnings = b.messages.filter((m) => m.ruleId === "not-english");
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].file, "tokyo.txt");
  assert.match(warnings[0].reason, /looks like Japanese, not English/);
  assert.ok(b.stories.some((s) => s.articleIds.includes("ja")), "kept in a story of its own");
});
