import type { Table } from 'dexie';

/**
 * One bulk write of a batch: put or add rows, or delete keys.
 */
export type BulkWrite =
  | { table: Table; kind: 'put' | 'add'; records: readonly unknown[] }
  | { table: Table; kind: 'delete'; keys: readonly string[] };

/**
 * Records serialised per step. IndexedDB copies every record (structured clone) on the page's thread the moment
 * it is put, so a batch's thousands of records issued at once held the window for up to 0.9 s; a step of this
 * many takes a few tens of ms here.
 */
export const RECORDS_PER_STEP = 250;

function sizeOf(write: BulkWrite): number {
  return write.kind === 'delete' ? write.keys.length : write.records.length;
}

function slice(write: BulkWrite, from: number, to: number): BulkWrite {
  return write.kind === 'delete' ? { ...write, keys: write.keys.slice(from, to) } : { ...write, records: write.records.slice(from, to) };
}

/** Groups of items cut into steps of at most `perStep` items in all, in order; a group may span two steps. */
export function cutIntoSteps<G>(groups: readonly G[], size: (group: G) => number, part: (group: G, from: number, to: number) => G, perStep: number): G[][] {
  const steps: G[][] = [];
  let step: G[] = [];
  let room = perStep;
  for (const group of groups) {
    const count = size(group);
    for (let from = 0; from < count; ) {
      const to = Math.min(count, from + room);
      step.push(part(group, from, to));
      room -= to - from;
      from = to;
      if (room === 0) {
        steps.push(step);
        step = [];
        room = perStep;
      }
    }
  }
  if (step.length) steps.push(step);
  return steps;
}

/** The writes cut into steps of at most `perStep` records, in their order. */
export function stepsOf(writes: readonly BulkWrite[], perStep = RECORDS_PER_STEP): BulkWrite[][] {
  return cutIntoSteps(writes, sizeOf, slice, perStep);
}

function issue(write: BulkWrite): Promise<unknown> {
  if (write.kind === 'delete') return write.table.bulkDelete([...write.keys]);
  return write.kind === 'put' ? write.table.bulkPut([...write.records]) : write.table.bulkAdd([...write.records]);
}

/**
 * Issues the writes step by step inside the caller's transaction: the next step goes out once the one before it
 * is stored, so the window's thread is free between steps. Awaiting Dexie's own promises keeps the transaction
 * alive (a timer would let it commit).
 */
export async function writeInSteps(writes: readonly BulkWrite[], perStep = RECORDS_PER_STEP): Promise<void> {
  for (const step of stepsOf(writes, perStep)) await Promise.all(step.map(issue));
}
