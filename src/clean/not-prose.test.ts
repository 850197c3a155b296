import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { notProseReason } from "./not-prose.js";
import { requireShared, seedFile } from "../testing/fixtures.js";

test("running text in any script reads as prose; a dump of codes and figures does not", () => {
  requireShared();
  assert.equal(notProseReason(readFileSync(seedFile("000"), "utf8")), undefined);
  const japanese = "気象庁によると、東京都内では二十日未明から激しい雨が降り続き、多摩川の一部が氾濫した。".repeat(30);
  assert.equal(notProseReason(japanese), undefined, "a long text without spaces is one word-like token");
  const thai = Array.from({ length: 30 }, () => "ภาษาไทยง่ายนิดเดียวถ้าตั้งใจเรียนทุกวัน").join(" ");
  assert.equal(notProseReason(thai), undefined);
  assert.equal(notProseReason("Q3 2019: revenue 4.1% up, 12.5m units, 3,200 staff"), undefined, "too little to judge");
  const base64 = Array.from({ length: 20 }, (_, i) => Buffer.from(`line ${i} of a binary file ${"z".repeat(40)}`).toString("base64")).join("\n");
  assert.match(notProseReason(base64) ?? "", /^does not read as running text: only \d% of its first \d+ tokens are words/);
  const figures = Array.from({ length: 12 }, (_, i) => `Region ${i + 1}: ${i * 4} ${i * 9} ${(i * 1.7).toFixed(1)}%`).join("\n");
  assert.ok(notProseReason(figures), "a table of figures");
});
