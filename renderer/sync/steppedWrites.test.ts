import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { stepsOf, writeInSteps, type BulkWrite } from './steppedWrites';

interface Row {
  id: string;
  n: number;
}

class StepsDb extends Dexie {
  rows!: Table<Row, string>;
  log!: Table<Row, string>;
  constructor() {
    super(`steps-${newId()}`);
    this.version(1).stores({ rows: 'id', log: 'id' });
  }
}

const dbs: StepsDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function rowsOf(prefix: string, count: number): Row[] {
  return Array.from({ length: count }, (_, n) => ({ id: `${prefix}${String(n).padStart(4, '0')}`, n }));
}

describe('stepsOf', () => {
  it('cuts the writes into steps of at most so many records, keeping their order', () => {
    const table = {} as Table;
    const writes: BulkWrite[] = [
      { table, kind: 'put', records: rowsOf('a', 5) },
      { table, kind: 'delete', keys: ['x', 'y'] },
      { table, kind: 'add', records: rowsOf('b', 4) },
    ];
    const steps = stepsOf(writes, 4);
    expect(steps.map((step) => step.map((w) => (w.kind === 'delete' ? `delete ${w.keys.join(',')}` : `${w.kind} ${w.records.length}`)))).toEqual([
      ['put 4'],
      ['put 1', 'delete x,y', 'add 1'],
      ['add 3'],
    ]);
    expect(steps.flat().flatMap((w) => (w.kind === 'delete' ? [] : w.records.map((r) => (r as Row).id)))).toEqual([...rowsOf('a', 5), ...rowsOf('b', 4)].map((r) => r.id));
  });

  it('has no step for no records', () => {
    expect(stepsOf([{ table: {} as Table, kind: 'put', records: [] }])).toEqual([]);
  });
});

describe('writeInSteps', () => {
  it('writes every record inside one transaction, step by step', async () => {
    const db = new StepsDb();
    dbs.push(db);
    await db.rows.bulkPut(rowsOf('old', 3));
    await db.transaction('rw', db.rows, db.log, () =>
      writeInSteps(
        [
          { table: db.rows, kind: 'put', records: rowsOf('r', 25) },
          { table: db.rows, kind: 'delete', keys: ['old0000', 'old0002'] },
          { table: db.log, kind: 'add', records: rowsOf('l', 12) },
        ],
        7,
      ),
    );
    expect((await db.rows.toCollection().primaryKeys()).sort()).toEqual(['old0001', ...rowsOf('r', 25).map((r) => r.id)]);
    expect(await db.log.count()).toBe(12);
  });

  it('leaves nothing behind when a later step fails: the transaction is one', async () => {
    const db = new StepsDb();
    dbs.push(db);
    await db.log.add({ id: 'l0011', n: -1 });
    const writing = db.transaction('rw', db.rows, db.log, () =>
      writeInSteps(
        [
          { table: db.rows, kind: 'put', records: rowsOf('r', 20) },
          { table: db.log, kind: 'add', records: rowsOf('l', 12) },
        ],
        5,
      ),
    );
    await expect(writing).rejects.toThrow();
    expect(await db.rows.count()).toBe(0);
    expect(await db.log.toArray()).toEqual([{ id: 'l0011', n: -1 }]);
  });
});
