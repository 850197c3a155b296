/**
 * HTML parsing with linkedom, made cheaper. linkedom's EventTarget constructor registers every node
 * (element, text, attribute-less or not) in a WeakMap with a fresh Map of listeners; on a large page
 * that is hundreds of thousands of WeakMap entries, a fifth of parsing time and much of the garbage
 * collector's work. The extractor never listens to DOM events, so nodes get their listener table only
 * when someone adds a listener: Node's base constructor is swapped for one that does nothing, and
 * Node's add/remove/dispatch keep their own lazily made tables (bubbling through parents as
 * linkedom's own dispatch does).
 */
import * as linkedom from "linkedom";

interface Ev {
  type: string;
  bubbles?: boolean;
  cancelBubble?: boolean;
  defaultPrevented?: boolean;
  eventPhase: number;
  currentTarget?: unknown;
  target?: unknown;
  _stopImmediatePropagationFlag?: boolean;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
  readonly NONE: number;
}
type Listener = ((e: Ev) => void) | { handleEvent(e: Ev): void };
interface Target {
  _getParent?(): Target | null;
}

const tables = new WeakMap<object, Map<string, Map<Listener, { once?: boolean } | undefined>>>();

function lightenNodes(): void {
  const facade = (linkedom as unknown as { Node?: object }).Node;
  const Base = (linkedom as unknown as { EventTarget?: { prototype: object } }).EventTarget;
  const RealNode = facade && (Object.getPrototypeOf(facade) as { prototype: Record<string, unknown> } | null);
  if (!RealNode || !Base || Object.getPrototypeOf(RealNode) !== Base) return;
  function LightTarget(): void {}
  LightTarget.prototype = Base.prototype;
  Object.setPrototypeOf(RealNode, LightTarget);
  const proto = RealNode.prototype;
  proto.addEventListener = function (this: object, type: string, listener: Listener, options?: { once?: boolean }) {
    let map = tables.get(this);
    if (!map) tables.set(this, (map = new Map()));
    if (!map.has(type)) map.set(type, new Map());
    map.get(type)!.set(listener, options);
  };
  proto.removeEventListener = function (this: object, type: string, listener: Listener) {
    const listeners = tables.get(this)?.get(type);
    if (listeners && listeners.delete(listener) && !listeners.size) tables.get(this)!.delete(type);
  };
  proto.dispatchEvent = function (this: Target, event: Ev) {
    const path: Target[] = [];
    for (let node: Target | null | undefined = this; node; node = event.bubbles && node._getParent ? node._getParent() : null) path.push(node);
    for (const currentTarget of path) {
      const listeners = tables.get(currentTarget)?.get(event.type);
      if (!listeners) continue;
      event.eventPhase = currentTarget === this ? event.AT_TARGET : event.BUBBLING_PHASE;
      event.currentTarget = currentTarget;
      event.target = this;
      for (const [listener, options] of listeners) {
        if (options && options.once) listeners.delete(listener);
        if (typeof listener === "function") listener.call(this, event);
        else listener.handleEvent(event);
        if (event._stopImmediatePropagationFlag) break;
      }
      delete event.currentTarget;
      delete event.target;
      if (event.cancelBubble) break;
    }
    event.eventPhase = event.NONE;
    return !event.defaultPrevented;
  };
}
lightenNodes();

/**
 * linkedom sets className for every class attribute it parses, and its setter builds the element's class list (a Set
 * of the classes) only to write the attribute back as its classes joined by one space; reading className (and
 * getAttribute("class")) builds the list too, on elements without a class as well. Every write of a class attribute
 * goes through that setter, so the attribute always holds what the list would give back: the setter writes that value
 * and the getter reads it, and the list is built only when someone asks for it (classList).
 */
function lazyClassLists(): void {
  const { document } = linkedom.parseHTML("<p class=x></p>");
  const probe = document.querySelector("p") as unknown as Record<PropertyKey, unknown> & { classList: unknown };
  void probe.classList;
  const listKey = Object.getOwnPropertySymbols(probe).find((k) => k.description === "classList");
  let proto = Object.getPrototypeOf(probe) as object | null;
  while (proto && !Object.getOwnPropertyDescriptor(proto, "className")) proto = Object.getPrototypeOf(proto);
  const real = proto && Object.getOwnPropertyDescriptor(proto, "className");
  if (!listKey || !proto || !real?.set || !real.get) return;
  const realSet = real.set;
  const realGet = real.get!;
  Object.defineProperty(proto, "className", {
    ...real,
    get(this: Record<PropertyKey, unknown> & { getAttributeNode(name: string): { value: string } | null }) {
      return this[listKey] ? realGet.call(this) : (this.getAttributeNode("class")?.value ?? "");
    },
    set(this: Record<PropertyKey, unknown> & { getAttributeNode(name: string): { value: string } | null }, value: unknown) {
      const attr = this[listKey] ? null : this.getAttributeNode("class");
      if (!attr) return realSet.call(this, value);
      const classes = new Set<string>();
      for (const c of String(value).split(/\s+/)) if (c) classes.add(c);
      attr.value = [...classes].join(" ");
    },
  });
}
lazyClassLists();

export const parseHTML: typeof linkedom.parseHTML = linkedom.parseHTML;
