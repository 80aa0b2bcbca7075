/**
 * Node's `events` for pouchdb-browser in the bench page only (vite.bench.config.ts aliases `events` here): PouchDB
 * extends EventEmitter and copies `Object.keys(EventEmitter.prototype)` onto its constructor, so the methods must be
 * enumerable, as Node's are. Just the part PouchDB calls; Node's semantics (an unhandled 'error' throws).
 */

type Listener = (...args: unknown[]) => void;
interface OnceWrapper extends Listener {
  listener: Listener;
}

export default class EventEmitter {
  private eventsByName?: Map<string | symbol, Listener[]>;

  static listenerCount(emitter: EventEmitter, name: string | symbol): number {
    return emitter.listenerCount(name);
  }

  private listenersOf(name: string | symbol): Listener[] {
    this.eventsByName ??= new Map();
    let list = this.eventsByName.get(name);
    if (!list) {
      list = [];
      this.eventsByName.set(name, list);
    }
    return list;
  }

  on(name: string | symbol, listener: Listener): this {
    this.listenersOf(name).push(listener);
    return this;
  }

  addListener(name: string | symbol, listener: Listener): this {
    return this.on(name, listener);
  }

  once(name: string | symbol, listener: Listener): this {
    const wrapper = ((...args: unknown[]) => {
      this.removeListener(name, wrapper);
      listener.apply(this, args);
    }) as OnceWrapper;
    wrapper.listener = listener;
    return this.on(name, wrapper);
  }

  removeListener(name: string | symbol, listener: Listener): this {
    const list = this.eventsByName?.get(name);
    if (!list) return this;
    // The last one added first, as Node does
    for (let i = list.length - 1; i >= 0; i--) {
      const candidate = list[i]!;
      if (candidate === listener || (candidate as Partial<OnceWrapper>).listener === listener) {
        list.splice(i, 1);
        break;
      }
    }
    return this;
  }

  off(name: string | symbol, listener: Listener): this {
    return this.removeListener(name, listener);
  }

  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) this.eventsByName?.clear();
    else this.eventsByName?.delete(name);
    return this;
  }

  emit(name: string | symbol, ...args: unknown[]): boolean {
    const list = this.eventsByName?.get(name);
    if (!list || list.length === 0) {
      if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error event: ${String(args[0])}`);
      return false;
    }
    for (const listener of [...list]) listener.apply(this, args);
    return true;
  }

  listeners(name: string | symbol): Listener[] {
    return (this.eventsByName?.get(name) ?? []).map((l) => (l as Partial<OnceWrapper>).listener ?? l);
  }

  listenerCount(name: string | symbol): number {
    return this.eventsByName?.get(name)?.length ?? 0;
  }

  setMaxListeners(_count: number): this {
    return this;
  }

  getMaxListeners(): number {
    return Infinity;
  }
}

// Class methods are not enumerable; Node's EventEmitter methods are, and PouchDB relies on it.
for (const name of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (name !== 'constructor') Object.defineProperty(EventEmitter.prototype, name, { enumerable: true });
}

export { EventEmitter };
