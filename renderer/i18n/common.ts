import type { ProposalKind, ProposalStatus } from '../../shared/domain';

const statusZh: Record<ProposalStatus, string> = {
  draft: '草稿', collecting: '征集附议', submitted: '已提交', received: '已接收', inReview: '审查中',
  accepted: '已立案', merged: '已并案', rejected: '不予立案', assigned: '办理中', replied: '已答复',
  rehandling: '重新办理', closed: '已办结', withdrawn: '已撤回',
};
const statusEn: Record<ProposalStatus, string> = {
  draft: 'Draft', collecting: 'Collecting co-signers', submitted: 'Submitted', received: 'Received',
  inReview: 'In review', accepted: 'Accepted', merged: 'Merged', rejected: 'Not accepted', assigned: 'Being handled',
  replied: 'Replied', rehandling: 'Re-handling', closed: 'Closed', withdrawn: 'Withdrawn',
};
const kindZh: Record<ProposalKind, string> = { motion: '提案', proposal: '提议', suggestion: '意见建议' };
const kindEn: Record<ProposalKind, string> = { motion: 'Motion', proposal: 'Proposal', suggestion: 'Suggestion' };

export const common = {
  'zh-CN': {
    appName: '党代表履职工作台',
    loading: '正在加载…',
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    back: '返回',
    close: '关闭',
    delete: '删除',
    download: '下载',
    language: '语言',
    role: { office: '常任办', delegate: '党代表' },
    status: statusZh,
    kind: kindZh,
    nav: { proposals: '我的提案', allProposals: '全部提案', roster: '代表名册', newProposal: '起草', sync: '同步' },
    header: { localOnly: '数据保存在本机', switchLanguage: 'English' },
    errors: {
      generic: '操作失败：{{message}}',
      storage: '本机数据库写入失败，内容仍保留在屏幕上，请稍后重试：{{message}}',
      bridge: {
        invalidArguments: '请求参数不正确',
        fileTooLarge: '文件太大，无法打开',
        fileNotFound: '找不到该文件',
        fileUnreadable: '无法读取该文件',
        fileUnwritable: '无法写入该位置',
        forbiddenSender: '请求被拒绝',
        folderUnreachable: '所选文件夹不存在或无法访问，请重新选择',
        fileExists: '文件已存在',
        keyUnavailable: '本机设备密钥无法读取，请联系信息管理员',
        internal: '发生内部错误，请重试',
      },
    },
    empty: '暂无数据',
  },
  en: {
    appName: 'DelegateDesk',
    loading: 'Loading…',
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    back: 'Back',
    close: 'Close',
    delete: 'Delete',
    download: 'Download',
    language: 'Language',
    role: { office: 'Congress office', delegate: 'Delegate' },
    status: statusEn,
    kind: kindEn,
    nav: { proposals: 'My proposals', allProposals: 'All proposals', roster: 'Roster', newProposal: 'Draft', sync: 'Sync' },
    header: { localOnly: 'Data is stored on this computer', switchLanguage: '简体中文' },
    errors: {
      generic: 'Failed: {{message}}',
      storage: 'Could not write to the local database. Your text is still on screen; please try again: {{message}}',
      bridge: {
        invalidArguments: 'Invalid request',
        fileTooLarge: 'The file is too large to open',
        fileNotFound: 'File not found',
        fileUnreadable: 'The file cannot be read',
        fileUnwritable: 'Cannot write to that location',
        forbiddenSender: 'Request refused',
        folderUnreachable: 'That folder does not exist or cannot be reached; choose another',
        fileExists: 'The file already exists',
        keyUnavailable: 'This device’s keys cannot be read; contact IT',
        internal: 'Internal error; please retry',
      },
    },
    empty: 'No data',
  },
};
