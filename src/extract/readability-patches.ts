/** Readability's byline and empty-element tests, made cheap with the same answers; patched once, at load. */
import { Readability } from "@mozilla/readability";
import type { DomElement, DomNode, DomText } from "./dom.js";

/**
 * Readability's byline test reads the text of every element it visits (the whole page's text for <html>, <body> and
 * every wrapper: quadratic on deep pages) before asking whether the element looks like a byline at all. The same
 * test with the cheap conditions first gives the same answers.
 */
function cheapBylineTest(): void {
  const proto = Readability.prototype as unknown as {
    _isValidByline?: (node: DomElement, matchString: string) => boolean;
    REGEXPS?: { byline?: RegExp };
  };
  const byline = proto.REGEXPS?.byline;
  if (typeof proto._isValidByline !== "function" || !byline || byline.global || byline.sticky) return;
  proto._isValidByline = function (node: DomElement, matchString: string): boolean {
    const itemprop = node.getAttribute("itemprop");
    if (!(node.getAttribute("rel") === "author" || (itemprop && itemprop.includes("author")) || byline.test(matchString))) return false;
    const length = (node.textContent ?? "").trim().length;
    return length > 0 && length < 100;
  };
}
cheapBylineTest();

/** Whether some text below the element is more than white space: textContent.trim() !== "", stopping at the first such text. */
function hasVisibleText(el: DomNode): boolean {
  let node: DomNode | null = el.firstChild;
  while (node && node !== el) {
    if ((node.nodeType === 3 || node.nodeType === 4) && (node as DomText).data.trim().length) return true;
    if (node.firstChild) node = node.firstChild;
    else {
      while (node !== el && !node.nextSibling) node = node.parentNode as DomNode;
      if (node !== el) node = node.nextSibling;
    }
  }
  return false;
}

/** Readability asks of every element it visits whether it is empty by reading its whole text: the same question, answered at the first word. */
function cheapEmptyTest(): void {
  const proto = Readability.prototype as unknown as { _isElementWithoutContent?: (node: DomElement) => boolean };
  if (typeof proto._isElementWithoutContent !== "function") return;
  proto._isElementWithoutContent = function (node: DomElement): boolean {
    return (
      node.nodeType === 1 &&
      !hasVisibleText(node) &&
      (!node.children.length || node.children.length == node.getElementsByTagName("br").length + node.getElementsByTagName("hr").length)
    );
  };
}
cheapEmptyTest();
