import type { BackupRefusalCode } from './format';

/** What a refused backup means for the person restoring, in plain Chinese, with what to do. */
export const backupRefusalMessages: Record<BackupRefusalCode, string> = {
  notBackup: '这不是党代表履职工作台的备份文件。请选择扩展名为 .ddbackup 的备份文件。',
  truncated: '备份文件不完整（可能复制时中断）。当前数据没有改动。请重新复制该备份，或选择另一份备份。',
  damaged: '备份文件已损坏，内容校验不一致。当前数据没有改动。请选择另一份备份。',
  newerFormat: '这份备份由更新版本的工作台生成，本机版本无法读取。请先升级本机软件。',
  newerSchema: '这份备份的数据格式比本机软件新。请先升级本机软件再恢复。',
  invalidRows: '备份中有不符合数据格式的记录，为安全起见不予恢复。当前数据没有改动。',
  otherDevice: '这份备份来自另一台电脑，不能在本机恢复：设备密钥只保存在原来的电脑上。',
  otherCongress: '这份备份属于另一个党代会，与本机数据不符，不能恢复。',
};
