import { describe, expect, it } from 'vitest';
import { docIdOf, inBatches, replicatedDoc, replicatedDocs, revisionCounts, revisionHash } from './pouchDocs';

describe('revisionHash', () => {
  it('is 32 hex digits, fixed for a document and generation, different across either', () => {
    const a = revisionHash('proposal/1', 1);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(revisionHash('proposal/1', 1)).toBe(a);
    expect(revisionHash('proposal/1', 2)).not.toBe(a);
    expect(revisionHash('proposal/2', 1)).not.toBe(a);
  });
});

describe('revisionCounts', () => {
  it('counts the changes of each row by table/id', () => {
    const counts = revisionCounts([
      { entity: 'proposal', entityId: 'p1' },
      { entity: 'proposal', entityId: 'p1' },
      { entity: 'cosignature', entityId: 'p1' },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'proposal/p1': 2, 'cosignature/p1': 1 });
  });
});

describe('replicatedDoc', () => {
  it('keys the row by table and id and carries the revision history newest first, as replication delivers it', () => {
    const doc = replicatedDoc('proposal', { id: 'p1', title: '关于加强农村饮水安全的建议', tags: ['a'] }, 3);
    expect(doc._id).toBe('proposal/p1');
    expect(doc._revisions).toEqual({ start: 3, ids: [revisionHash('proposal/p1', 3), revisionHash('proposal/p1', 2), revisionHash('proposal/p1', 1)] });
    expect(doc._rev).toBe(`3-${revisionHash('proposal/p1', 3)}`);
    expect(doc).toMatchObject({ id: 'p1', title: '关于加强农村饮水安全的建议', tags: ['a'] });
  });

  it('gives a row no change touched one revision, and escapes fields CouchDB reserves', () => {
    const doc = replicatedDoc('ballot', { id: 'b1', _secret: 1 }, 0);
    expect(doc._revisions.ids).toHaveLength(1);
    expect(doc._rev.startsWith('1-')).toBe(true);
    expect(doc).not.toHaveProperty('_secret');
    expect(doc.$_secret).toBe(1);
  });
});

describe('replicatedDocs', () => {
  it('makes one document per row of every table, with the revisions counted for it', () => {
    const tables = new Map([
      ['proposal', [{ id: 'p1' }, { id: 'p2' }]],
      ['ballot', [{ id: 'b1' }]],
    ]);
    const docs = replicatedDocs(tables, new Map([[docIdOf('proposal', 'p2'), 4]]));
    expect(docs.map((d) => d._id)).toEqual(['proposal/p1', 'proposal/p2', 'ballot/b1']);
    expect(docs.map((d) => d._revisions.start)).toEqual([1, 4, 1]);
  });
});

describe('inBatches', () => {
  it('cuts in order into batches of at most the size', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 100)).toEqual([]);
    expect(() => inBatches([1], 0)).toThrow();
  });
});
