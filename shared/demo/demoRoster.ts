// The roster of the demo congress: congress, settings, categories, 代表团, 活动组, delegates, office staff,
// handling units and the leaders the 民主评议 rounds evaluate.
import { congressSettingsSchema, DEFAULT_CATEGORIES } from '../domain';
import type { ActivityGroup, Congress, CongressSettings, Delegate, Delegation, HandlingUnit, Staff } from '../domain';
import { chineseNumber, uniquePersonNames } from './chineseNames';
import type { Gender } from './chineseNames';
import { FEMALE_SHARE } from './jurisdiction';
import type { DelegationPlan, Jurisdiction } from './jurisdiction';
import type { Rng } from './rng';
import { iso } from './store';
import type { DemoStore } from './store';
import type { UnitKey } from './units';
import { unitsFor } from './units';

export interface DemoUnit {
  record: HandlingUnit;
  key: UnitKey;
  abbr: string;
  /** Head of the unit, who signs reply letters */
  headName: string;
}

export interface Leader {
  id: string;
  name: string;
  title: string;
}

export interface DemoRoster {
  congress: Congress;
  settings: CongressSettings;
  categoryIdByName: ReadonlyMap<string, string>;
  delegations: Delegation[];
  activityGroups: ActivityGroup[];
  delegates: Delegate[];
  /** Delegates still in office (在任); only they draft, co-sign, vote and visit */
  active: Delegate[];
  activeByDelegation: ReadonlyMap<string, Delegate[]>;
  activeByGroup: ReadonlyMap<string, Delegate[]>;
  delegateById: ReadonlyMap<string, Delegate>;
  staff: Staff[];
  units: DemoUnit[];
  unitByKey: ReadonlyMap<UnitKey, DemoUnit>;
  /** Members of the 县委/省委 leadership evaluated in 民主评议 */
  leaders: Leader[];
  /** A lead author, some delegates being far more active than others */
  pickLead(rng: Rng): Delegate;
}

export interface RosterPlan {
  delegates: number;
  activityGroups: number;
  /** When the roster was entered: before the first annual meeting */
  createdMs: number;
  termStart: string;
  termEnd: string;
}

export function createRoster(store: DemoStore, rng: Rng, jur: Jurisdiction, plan: RosterPlan): DemoRoster {
  const t = plan.createdMs;
  const stamp = { createdAt: iso(t), updatedAt: iso(t) };
  const congress = store.add('congress', {
    id: store.id(t),
    ...stamp,
    name: `中国共产党${jur.region}第${chineseNumber(jur.term)}次代表大会`,
    term: jur.term,
    region: jur.region,
    termStart: plan.termStart,
    termEnd: plan.termEnd,
  });
  // One settings row whose id is the congress id; defaults are the product's (9 / 5 附议, 3 months …).
  const settings = store.add('congressSettings', congressSettingsSchema.parse({ id: congress.id, ...stamp }));

  const categoryIdByName = new Map<string, string>();
  DEFAULT_CATEGORIES.forEach((name, sortOrder) => {
    const record = store.add('category', { id: store.id(t), ...stamp, name, sortOrder });
    categoryIdByName.set(name, record.id);
  });

  const delegations = jur.delegations.map((plan, sortOrder) => store.add('delegation', { id: store.id(t), ...stamp, name: plan.name, sortOrder }));
  const sizes = apportion(plan.delegates, jur.delegations.map((d) => d.weight));

  // Delegates in delegation order, so 代表证号 and 活动组 follow the electoral districts as they do in practice.
  const people: { plan: DelegationPlan; delegationId: string; gender: Gender }[] = [];
  jur.delegations.forEach((delegationPlan, index) => {
    for (let i = 0; i < (sizes[index] ?? 0); i++) {
      people.push({
        plan: delegationPlan,
        delegationId: (delegations[index] as Delegation).id,
        gender: rng.chance(FEMALE_SHARE[delegationPlan.kind]) ? 'female' : 'male',
      });
    }
  });
  const names = uniquePersonNames(rng, people.map((p) => p.gender));
  const groupCount = Math.max(1, Math.min(plan.activityGroups, people.length));
  const groupIds = Array.from({ length: groupCount }, () => store.id(t));
  const groupSizes = apportion(people.length, Array.from({ length: groupCount }, () => 1));
  const groupOf: number[] = [];
  groupSizes.forEach((size, g) => {
    for (let i = 0; i < size; i++) groupOf.push(g);
  });
  const numberWidth = Math.max(3, String(people.length).length);
  // About one in 120 has left office (终止代表资格) since the congress.
  const endedCount = Math.floor(people.length / 120);
  const ended = new Set(rng.sample(Array.from({ length: people.length }, (_, i) => i), endedCount));

  // Posts such as 城关镇党委书记 are held by one person; draw again when a post is taken (teachers and
  // doctors may repeat once the pool runs dry).
  const takenPosts = new Set<string>();
  const workplaceFor = (plan: DelegationPlan): string => {
    let post = jur.workplace(rng, plan);
    for (let attempt = 0; takenPosts.has(post) && attempt < 12; attempt++) post = jur.workplace(rng, plan);
    takenPosts.add(post);
    return post;
  };

  const delegates = people.map((person, i) =>
    store.add('delegate', {
      id: store.id(t),
      ...stamp,
      name: names[i] as string,
      gender: person.gender,
      delegateNumber: String(i + 1).padStart(numberWidth, '0'),
      delegationId: person.delegationId,
      activityGroupId: groupIds[groupOf[i] ?? 0] as string,
      workplace: workplaceFor(person.plan),
      phone: mobilePhone(rng),
      status: ended.has(i) ? 'ended' : 'active',
    }),
  );
  const active = delegates.filter((d) => d.status === 'active');

  const activityGroups = groupIds.map((id, g) => {
    const members = active.filter((d) => d.activityGroupId === id);
    // The group leader (组长) is usually a party secretary among the members.
    const leader = members.find((d) => d.workplace?.includes('书记')) ?? members[0];
    return store.add('activityGroup', {
      id,
      ...stamp,
      name: `第${chineseNumber(g + 1)}活动组`,
      ...(leader ? { leaderDelegateId: leader.id } : {}),
      sortOrder: g,
    });
  });

  const staffTitles = ['常任办主任', '常任办副主任', '党代表联络组干事'];
  const staffNames = uniquePersonNames(rng, staffTitles.map((_, i) => (i === 2 ? 'female' : 'male')));
  const staff = staffTitles.map((title, i) => store.add('staff', { id: store.id(t), ...stamp, name: staffNames[i] as string, title }));

  const unitDefs = unitsFor(jur.level);
  const unitPeople = uniquePersonNames(rng, unitDefs.flatMap(() => [rng.chance(0.3) ? 'female' : 'male', rng.chance(0.2) ? 'female' : 'male'] as Gender[]));
  const areaCode = jur.level === 'county' ? '0790' : '0791';
  const units = unitDefs.map((def, i): DemoUnit => ({
    record: store.add('handlingUnit', {
      id: store.id(t),
      ...stamp,
      name: def.name,
      contactName: unitPeople[2 * i] as string,
      contactPhone: `${areaCode}-${rng.int(jur.level === 'county' ? 3_000_000 : 80_000_000, jur.level === 'county' ? 8_999_999 : 89_999_999)}`,
      sortOrder: i,
      active: true,
    }),
    key: def.key,
    abbr: def.abbr,
    headName: unitPeople[2 * i + 1] as string,
  }));

  const leaderTitles =
    jur.level === 'county'
      ? ['县委书记', '县委副书记、县长', '县委副书记', '县委常委、县纪委书记、县监委主任', '县委常委、组织部部长', '县委常委、宣传部部长', '县委常委、常务副县长']
      : ['省委书记', '省委副书记、省长', '省委副书记', '省委常委、省纪委书记、省监委主任', '省委常委、组织部部长', '省委常委、宣传部部长', '省委常委、常务副省长'];
  const leaderNames = uniquePersonNames(rng, leaderTitles.map(() => (rng.chance(0.15) ? 'female' : 'male')));
  const leaders = leaderTitles.map((title, i) => ({ id: `leader-${i + 1}`, name: leaderNames[i] as string, title }));

  const activeByDelegation = groupBy(active, (d) => d.delegationId ?? '');
  const activeByGroup = groupBy(active, (d) => d.activityGroupId ?? '');

  // Activity follows a long tail: a few delegates file many proposals, many file one or none.
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < active.length; i++) {
    total += 1 / (0.12 + rng.next());
    cumulative.push(total);
  }
  const pickLead = (r: Rng): Delegate => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return active[lo] as Delegate;
  };

  return {
    congress,
    settings,
    categoryIdByName,
    delegations,
    activityGroups,
    delegates,
    active,
    activeByDelegation,
    activeByGroup,
    delegateById: new Map(delegates.map((d) => [d.id, d])),
    staff,
    units,
    unitByKey: new Map(units.map((u) => [u.key, u])),
    leaders,
    pickLead,
  };
}

/** Splits `total` into parts proportional to `weights` (largest remainder), so the parts sum to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    rest--;
  }
  return parts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const MOBILE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '180', '181', '186', '187', '188', '189', '199'];

function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}
