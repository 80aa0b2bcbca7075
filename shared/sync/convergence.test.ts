// Convergence property (issue 3): six simulated machines — two office PCs and four delegates' laptops — make
// random edits while syncing now and then; at the end every device's bundles reach every other machine in a
// random interleaving, with duplicates and delays, and every machine must hold identical data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain';
import { MemoryReplica } from './replica';
import type { DeviceBinding, SyncChange } from './types';

const OFFICE_COUNT = 2;
const DELEGATE_COUNT = 4;
const DEVICE_COUNT = OFFICE_COUNT + DELEGATE_COUNT;
const START_MS = Date.UTC(2026, 2, 4, 2);

interface Device {
  index: number;
  binding: DeviceBinding;
  actor: Actor;
  replica: MemoryReplica;
  /** Bundles this device has written so far, in chain order */
  bundles: SyncChange[][];
  exported: number;
  created: number;
}

/** What one receiving machine knows of one sending device's chain. */
interface Inbox {
  /** Bundles applied (the chain cursor) */
  applied: number;
  /** Bundles delivered but waiting: refused as "maybe later" (retryable), or behind one that is */
  waiting: number[];
}

type DelegateAction = 'create' | 'edit' | 'invite' | 'submit' | 'withdraw' | 'delete' | 'cosign' | 'decline';
type OfficeAction = 'receive' | 'accept' | 'reject' | 'flag' | 'editTitle' | 'snapshot' | 'rosterCreate' | 'rosterEdit' | 'rosterDelete' | 'rosterRestore';
type Command =
  | { kind: 'delegate'; who: number; action: DelegateAction; pick: number; invitees: number; text: string }
  | { kind: 'office'; who: number; action: OfficeAction; pick: number; text: string }
  | { kind: 'export'; who: number }
  | { kind: 'sync'; who: number } //           a machine syncs with the folder: writes its bundle, reads everyone's
  | { kind: 'pairSync'; from: number; to: number } // a USB stick carried from one machine to another
  | { kind: 'tick'; ms: number };

const text = fc.constantFrom('甲', '乙', '丙', '丁');
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('delegate' as const),
      who: fc.nat(DELEGATE_COUNT - 1),
      action: fc.constantFrom<DelegateAction>('create', 'edit', 'invite', 'invite', 'submit', 'submit', 'withdraw', 'delete', 'cosign', 'cosign', 'decline'),
      pick: fc.nat(9),
      invitees: fc.integer({ min: 1, max: 15 }),
      text,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('office' as const),
      who: fc.nat(OFFICE_COUNT - 1),
      action: fc.constantFrom<OfficeAction>('receive', 'receive', 'accept', 'accept', 'reject', 'flag', 'editTitle', 'snapshot', 'rosterCreate', 'rosterEdit', 'rosterDelete', 'rosterRestore'),
      pick: fc.nat(9),
      text,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('export' as const), who: fc.nat(DEVICE_COUNT - 1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), who: fc.nat(DEVICE_COUNT - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pairSync' as const), from: fc.nat(DEVICE_COUNT - 1), to: fc.nat(DEVICE_COUNT - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
);

/** Small seeded PRNG for the final delivery schedule (fast-check supplies the seed, so failures replay). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Totals over all runs, to show the scenarios really exercise what the property is about. */
const seen = { runs: 0, cosignatures: 0, retryableWaits: 0, duplicatesReapplied: 0, accepted: 0, snapshots: 0, conflictsOnOneField: 0, restoredRows: 0, tombstones: 0 };

class World {
  readonly devices: Device[];
  readonly inboxes: Inbox[][];
  private wallMs = START_MS;

  constructor(skews: readonly number[]) {
    this.devices = Array.from({ length: DEVICE_COUNT }, (_, index) => {
      const office = index < OFFICE_COUNT;
      const actorId = office ? `staff${index}` : `del${index - OFFICE_COUNT}`;
      const deviceId = `DEV${index}${office ? 'OFFICE' : 'DELEGATE'}`;
      const binding: DeviceBinding = { deviceId, role: office ? 'office' : 'delegate', actorId, signPublicKey: 'sign', boxPublicKey: 'box' };
      const actor: Actor = { kind: office ? 'staff' : 'delegate', id: actorId };
      const skew = skews[index] ?? 0;
      const replica = new MemoryReplica(deviceId, binding, () => this.wallMs + skew);
      return { index, binding, actor, replica, bundles: [], exported: 0, created: 0 };
    });
    this.inboxes = this.devices.map(() => this.devices.map(() => ({ applied: 0, waiting: [] })));
  }

  /** The device's own idea of the time, skew included. */
  private iso(device: Device): string {
    return new Date(device.replica.now()).toISOString();
  }

  run(command: Command): void {
    switch (command.kind) {
      case 'tick':
        this.wallMs += command.ms;
        return;
      case 'export':
        this.exportBundle(this.devices[command.who]!);
        return;
      case 'sync': {
        this.exportBundle(this.devices[command.who]!);
        for (const from of this.devices) if (from.index !== command.who) this.deliverNew(command.who, from.index);
        return;
      }
      case 'pairSync': {
        if (command.from === command.to) return;
        this.exportBundle(this.devices[command.from]!);
        this.deliverNew(command.to, command.from);
        return;
      }
      case 'delegate':
        this.delegateAction(this.devices[OFFICE_COUNT + command.who]!, command);
        return;
      case 'office':
        this.officeAction(this.devices[command.who]!, command);
        return;
    }
  }

  exportBundle(device: Device): void {
    const changes = device.replica.exportSince(device.exported);
    if (changes.length === 0) return;
    device.bundles.push(changes);
    device.exported = device.replica.changeCount;
  }

  /** Re-delivers the last bundle already applied (a duplicate), then everything newer, in chain order. */
  private deliverNew(to: number, from: number): void {
    const inbox = this.inboxes[to]![from]!;
    const sender = this.devices[from]!;
    for (let seq = Math.max(0, inbox.applied - 1); seq < sender.bundles.length; seq++) this.deliver(to, from, seq);
  }

  /** Delivers bundle `seq` of `from` to `to`, as the engine would: in chain order, waiting bundles retried. */
  deliver(to: number, from: number, seq: number): void {
    const inbox = this.inboxes[to]![from]!;
    const receiver = this.devices[to]!.replica;
    const sender = this.devices[from]!;
    if (seq < inbox.applied) {
      // A re-delivery of a bundle applied before: whatever happens, it must change nothing.
      const result = receiver.apply(sender.bundles[seq]!, sender.binding);
      if (result.refused.length === 0) seen.duplicatesReapplied++;
      expect(result.applied).toBe(0);
      return;
    }
    if (!inbox.waiting.includes(seq)) inbox.waiting.push(seq);
    inbox.waiting.sort((a, b) => a - b);
    this.drain(to);
  }

  /** Applies every waiting bundle that has become applicable, until nothing moves. */
  drain(to: number): void {
    let progress = true;
    while (progress) {
      progress = false;
      for (const sender of this.devices) {
        const inbox = this.inboxes[to]![sender.index]!;
        while (inbox.waiting[0] === inbox.applied) {
          const result = this.devices[to]!.replica.apply(sender.bundles[inbox.applied]!, sender.binding);
          if (result.refused.length > 0) {
            const final = result.refused.filter((r) => !r.retryable);
            // Honest devices never make a change that is refused for good.
            expect(final.map((r) => `${r.change.entity} ${r.change.entityId}: ${r.reason}`)).toEqual([]);
            seen.retryableWaits++;
            break;
          }
          inbox.waiting.shift();
          inbox.applied++;
          progress = true;
        }
      }
    }
  }

  /** The final exchange: every bundle of every device to every other machine, interleaved, duplicated, delayed. */
  deliverEverything(random: () => number): void {
    for (const device of this.devices) this.exportBundle(device);
    for (const receiver of this.devices) {
      const queues = this.devices
        .filter((d) => d !== receiver)
        .map((sender) => {
          const order: number[] = [];
          for (let seq = 0; seq < sender.bundles.length; seq++) {
            order.push(seq);
            // Now and then the same bundle again, later (a second copy of the folder, a re-read).
            if (random() < 0.25) order.push(Math.floor(random() * (seq + 1)));
          }
          return { sender: sender.index, order };
        })
        .filter((q) => q.order.length > 0);
      // Random interleaving: each step takes the next bundle of a random sender, so some senders come late.
      while (queues.length > 0) {
        const at = Math.floor(random() * queues.length);
        const queue = queues[at]!;
        this.deliver(receiver.index, queue.sender, queue.order.shift()!);
        if (queue.order.length === 0) queues.splice(at, 1);
      }
    }
  }

  private delegateAction(device: Device, command: Extract<Command, { kind: 'delegate' }>): void {
    const { replica, actor } = device;
    const me = actor.id;
    const proposals = replica.rows('proposal');
    const own = proposals.filter((p) => p.leadDelegateId === me && !p.deletedAt);
    const pick = <T>(list: T[]): T | undefined => list[command.pick % Math.max(1, list.length)];
    const inStatus = (...statuses: string[]) => own.filter((p) => statuses.includes(String(p.status)));
    const at = this.iso(device);
    switch (command.action) {
      case 'create': {
        const id = `P-${me}-${device.created++}`;
        replica.localWrite(
          'proposal',
          id,
          {
            kind: 'proposal',
            title: `关于${command.text}村道路硬化的建议`,
            background: '村民出行困难。',
            recommendations: '列入年度计划。',
            suggestedUnitIds: [],
            leadDelegateId: me,
            invitedCosignerIds: [],
            status: 'draft',
            isKey: false,
            isSupervised: false,
          },
          actor,
          'put',
          { action: 'create' },
        );
        return;
      }
      case 'edit': {
        const p = pick(inStatus('draft', 'collecting'));
        if (p) replica.localWrite('proposal', String(p.id), { title: `${String(p.title).slice(0, 20)}${command.text}` }, actor, 'put', { action: 'edit' });
        return;
      }
      case 'invite': {
        const p = pick(inStatus('draft', 'collecting'));
        if (!p) return;
        const chosen = this.devices
          .slice(OFFICE_COUNT)
          .filter((d, i) => (command.invitees >> i) & 1 && d.actor.id !== me)
          .map((d) => d.actor.id);
        const invited = [...new Set([...(p.invitedCosignerIds as string[]), ...chosen])].sort();
        if (invited.length === 0) return;
        replica.localWrite('proposal', String(p.id), { invitedCosignerIds: invited, status: 'collecting', cosignDeadline: at }, actor, 'put', { action: 'inviteCosigners' });
        return;
      }
      case 'submit': {
        const p = pick(inStatus('draft', 'collecting'));
        if (p) replica.localWrite('proposal', String(p.id), { status: 'submitted', submittedAt: at }, actor, 'put', { action: 'submit' });
        return;
      }
      case 'withdraw': {
        const p = pick(inStatus('collecting', 'submitted', 'received'));
        if (p) replica.localWrite('proposal', String(p.id), { status: 'withdrawn' }, actor, 'put', { action: 'withdraw', reason: '情况已变化' });
        return;
      }
      case 'delete': {
        const p = pick(inStatus('draft'));
        if (p) replica.localWrite('proposal', String(p.id), {}, actor, 'delete');
        return;
      }
      case 'cosign':
      case 'decline': {
        const invitations = proposals.filter(
          (p) => p.status === 'collecting' && !p.deletedAt && p.leadDelegateId !== me && (p.invitedCosignerIds as string[] | undefined)?.includes(me),
        );
        const p = pick(invitations);
        if (!p) return;
        // One row per (proposal, co-signer), with an id derived from both: answering again updates it.
        const id = `C-${String(p.id)}-${me}`;
        const status = command.action === 'cosign' ? 'confirmed' : 'declined';
        const fields = replica.row('cosignature', id) ? { status, respondedAt: at } : { proposalId: p.id, delegateId: me, status, respondedAt: at };
        replica.localWrite('cosignature', id, fields, actor, 'put', { action: command.action === 'cosign' ? 'confirmCosign' : 'declineCosign' });
        return;
      }
    }
  }

  private officeAction(device: Device, command: Extract<Command, { kind: 'office' }>): void {
    const { replica, actor } = device;
    const proposals = replica.rows('proposal');
    const categories = replica.rows('category');
    const pick = <T>(list: T[]): T | undefined => list[command.pick % Math.max(1, list.length)];
    const withStatus = (...statuses: string[]) => proposals.filter((p) => statuses.includes(String(p.status)));
    const at = this.iso(device);
    const write = (entity: 'proposal' | 'category', id: unknown, fields: Record<string, unknown>, action: string, op: 'put' | 'delete' = 'put') =>
      replica.localWrite(entity, String(id), fields, actor, op, { action });
    switch (command.action) {
      case 'receive': {
        const p = pick(withStatus('submitted'));
        if (p) write('proposal', p.id, { status: 'received', receivedAt: at }, 'receive');
        return;
      }
      case 'accept': {
        const p = pick(withStatus('received', 'inReview'));
        const number = proposals.filter((q) => typeof q.number === 'number').length + 1;
        if (p) write('proposal', p.id, { status: 'accepted', number, review: { decision: 'accept', decidedBy: actor.id, decidedAt: at } }, 'accept');
        return;
      }
      case 'reject': {
        const p = pick(withStatus('received'));
        if (p) write('proposal', p.id, { status: 'rejected', review: { decision: 'reject', reasonCode: 'personal', decidedBy: actor.id, decidedAt: at } }, 'reject');
        return;
      }
      case 'flag': {
        const p = pick(proposals.filter((q) => q.status !== 'draft'));
        if (p) write('proposal', p.id, { isKey: !p.isKey }, 'setFlags');
        return;
      }
      case 'editTitle': {
        const p = pick(proposals);
        if (p) write('proposal', p.id, { title: `${String(p.title).slice(0, 20)}（${command.text}）` }, 'edit');
        return;
      }
      case 'snapshot': {
        const p = pick(proposals);
        if (p) {
          replica.publishSnapshot('proposal', String(p.id), actor, { action: 'publish' });
          seen.snapshots++;
        }
        return;
      }
      case 'rosterCreate':
        write('category', `CAT-${device.index}-${device.created++}`, { name: `类别${command.text}`, order: command.pick }, 'create');
        return;
      case 'rosterEdit': {
        const c = pick(categories);
        if (c) write('category', c.id, { name: `${String(c.name).slice(0, 10)}${command.text}` }, 'edit');
        return;
      }
      case 'rosterDelete': {
        const c = pick(categories.filter((q) => !q.deletedAt));
        if (c) write('category', c.id, {}, 'delete', 'delete');
        return;
      }
      case 'rosterRestore': {
        const c = pick(categories.filter((q) => q.deletedAt));
        if (c) write('category', c.id, { deletedAt: null }, 'restore');
        return;
      }
    }
  }
}

/** How many fields were written concurrently by two devices, to show conflicts are really exercised. */
function countConflicts(devices: readonly Device[]): number {
  const writers = new Map<string, Set<string>>();
  for (const d of devices) {
    for (const bundle of d.bundles) {
      for (const change of bundle) {
        for (const field of Object.keys(change.fields)) {
          const key = `${change.entity}/${change.entityId}/${field}`;
          const set = writers.get(key) ?? new Set<string>();
          set.add(change.deviceId);
          writers.set(key, set);
        }
      }
    }
  }
  return [...writers.entries()].filter(([key, set]) => set.size > 1 && !key.endsWith('/updatedAt')).length;
}

describe('sync convergence (property)', () => {
  it('brings two office PCs and four delegates to identical data whatever order, duplication and delay of bundles', () => {
    fc.assert(
      fc.property(
        fc.array(commandArb, { minLength: 20, maxLength: 50 }),
        fc.array(fc.integer({ min: -1_800_000, max: 1_800_000 }), { minLength: DEVICE_COUNT, maxLength: DEVICE_COUNT }),
        fc.integer(),
        (commands, skews, deliverySeed) => {
          const world = new World(skews);
          // A starting point worth syncing: a draft on every laptop, a category on each office PC.
          for (let who = 0; who < DELEGATE_COUNT; who++) world.run({ kind: 'delegate', who, action: 'create', pick: 0, invitees: 0, text: '甲' });
          for (let who = 0; who < OFFICE_COUNT; who++) world.run({ kind: 'office', who, action: 'rosterCreate', pick: who, text: '乙' });
          for (const command of commands) world.run(command);
          world.deliverEverything(mulberry32(deliverySeed));

          // Everything was delivered everywhere, so nothing may still be waiting…
          for (const [to, row] of world.inboxes.entries()) {
            for (const [from, inbox] of row.entries()) {
              if (from === to) continue;
              expect({ to, from, applied: inbox.applied, waiting: inbox.waiting }).toEqual({ to, from, applied: world.devices[from]!.bundles.length, waiting: [] });
            }
          }
          // …and every machine holds the same rows and the same field clocks.
          const [first, ...others] = world.devices.map((d) => d.replica);
          for (const replica of others) {
            expect(replica.stateHash()).toBe(first!.stateHash());
            expect(replica.clockHash()).toBe(first!.clockHash());
          }

          seen.runs++;
          seen.cosignatures += first!.rows('cosignature').length;
          seen.accepted += first!.rows('proposal').filter((p) => p.status === 'accepted').length;
          seen.tombstones += [...first!.rows('proposal'), ...first!.rows('category')].filter((r) => r.deletedAt).length;
          seen.restoredRows += world.devices.some((d) => d.bundles.flat().some((c) => c.fields.deletedAt === null)) ? 1 : 0;
          seen.conflictsOnOneField += countConflicts(world.devices);
        },
      ),
      { numRuns: 1000 },
    );

    // The scenarios must have exercised what convergence is about, or the property proves little.
    expect(seen.runs).toBe(1000);
    for (const [what, count] of Object.entries(seen)) expect({ what, exercised: count > 0 }).toEqual({ what, exercised: true });
  }, 120_000);
});
