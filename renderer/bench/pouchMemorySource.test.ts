import PouchDB from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import EventEmitter from './pouchEvents';
import { replicatedDocs } from './pouchDocs';
import { MemoryReplicationSource } from './pouchMemorySource';

// fake-indexeddb (tests/setup/renderer.ts) stands in for the browser's IndexedDB under PouchDB's idb adapter.

describe('pouchEvents', () => {
  it('has enumerable methods (PouchDB copies them) and Node semantics for once, removeListener and error', () => {
    expect(Object.keys(EventEmitter.prototype)).toEqual(expect.arrayContaining(['on', 'once', 'emit', 'removeListener', 'removeAllListeners', 'listeners']));
    const emitter = new EventEmitter();
    const seen: unknown[] = [];
    const always = (value: unknown) => seen.push(`on ${String(value)}`);
    const once = (value: unknown) => seen.push(`once ${String(value)}`);
    emitter.on('x', always).once('x', once);
    expect(emitter.listeners('x')).toEqual([always, once]);
    emitter.emit('x', 1);
    emitter.emit('x', 2);
    expect(seen).toEqual(['on 1', 'once 1', 'on 2']);
    emitter.once('y', once).removeListener('y', once);
    expect(emitter.emit('y', 3)).toBe(false);
    expect(EventEmitter.listenerCount(emitter, 'x')).toBe(1);
    expect(() => emitter.emit('error', new Error('boom'))).toThrow('boom');
  });
});

const targets: PouchDB.Database[] = [];
afterEach(async () => {
  for (const target of targets.splice(0)) await target.destroy();
});

describe('MemoryReplicationSource', () => {
  it('replicates every document into a PouchDB target with its revision history, in several batches', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({ id: `p${i}`, title: `提案 ${i}` }));
    const docs = replicatedDocs(new Map([['proposal', rows]]), new Map([['proposal/p3', 3]]));
    const target = new PouchDB(`memory-source-test-${Date.now()}`, { adapter: 'idb' });
    targets.push(target);

    const result = await PouchDB.replicate(new MemoryReplicationSource('source', docs) as unknown as PouchDB.Database, target, { batch_size: 10 });

    expect(result).toMatchObject({ ok: true, docs_written: 23, doc_write_failures: 0 });
    expect((await target.info()).doc_count).toBe(23);
    const stored = await target.get<{ title: string }>('proposal/p3', { revs: true });
    expect(stored.title).toBe('提案 3');
    expect(stored._rev).toBe(docs[3]!._rev);
    expect(stored._revisions).toEqual(docs[3]!._revisions);
  });

  it('pages its changes feed from since, at most limit, and answers bulkGet with the current revision only', async () => {
    const docs = replicatedDocs(new Map([['ballot', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]]]), new Map());
    const source = new MemoryReplicationSource('source', docs);
    const seen: string[] = [];
    const page = await source.changes({ since: 1, limit: 1 }).on('change', (change) => seen.push((change as { id: string }).id));
    expect(seen).toEqual(['ballot/b']);
    expect(page).toEqual({ results: [{ id: 'ballot/b', seq: 2, changes: [{ rev: docs[1]!._rev }] }], last_seq: 2 });
    expect((await source.changes({ since: 3, limit: 10 })).results).toEqual([]);
    const got = await source.bulkGet({ docs: [{ id: 'ballot/a', rev: docs[0]!._rev }, { id: 'ballot/a', rev: '9-x' }] });
    expect(got.results[0]!.docs[0]).toEqual({ ok: docs[0] });
    expect(got.results[1]!.docs[0]).toHaveProperty('error');
    await expect(source.get('_local/x')).rejects.toMatchObject({ status: 404 });
  });
});
