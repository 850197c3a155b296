import assert from "node:assert/strict";
import { test } from "node:test";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "./parse.js";
import "./body.js";
import type { DomDocument, DomElement } from "./dom.js";

/** Characters of element text read through textContent while `run` runs. */
function textRead(doc: DomDocument, run: () => void): number {
  let proto = Object.getPrototypeOf(doc.createElement("div")) as object | null;
  while (proto && !Object.getOwnPropertyDescriptor(proto, "textContent")) proto = Object.getPrototypeOf(proto);
  const real = Object.getOwnPropertyDescriptor(proto!, "textContent")!;
  let chars = 0;
  Object.defineProperty(proto!, "textContent", {
    ...real,
    get(this: unknown) {
      const text = real.get!.call(this) as string;
      chars += text.length;
      return text;
    },
  });
  try {
    run();
  } finally {
    Object.defineProperty(proto!, "textContent", real);
  }
  return chars;
}

interface ReadabilityTests {
  _isValidByline(node: DomElement, matchString: string): boolean;
  _isElementWithoutContent(node: DomElement): boolean;
}

const story = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} of the story tells what the council decided about the harbour.</p>`).join("");
const html = `<html><body><div id="wrap">${story}<p id="by" rel="author">By Jane Doe</p><p id="long" class="byline">${"x".repeat(150)}</p>` +
  `<div id="breaks"> <br> <hr> <!-- note --> </div><div id="blank"><span> </span></div><div id="word"> <b> </b> <i>a</i></div></div></body></html>`;

test("Readability's per-element tests (byline, empty) do not read the text of every wrapper, and answer as before", () => {
  const doc = parseHTML(html).document as unknown as DomDocument;
  const reader = new Readability(doc as never) as unknown as ReadabilityTests;
  const el = (id: string) => doc.querySelector(`#${id}`)!;
  const answers: unknown[] = [];
  const chars = textRead(doc, () => {
    answers.push(reader._isValidByline(el("wrap"), "wrap content"));
    answers.push(reader._isElementWithoutContent(el("wrap")));
  });
  assert.deepEqual(answers, [false, false]);
  assert.equal(chars, 0);
  assert.equal(reader._isValidByline(el("by"), "by"), true);
  assert.equal(reader._isValidByline(el("long"), "long byline"), false);
  assert.equal(reader._isElementWithoutContent(el("breaks")), true);
  assert.equal(reader._isElementWithoutContent(el("blank")), false);
  assert.equal(reader._isElementWithoutContent(el("word")), false);
  assert.equal(reader._isElementWithoutContent(el("word").querySelector("b")!), true);
});
