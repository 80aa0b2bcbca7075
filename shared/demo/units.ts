// 承办单位: the departments that answer proposals, named as a county or a province names them.
// `abbr` forms the 文号 of reply letters, e.g. 临教函〔2025〕12号.

export type UnitKey =
  | 'office' | 'organization' | 'propaganda' | 'politicsLaw' | 'development' | 'education' | 'science' | 'industry'
  | 'civil' | 'finance' | 'hr' | 'land' | 'ecology' | 'housing' | 'transport' | 'water' | 'agriculture' | 'commerce'
  | 'culture' | 'health' | 'emergency' | 'market' | 'medicalSecurity' | 'publicSecurity' | 'urbanManagement' | 'forestry';

export interface UnitName {
  key: UnitKey;
  county?: string;
  province?: string;
  abbr: string;
  /** Head's title, for delegates' 工作单位及职务 and reply signers */
  head: { county: string; province: string };
}

const BUREAU = { county: '局长', province: '厅长' };

export const UNIT_NAMES: readonly UnitName[] = [
  { key: 'office', county: '县委办公室', province: '省委办公厅', abbr: '委办', head: { county: '主任', province: '主任' } },
  { key: 'organization', county: '县委组织部', province: '省委组织部', abbr: '组', head: { county: '部长', province: '部长' } },
  { key: 'propaganda', county: '县委宣传部', province: '省委宣传部', abbr: '宣', head: { county: '部长', province: '部长' } },
  { key: 'politicsLaw', county: '县委政法委员会', province: '省委政法委员会', abbr: '政法', head: { county: '书记', province: '书记' } },
  { key: 'development', county: '县发展和改革局', province: '省发展和改革委员会', abbr: '发改', head: { county: '局长', province: '主任' } },
  { key: 'education', county: '县教育局', province: '省教育厅', abbr: '教', head: BUREAU },
  { key: 'science', province: '省科学技术厅', abbr: '科', head: BUREAU },
  { key: 'industry', county: '县工业和信息化局', province: '省工业和信息化厅', abbr: '工信', head: BUREAU },
  { key: 'civil', county: '县民政局', province: '省民政厅', abbr: '民', head: BUREAU },
  { key: 'finance', county: '县财政局', province: '省财政厅', abbr: '财', head: BUREAU },
  { key: 'hr', county: '县人力资源和社会保障局', province: '省人力资源和社会保障厅', abbr: '人社', head: BUREAU },
  { key: 'land', county: '县自然资源局', province: '省自然资源厅', abbr: '自然资源', head: BUREAU },
  { key: 'ecology', county: '县生态环境局', province: '省生态环境厅', abbr: '环', head: BUREAU },
  { key: 'housing', county: '县住房和城乡建设局', province: '省住房和城乡建设厅', abbr: '建', head: BUREAU },
  { key: 'transport', county: '县交通运输局', province: '省交通运输厅', abbr: '交', head: BUREAU },
  { key: 'water', county: '县水利局', province: '省水利厅', abbr: '水', head: BUREAU },
  { key: 'agriculture', county: '县农业农村局', province: '省农业农村厅', abbr: '农', head: BUREAU },
  { key: 'commerce', county: '县商务局', province: '省商务厅', abbr: '商', head: BUREAU },
  { key: 'culture', county: '县文化广电旅游局', province: '省文化和旅游厅', abbr: '文旅', head: BUREAU },
  { key: 'health', county: '县卫生健康局', province: '省卫生健康委员会', abbr: '卫健', head: { county: '局长', province: '主任' } },
  { key: 'emergency', county: '县应急管理局', province: '省应急管理厅', abbr: '应急', head: BUREAU },
  { key: 'market', county: '县市场监督管理局', province: '省市场监督管理局', abbr: '市监', head: { county: '局长', province: '局长' } },
  { key: 'medicalSecurity', county: '县医疗保障局', province: '省医疗保障局', abbr: '医保', head: { county: '局长', province: '局长' } },
  { key: 'publicSecurity', county: '县公安局', province: '省公安厅', abbr: '公', head: BUREAU },
  { key: 'urbanManagement', county: '县城市管理局', abbr: '城管', head: { county: '局长', province: '局长' } },
  { key: 'forestry', province: '省林业局', abbr: '林', head: { county: '局长', province: '局长' } },
];

/** The units of one level, with their display name. */
export function unitsFor(level: 'county' | 'province'): { key: UnitKey; name: string; abbr: string; headTitle: string }[] {
  const out: { key: UnitKey; name: string; abbr: string; headTitle: string }[] = [];
  for (const unit of UNIT_NAMES) {
    const name = unit[level];
    if (name) out.push({ key: unit.key, name, abbr: unit.abbr, headTitle: unit.head[level] });
  }
  return out;
}
