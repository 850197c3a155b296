/**
 * The page's elements listed once, for the whole-page lookups (headings, metas, times, microdata, forum and
 * shop markers). Each document query walks every node of the page, text and attributes included; the
 * extractor made about ten of them per page. One walk serves them all while the page stays as parsed:
 * Readability rewrites the page, and readabilityBody forgets the list before it runs.
 */
import type { DomDocument, DomElement } from "./dom.js";
import { rawAttribute } from "./dom.js";

interface PageElements {
  all: DomElement[];
  byTag: Map<string, DomElement[]>;
}

const lists = new WeakMap<DomDocument, PageElements>();

function pageElements(doc: DomDocument): PageElements {
  let list = lists.get(doc);
  if (!list) {
    // querySelectorAll("*"): document order, template content skipped, the same elements every other document query sees.
    const all = Array.from(doc.querySelectorAll("*"));
    const byTag = new Map<string, DomElement[]>();
    for (const el of all) {
      const tag = el.localName.toLowerCase();
      const same = byTag.get(tag);
      if (same) same.push(el);
      else byTag.set(tag, [el]);
    }
    lists.set(doc, (list = { all, byTag }));
  }
  return list;
}

/** The page's elements in document order, as doc.querySelectorAll("*") lists them. */
export function allElements(doc: DomDocument): DomElement[] {
  return pageElements(doc).all;
}

/** The elements of one tag (lower case), as doc.querySelectorAll(tag) lists them. */
export function elementsByTag(doc: DomDocument, tag: string): DomElement[] {
  return pageElements(doc).byTag.get(tag) ?? [];
}

/** To call before anything changes the page. */
export function forgetElements(doc: DomDocument): void {
  lists.delete(doc);
}

/** The elements whose itemprop is one of `names` (exact, as [itemprop="…"] matches). */
export function byItemprop(doc: DomDocument, names: string[]): DomElement[] {
  return allElements(doc).filter((el) => el.hasAttributes() && names.includes(rawAttribute(el, "itemprop")));
}

/** Whether a class attribute lists `name` among its classes, as the selector ".name" tests it. */
export function hasClass(classAttr: string, name: string): boolean {
  if (classAttr.length < name.length) return false;
  let at = classAttr.indexOf(name);
  while (at >= 0) {
    const end = at + name.length;
    if ((at === 0 || /\s/.test(classAttr[at - 1])) && (end === classAttr.length || /\s/.test(classAttr[end]))) return true;
    at = classAttr.indexOf(name, at + 1);
  }
  return false;
}
