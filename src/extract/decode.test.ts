import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeHtmlBytes } from "./decode.js";

test("charset: a page declared UTF-8 but saved in Windows-1252 is decoded as Windows-1252 and reported, not turned into U+FFFD", () => {
  const cp1252 = Buffer.from([...Buffer.from('<meta charset="utf-8"><p>Caf'), 0xe9, ...Buffer.from(" owners said "), 0x93, ...Buffer.from("no"), 0x94, 0x2e, ...Buffer.from("</p>")]);
  for (const d of [decodeHtmlBytes(cp1252), decodeHtmlBytes(cp1252, "text/html; charset=UTF-8")]) {
    assert.match(d.html, /<p>Café owners said “no”\.<\/p>$/);
    assert.equal(d.charset, "windows-1252");
    assert.equal(d.messages[0].ruleId, "charset-mismatch");
    assert.match(d.messages[0].reason, /declares utf-8 but the bytes are not UTF-8; decoded as Windows-1252/);
  }
  const strayByte = Buffer.from([...Buffer.from('<meta charset="utf-8"><p>Café '), 0xff, ...Buffer.from("</p>")]);
  assert.equal(decodeHtmlBytes(strayByte).charset, "utf-8");
  assert.match(decodeHtmlBytes(strayByte).html, /Café \ufffd/);
});
