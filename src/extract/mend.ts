/** Repairs to the tree linkedom builds where browsers build another. */
import type { DomDocument, DomElement, DomNode } from "./dom.js";

/** Elements that belong to the head wherever they are written. */
const HEAD_ONLY = new Set(["META", "LINK", "TITLE", "STYLE", "SCRIPT", "BASE", "NOSCRIPT", "TEMPLATE"]);

/**
 * Markup between </head> and <body> (an ad slot), or after </body>, is in the body for a browser; linkedom leaves it beside
 * the body, and may open an empty body for it so that the page's real body comes second and document.body finds nothing.
 * Everything under <html> but the head goes into the first body, in document order; later bodies give it their attributes.
 */
export function oneBody(doc: DomDocument): void {
  const root = doc.documentElement;
  if (!root) return;
  const kids = Array.from(root.children);
  const body = kids.find((k) => k.tagName === "BODY");
  if (!body || kids.every((k) => k === body || k.tagName === "HEAD" || HEAD_ONLY.has(k.tagName))) return;
  const start = body.firstChild;
  let passed = false;
  for (const k of kids) {
    if (k === body) passed = true;
    if (k === body || k.tagName === "HEAD" || HEAD_ONLY.has(k.tagName)) continue;
    const nodes: DomNode[] = k.tagName === "BODY" ? Array.from(k.childNodes) : [k];
    for (const n of nodes) {
      if (passed) body.appendChild(n);
      else body.insertBefore(n, start);
    }
    if (k.tagName === "BODY") {
      mergeAttributes(body, k);
      k.remove();
    }
  }
}

function mergeAttributes(into: DomElement, from: DomElement): void {
  for (const name of ["class", "id", "lang", "dir"]) {
    const v = from.getAttribute(name);
    if (v !== null && !into.hasAttribute(name)) into.setAttribute(name, v);
  }
}
