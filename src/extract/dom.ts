/**
 * The small part of the DOM the extractor uses. The project compiles without the DOM lib (linkedom
 * types its documents loosely), so these structural types stand in for Node/Element/Document.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  firstChild: DomNode | null;
  lastChild: DomNode | null;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
  parentNode: DomNode | null;
  parentElement: DomElement | null;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  removeChild(child: DomNode): DomNode;
  appendChild(child: DomNode): DomNode;
  insertBefore(child: DomNode, ref: DomNode | null): DomNode;
  cloneNode(deep?: boolean): DomNode;
}

export interface DomText extends DomNode {
  data: string;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  id: string;
  className: string;
  children: ArrayLike<DomElement>;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  previousElementSibling: DomElement | null;
  innerHTML: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  getAttributeNode(name: string): { value: string } | null;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  remove(): void;
}

export interface DomDocument extends DomNode {
  documentElement: DomElement | null;
  body: DomElement | null;
  head: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomText;
}

/** An attribute's value as written ("" when absent). getAttribute("class") makes linkedom build a class list first. */
export function rawAttribute(el: DomElement, name: string): string {
  return el.getAttributeNode(name)?.value ?? "";
}
