// 办公室首页: the live numbers behind the report, for one meeting's period, narrowed by category and unit.
import type { HandlingAssignment, Proposal } from '../domain';
import { unitsOf } from '../lifecycle';
import { reportCharts, type ChartData, type ChartKey } from './charts';
import { buildHandlingReport, type HandlingReport, type HandlingReportInput } from './handlingReport';

export interface DashboardFilter {
  categoryId?: string;
  unitId?: string;
}

export interface DashboardFigures {
  /** 收到 */
  received: number;
  /** 已审查 (any decision) */
  decided: number;
  /** 已交办 */
  assigned: number;
  /** 已答复 */
  replied: number;
  /** 已办结 */
  closed: number;
  /** 超期未答复 */
  overdue: number;
  /** 15天内到期 */
  dueSoon: number;
  /** 已测评 */
  rated: number;
  /** 满意 + 基本满意 of those rated */
  satisfiedRate?: number;
  onTimeRate?: number;
  charts: Record<ChartKey, ChartData>;
  report: HandlingReport;
}

/** Proposals a unit is (or was) given: 主办, 协办 or 分办 on an assignment not returned by it. */
function involving(unitId: string, assignments: readonly HandlingAssignment[]): Set<string> {
  const ids = new Set<string>();
  for (const a of assignments) {
    if (a.deletedAt || a.returned) continue;
    if (unitsOf(a).includes(unitId)) ids.add(a.proposalId);
  }
  return ids;
}

export function dashboardFigures(input: HandlingReportInput, filter: DashboardFilter = {}): DashboardFigures {
  let proposals: readonly Proposal[] = input.proposals;
  if (filter.categoryId) proposals = proposals.filter((p) => p.categoryId === filter.categoryId);
  if (filter.unitId) {
    const ids = involving(filter.unitId, input.assignments);
    proposals = proposals.filter((p) => ids.has(p.id));
  }
  const report = buildHandlingReport({ ...input, proposals });
  const { total, handling, open, satisfaction } = report;
  return {
    received: total.total,
    decided: total.total - total.counts.pending,
    assigned: handling.assigned,
    replied: handling.replied,
    closed: handling.closed,
    overdue: open.overdue.length,
    dueSoon: open.dueSoon,
    rated: satisfaction.rated,
    ...(satisfaction.satisfiedRate !== undefined ? { satisfiedRate: satisfaction.satisfiedRate } : {}),
    ...(handling.onTimeRate !== undefined ? { onTimeRate: handling.onTimeRate } : {}),
    charts: reportCharts(report),
    report,
  };
}
