import assert from "node:assert/strict";
import { test } from "node:test";
import { parseHTML } from "./parse.js";

/** Whether linkedom has built the element's class list (a symbol-keyed own property once built). */
function hasClassList(el: object): boolean {
  return Object.getOwnPropertySymbols(el).some((k) => k.description === "classList" && (el as Record<symbol, unknown>)[k]);
}

test("class attributes are read without building class lists, and read as linkedom's class lists give them", () => {
  const { document } = parseHTML(`<div class="  a b\n a  c "><p class="">x</p><span>y</span></div>`);
  const div = document.querySelector("div")!;
  const p = document.querySelector("p")!;
  const span = document.querySelector("span")!;
  assert.equal(div.getAttributeNode("class")!.value, "a b c");
  assert.equal(div.className, "a b c");
  assert.equal(div.getAttribute("class"), "a b c");
  assert.equal(p.getAttribute("class"), "");
  assert.equal(span.getAttribute("class"), "");
  assert.equal(span.className, "");
  for (const el of [div, p, span]) assert.ok(!hasClassList(el));
  assert.equal(document.querySelectorAll(".c").length, 1);
  // Asked for, the list is built from the attribute, and writes go back to it as before.
  assert.ok(div.classList.contains("c"));
  div.classList.add("k");
  assert.equal(div.getAttribute("class"), "a b c k");
  div.className = "m n m";
  assert.equal(div.outerHTML.slice(0, 20), `<div class="m n"><p>`);
  span.className = "z  y";
  assert.equal(span.getAttribute("class"), "z y");
  span.setAttribute("class", " q ");
  assert.equal(span.className, "q");
  span.removeAttribute("class");
  assert.equal(span.className, "");
});
