import { congressSettingsSchema, newId, type Actor } from '../../shared/domain';
import { openDatabase, type DelegateDeskDb } from './db';
import { Repository } from './repository';

/** A fresh database (fake-indexeddb in tests) and a repository acting for the given actor. */
export async function freshRepository(actor: Actor = { kind: 'delegate', id: newId(), name: '测试代表' }) {
  const db: DelegateDeskDb = openDatabase(`test-${newId()}`);
  await db.open();
  const repo = new Repository(db, `device-${newId()}`, actor);
  return { db, repo, actor };
}

/** Minimal congress settings row, so lifecycle rules have something to read. */
export async function seedSettings(repo: Repository, overrides: Record<string, unknown> = {}) {
  const now = new Date().toISOString();
  const settings = congressSettingsSchema.parse({ id: newId(), createdAt: now, updatedAt: now, ...overrides });
  await repo.write((w) => w.create('congressSettings', settings));
  return settings;
}
