import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile, useRepo } from '../../app/session';
import { loadVisitDetail, type VisitDetail } from '../../data/visitQueries';

export interface VisitScreenData {
  detail: VisitDetail | null;
  /** settings.syncPhotoOriginals */
  syncOriginals: boolean;
}

/** One visit as this machine's user may see it, live; undefined while loading, detail null when not theirs / gone. */
export function useVisitDetail(visitId: string): VisitScreenData | undefined {
  const repo = useRepo();
  const profile = useProfile();
  return useLiveQuery(async () => {
    const [detail, settings] = await Promise.all([
      loadVisitDetail(repo.db, visitId, { role: profile.role, actorId: profile.actorId }),
      repo.db.congressSettings.toArray(),
    ]);
    return { detail, syncOriginals: settings.find((s) => !s.deletedAt)?.syncPhotoOriginals === true };
  }, [repo, visitId, profile.role, profile.actorId]);
}
