// Screens other than the first ones a start shows (the office's dashboard, a delegate's list, the first-run
// screen) load when first opened: their code (and what only they use) leaves the script every start must parse
// before anything shows — 0.8 s on two cores for the whole app (bench:ui "script ran").
import { lazy, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound; each screen keeps its props
function lazyScreen<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
}

export const ProposalEditor = lazyScreen(() => import('../features/proposals/ProposalEditor').then((m) => m.ProposalEditor));
export const ProposalView = lazyScreen(() => import('../features/proposals/ProposalView').then((m) => m.ProposalView));
export const RosterPage = lazyScreen(() => import('../features/onboarding/RosterPage').then((m) => m.RosterPage));
export const SyncPage = lazyScreen(() => import('../features/sync/SyncPage').then((m) => m.SyncPage));
export const BackupPage = lazyScreen(() => import('../features/backup/BackupPage').then((m) => m.BackupPage));
export const InboxPage = lazyScreen(() => import('../features/review/InboxPage').then((m) => m.InboxPage));
export const ReviewPage = lazyScreen(() => import('../features/review/ReviewPage').then((m) => m.ReviewPage));
export const HandlingPage = lazyScreen(() => import('../features/handling/HandlingPage').then((m) => m.HandlingPage));
export const SupervisionPage = lazyScreen(() => import('../features/handling/SupervisionPage').then((m) => m.SupervisionPage));
export const UnitsPage = lazyScreen(() => import('../features/handling/UnitsPage').then((m) => m.UnitsPage));
export const VisitsPage = lazyScreen(() => import('../features/visits/VisitsPage').then((m) => m.VisitsPage));
export const VisitPage = lazyScreen(() => import('../features/visits/VisitsPage').then((m) => m.VisitPage));
export const EvaluationsPage = lazyScreen(() => import('../features/evaluations/EvaluationsPage').then((m) => m.EvaluationsPage));
export const EvaluationPage = lazyScreen(() => import('../features/evaluations/EvaluationsPage').then((m) => m.EvaluationPage));
export const MeetingsPage = lazyScreen(() => import('../features/meetings/MeetingsPage').then((m) => m.MeetingsPage));
export const MeetingPage = lazyScreen(() => import('../features/meetings/MeetingsPage').then((m) => m.MeetingPage));
export const NoticesPage = lazyScreen(() => import('../features/notices/NoticesPage').then((m) => m.NoticesPage));
export const NoticePage = lazyScreen(() => import('../features/notices/NoticesPage').then((m) => m.NoticePage));
export const DutyPage = lazyScreen(() => import('../features/duty/DutyPage').then((m) => m.DutyPage));
export const ReportsPage = lazyScreen(() => import('../features/reports/ReportsPage').then((m) => m.ReportsPage));
