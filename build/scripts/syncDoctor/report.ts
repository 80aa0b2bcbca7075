import type { DoctorIssue, SyncFolderDiagnosis } from './diagnose';

/** What each code means, in Chinese and English, for the IT staff reading the report. */
const CODE_TEXT: Readonly<Record<DoctorIssue['code'], string>> = {
  unreachable: '文件夹无法访问 / folder unreachable',
  markerMissing: '缺少文件夹标记 / marker missing',
  gap: '序号缺失 / seq gap',
  emptyFile: '空文件 / empty file',
  unreadable: '无法读取 / unreadable',
  tooLarge: '文件过大 / too large',
  badName: '名称不符合规范 / name outside the layout',
  malformed: '格式错误 / malformed',
  futureVersion: '新版本格式 / newer format version',
  wrongCongress: '不属于本届 / other congress',
  badSignature: '签名无效 / bad signature',
  unknownDevice: '未登记的设备 / unknown device',
  keyMismatch: '密钥不一致 / key mismatch',
  brokenChain: '数据包链断裂 / broken chain',
  unauthorized: '越权修改 / unauthorized',
  undecryptable: '无法解密 / undecryptable',
  blobMissing: '附件缺失 / blob missing',
  blobCorrupt: '附件损坏 / blob corrupt',
  leftoverTemp: '残留临时文件 / leftover temporary file',
  oddFile: '额外文件 / extra file',
  notBound: '尚未绑定 / not bound',
  revoked: '已撤销绑定 / binding revoked',
  noBindings: '未找到设备绑定 / no bindings found',
  uncheckedAfterProblem: '后续未检查 / not checked further',
};

export function formatDiagnosis(diagnosis: SyncFolderDiagnosis): string {
  const lines: string[] = [];
  lines.push('DelegateDesk 同步文件夹检查 / sync folder check');
  lines.push(`文件夹 Folder: ${diagnosis.folder}`);
  if (!diagnosis.reachable) {
    lines.push('', ...issueLines(diagnosis.issues), '', `结论 Result: 文件夹无法访问 / folder unreachable`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `标记 Marker: ${diagnosis.marker ? `届次 congress ${diagnosis.marker.congressId}（格式 format ${diagnosis.marker.format} v${diagnosis.marker.version}）` : '无 none'}`,
  );
  lines.push(`设备 Devices: ${diagnosis.devices.length}`);
  for (const device of diagnosis.devices) {
    const range = device.firstSeq === null ? '—' : `seq ${device.firstSeq}–${device.lastSeq}`;
    const verified = device.verifiedThrough === 0 ? '—' : device.verifiedThrough === 1 ? 'seq 1' : `seq 1–${device.verifiedThrough}`;
    const binding = device.binding ? `${device.binding.revoked ? '已撤销 revoked ' : ''}${device.binding.role ?? '?'} ${device.binding.actorId ?? ''}`.trim() : '—';
    const status = device.problems > 0 ? `✗ ${device.problems} 个问题 problem(s)` : '✓';
    lines.push(`  ${device.deviceId}  ${status}`);
    lines.push(`    数据包 bundles: ${device.bundleFiles} (${range})  已验证 verified: ${verified}`);
    lines.push(`    确认码 fingerprint: ${device.fingerprint ?? '—'}  绑定 bound as: ${binding}`);
  }
  lines.push(`附件 Blobs: ${diagnosis.blobs.files}（${formatBytes(diagnosis.blobs.bytes)}）`);

  const problems = diagnosis.issues.filter((issue) => issue.severity === 'problem');
  const notes = diagnosis.issues.filter((issue) => issue.severity === 'note');
  if (problems.length > 0) lines.push('', `问题 Problems (${problems.length}):`, ...issueLines(problems));
  if (notes.length > 0) lines.push('', `提示 Notes (${notes.length}):`, ...issueLines(notes));
  lines.push(
    '',
    problems.length === 0
      ? '结论 Result: 未发现问题 / no problems found'
      : `结论 Result: 发现 ${problems.length} 个问题 / ${problems.length} problem(s) found — 请勿删除文件，先备份整个文件夹 / do not delete files; back up the whole folder first`,
  );
  return `${lines.join('\n')}\n`;
}

function issueLines(issues: readonly DoctorIssue[]): string[] {
  return issues.map((issue) => `  ${issue.severity === 'problem' ? '✗' : '!'} [${issue.code}] ${CODE_TEXT[issue.code]}: ${issue.file} — ${issue.detail}`);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
