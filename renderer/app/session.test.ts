import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { createNodeBridge, type NodeBridge } from '../../tests/support/nodeBridge';
import { setBridgeForTests } from '../bridge/client';
import { openDatabase } from '../data/db';
import { CURRENT_SCHEMA_VERSION } from '../data/schema';
import { useSession, type BootStep } from './session';

const machines: NodeBridge[] = [];
afterEach(async () => {
  setBridgeForTests(undefined);
  useSession.setState({ phase: 'loading', bootStep: 'opening', db: undefined, repo: undefined, profile: undefined });
  await Promise.all(machines.splice(0).map((m) => m.dispose()));
});

async function bootSteps(name: string): Promise<BootStep[]> {
  const seen: BootStep[] = [];
  const stop = useSession.subscribe((s, before) => {
    if (s.bootStep !== before.bootStep) seen.push(s.bootStep);
  });
  await useSession.getState().boot(name);
  stop();
  useSession.getState().db?.close();
  return seen;
}

describe('session boot', () => {
  it('says it is saving a snapshot and then upgrading when the database is from an older version', async () => {
    const machine = createNodeBridge();
    machines.push(machine);
    setBridgeForTests(machine.bridge);
    const name = `boot-${newId()}`;
    const old = openDatabase(name, CURRENT_SCHEMA_VERSION - 1);
    await old.open();
    old.close();

    expect(await bootSteps(name)).toEqual(['snapshotBeforeUpgrade', 'upgrading']);
    expect(useSession.getState().phase).toBe('onboarding');
    expect((await machine.bridge.backupListLocal({})).map((b) => b.reason)).toEqual(['beforeMigration']);
  });

  it('says nothing of upgrades when the database is current or new', async () => {
    const machine = createNodeBridge();
    machines.push(machine);
    setBridgeForTests(machine.bridge);
    const name = `boot-${newId()}`;
    expect(await bootSteps(name)).toEqual([]);
    useSession.setState({ bootStep: 'opening' });
    expect(await bootSteps(name)).toEqual([]);
    expect(await machine.bridge.backupListLocal({})).toEqual([]);
  });
});
