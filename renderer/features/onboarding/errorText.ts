import type { TFunction } from 'i18next';
import { BridgeCallError } from '../../bridge/client';

/**
 * A user-facing sentence for a failure. Messages from the domain (roster import, profile file, setup) are
 * already Chinese and are shown as they are; bridge errors carry a code the common strings translate.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof BridgeCallError) return t(`common:errors.bridge.${error.code}`, { defaultValue: error.message });
  if (error instanceof Error) {
    // Dexie reports a unique-index clash (e.g. the same 代表证号 twice) with these names.
    if (error.name === 'ConstraintError' || error.name === 'BulkError') return '数据与本机已有的记录冲突（例如代表证号重复），未做任何修改';
    return error.message;
  }
  return String(error);
}
