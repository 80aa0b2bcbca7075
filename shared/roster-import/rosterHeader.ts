/** The roster columns the importer understands, and the header texts (Chinese or English) that name them. */
export type RosterField = 'name' | 'gender' | 'delegateNumber' | 'delegation' | 'activityGroup' | 'workplace' | 'employer' | 'position' | 'phone';

/** Column label used in error messages. */
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: '姓名',
  gender: '性别',
  delegateNumber: '代表证号',
  delegation: '代表团',
  activityGroup: '活动组',
  workplace: '工作单位及职务',
  employer: '工作单位',
  position: '职务',
  phone: '联系电话',
};

export const REQUIRED_ROSTER_FIELDS: readonly RosterField[] = ['name', 'delegateNumber'];

// Keys are normalised header texts (see normaliseHeader). Offices name columns many ways; these are the
// ones seen in county rosters, plus the English names of the template.
const HEADER_ALIASES: Record<string, RosterField> = {};
const alias = (field: RosterField, ...names: string[]) => {
  for (const name of names) HEADER_ALIASES[normaliseHeader(name)] = field;
};
alias('name', '姓名', '代表姓名', '名字', 'name', 'full name', 'delegate name');
alias('gender', '性别', 'gender', 'sex');
alias('delegateNumber', '代表证号', '代表证编号', '代表证', '证号', '代表编号', '代表号', 'delegate number', 'delegate no', 'number', 'card number');
alias('delegation', '代表团', '所属代表团', '代表团名称', 'delegation');
alias('activityGroup', '活动组', '代表活动组', '所属活动组', '活动小组', 'activity group', 'group');
alias('workplace', '工作单位及职务', '单位职务', '工作单位和职务', '单位及职务', '工作单位职务', '单位和职务', 'workplace', 'workplace and title', 'workplace and position');
alias('employer', '工作单位', '单位', 'employer', 'organisation', 'organization');
alias('position', '职务', '职务职称', 'position', 'title', 'job title');
alias('phone', '联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', 'phone', 'mobile', 'telephone', 'tel');

/**
 * Lower-case, no spaces/underscores/dots, no required-field marks (*), no parenthetical hints such as
 * "性别（男/女）" — templates often carry them.
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_.*＊:：-]/g, '')
    .toLowerCase();
}

export type ColumnMap = Partial<Record<RosterField, number>>;

/** Which column holds which field. The first column naming a field wins; unknown columns are ignored. */
export function mapHeader(header: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  header.forEach((cell, index) => {
    const field = HEADER_ALIASES[normaliseHeader(cell)];
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}
