// The fictional place the demo congress belongs to: a county (临溪县, with its towns and villages) or a
// province (江临省, with its cities), its 代表团 and the kinds of workplaces its delegates come from.
import type { Rng } from './rng';
import { unitsFor } from './units';

export type Level = 'county' | 'province';

/** Where a delegation's delegates come from; drives their 工作单位及职务 and gender mix. */
export type DelegationKind = 'locality' | 'organs' | 'education' | 'health' | 'enterprise';

export interface DelegationPlan {
  name: string;
  kind: DelegationKind;
  /** Towns (county) or cities (province) the delegation covers */
  localities: string[];
  /** Relative size */
  weight: number;
}

export interface Jurisdiction {
  level: Level;
  /** 临溪县 / 江临省 */
  region: string;
  /** Short form for 文号: 临 / 江 */
  abbr: string;
  /** 县 / 省 */
  lvl: string;
  /** 我县 / 我省 */
  self: string;
  /** 全县 / 全省 */
  whole: string;
  /** 县委 / 省委 */
  committee: string;
  /** 县纪委 / 省纪委 */
  disciplineCommittee: string;
  term: number;
  /** Towns (county) or cities (province) */
  localities: readonly string[];
  delegations: readonly DelegationPlan[];
  /** 工作单位及职务 of a delegate in the given delegation */
  workplace(rng: Rng, delegation: DelegationPlan): string;
  /** A place an inspection visit goes to */
  visitSite(rng: Rng): string;
}

const COUNTY_TOWNS = ['城关镇', '河口镇', '石桥镇', '龙泉镇', '白沙镇', '青山乡', '桃源镇', '马坪镇', '枫林乡', '长岭乡', '新田乡', '东港镇'];
const VILLAGES = [
  '柳树村', '王家村', '新光村', '红星村', '向阳村', '大塘村', '石门村', '桂花村', '杨柳村', '高桥村', '团结村', '胜利村',
  '新民村', '和平村', '双河村', '三合村', '金竹村', '水口村', '黄泥村', '长冲村', '竹林村', '茶园村', '上坪村', '下湾村',
];
const COUNTY_COMPANIES = [
  '华丰建材有限公司', '绿源农业开发有限公司', '恒达纺织有限公司', '鑫源电子科技有限公司', '富民茶业有限公司',
  '宏盛机械制造有限公司', '新天地物流有限公司', '长青竹木制品有限公司', '润泽食品有限公司', '金穗粮油有限公司',
];
const PROVINCE_CITIES = ['临江市', '云州市', '北岭市', '南屏市', '东川市', '西华市', '青阳市', '宁远市', '安平市', '长丰市', '玉山市', '景河市'];
const CITY_COUNTIES = ['安宁县', '丰乐县', '永兴县', '长宁县', '新化县', '东乡县', '平川县', '南丰县', '上林县', '清源县', '石城县', '大庄县'];
const PROVINCE_GROUPS = ['交通投资集团有限公司', '能源集团有限公司', '建工集团有限公司', '农业发展集团有限公司', '旅游集团有限公司', '港航集团有限公司'];
const UNIVERSITIES = ['江临大学', '江临师范大学', '江临医科大学', '江临理工大学', '江临农业大学', '江临财经大学'];

const townHead = (town: string) => (town.endsWith('乡') ? '乡长' : '镇长');

function countyWorkplace(rng: Rng, delegation: DelegationPlan): string {
  const town = rng.pick(delegation.localities.length > 0 ? delegation.localities : COUNTY_TOWNS);
  const village = rng.pick(VILLAGES);
  switch (delegation.kind) {
    case 'locality':
      return rng.weighted<() => string>([
        [() => `${town}党委书记`, 1],
        [() => `${town}党委副书记、${townHead(town)}`, 1],
        [() => `${town}人大主席`, 0.5],
        [() => `${town}纪委书记`, 0.5],
        [() => `${town}党委组织委员`, 0.5],
        [() => `${town}${village}党支部书记`, 4],
        [() => `${town}${village}党支部书记、村委会主任`, 3],
        [() => `${town}${village}党员、种养大户`, 1],
        [() => `${town}中心学校校长`, 0.6],
        [() => `${town}卫生院院长`, 0.6],
        [() => `${town}农业综合服务中心主任`, 0.5],
        [() => `${town}派出所所长`, 0.4],
        [() => `${town}${village.replace('村', '')}种植专业合作社理事长`, 0.8],
      ])();
    case 'organs': {
      const unit = rng.pick(unitsFor('county'));
      return rng.weighted<() => string>([
        [() => `${unit.name}${unit.headTitle}`, 3],
        [() => `${unit.name}副${unit.headTitle}`, 2],
        [() => rng.pick(['县人民法院院长', '县人民检察院检察长', '县总工会主席', '团县委书记', '县妇联主席', '县委党校常务副校长', '县纪委监委派驻纪检监察组组长']), 2],
      ])();
    }
    case 'education':
      return rng.pick([
        '县第一中学校长', '县第一中学教师', '县第二中学教师', '县实验小学校长', '县实验小学教师', '县职业中等专业学校副校长',
        '县第一幼儿园园长', `${town}中心学校教师`, `${town}中心小学校长`, '县第二中学党总支书记',
      ]);
    case 'health':
      return rng.pick([
        '县人民医院院长', '县人民医院外科主任医师', '县人民医院护士长', '县中医院医生', '县妇幼保健院院长',
        '县疾病预防控制中心主任', `${town}卫生院医生`, `${town}${village}乡村医生`, '县中医院党委书记',
      ]);
    case 'enterprise': {
      const company = '临溪县' + rng.pick(COUNTY_COMPANIES);
      return rng.weighted<() => string>([
        [() => `${company}董事长`, 2],
        [() => `${company}总经理`, 1],
        [() => `${company}党支部书记`, 2],
        [() => `${company}车间主任`, 1],
        [() => '国网临溪县供电公司党委书记', 0.3],
        [() => '临溪县农村商业银行行长', 0.3],
        [() => '个体工商户', 0.5],
      ])();
    }
  }
}

function provinceWorkplace(rng: Rng, delegation: DelegationPlan): string {
  const city = rng.pick(delegation.localities.length > 0 ? delegation.localities : PROVINCE_CITIES);
  const cityShort = city.replace('市', '');
  const county = rng.pick(CITY_COUNTIES);
  const town = rng.pick(COUNTY_TOWNS);
  const village = rng.pick(VILLAGES);
  switch (delegation.kind) {
    case 'locality':
      return rng.weighted<() => string>([
        [() => `${cityShort}市委书记`, 0.3],
        [() => `${cityShort}市委副书记、市长`, 0.3],
        [() => `${cityShort}市委组织部部长`, 0.4],
        [() => `${city}${county.replace(/县$/, '')}县委书记`, 2],
        [() => `${city}${county.replace(/县$/, '')}县委副书记、县长`, 1],
        [() => `${city}${county}${town}党委书记`, 2],
        [() => `${city}${county}${town}${village}党支部书记`, 3],
        [() => `${city}第一人民医院院长`, 0.5],
        [() => `${city}第一中学教师`, 0.7],
        [() => `${cityShort}${rng.pick(COUNTY_COMPANIES)}董事长`, 0.8],
        [() => `${city}公安局交警支队民警`, 0.5],
      ])();
    case 'organs': {
      const unit = rng.pick(unitsFor('province'));
      return rng.weighted<() => string>([
        [() => `${unit.name}${unit.headTitle}`, 3],
        [() => `${unit.name}副${unit.headTitle}`, 2],
        [() => rng.pick(['省高级人民法院院长', '省人民检察院检察长', '省总工会副主席', '团省委书记', '省妇联主席', '省委党校常务副校长']), 1],
      ])();
    }
    case 'enterprise': {
      const group = '江临省' + rng.pick(PROVINCE_GROUPS);
      return rng.weighted<() => string>([
        [() => `${group}党委书记、董事长`, 1],
        [() => `${group}总经理`, 1],
        [() => `${group}项目经理`, 1],
        [() => `${group}高级工程师`, 1],
      ])();
    }
    case 'education':
    case 'health': {
      const university = rng.pick(UNIVERSITIES);
      return rng.pick([`${university}党委书记`, `${university}校长`, `${university}教授`, `${university}附属医院主任医师`, `${university}辅导员`]);
    }
  }
}

function townDelegations(): DelegationPlan[] {
  // Six electoral districts of two towns each, named after the larger town.
  const plans: DelegationPlan[] = [];
  for (let i = 0; i < COUNTY_TOWNS.length; i += 2) {
    const towns = COUNTY_TOWNS.slice(i, i + 2);
    plans.push({ name: `${towns[0]}代表团`, kind: 'locality', localities: towns, weight: i === 0 ? 1.6 : 1.2 });
  }
  return plans;
}

export const COUNTY: Jurisdiction = {
  level: 'county',
  region: '临溪县',
  abbr: '临',
  lvl: '县',
  self: '我县',
  whole: '全县',
  committee: '县委',
  disciplineCommittee: '县纪委',
  term: 15,
  localities: COUNTY_TOWNS,
  delegations: [
    ...townDelegations(),
    { name: '县直机关代表团', kind: 'organs', localities: [], weight: 1.8 },
    { name: '教育系统代表团', kind: 'education', localities: [], weight: 0.9 },
    { name: '卫生健康系统代表团', kind: 'health', localities: [], weight: 0.7 },
    { name: '非公有制经济组织代表团', kind: 'enterprise', localities: [], weight: 0.7 },
  ],
  workplace: countyWorkplace,
  visitSite: (rng) => {
    const town = rng.pick(COUNTY_TOWNS);
    const village = rng.pick(VILLAGES);
    return rng.pick([
      `${town}${village}党群服务中心`,
      `${town}${village}安全饮水工程`,
      `${town}中心学校`,
      `${town}卫生院`,
      `${town}农业示范基地`,
      `${town}养老服务中心`,
      `${town}便民服务中心`,
      '临溪县工业园区',
    ]);
  },
};

export const PROVINCE: Jurisdiction = {
  level: 'province',
  region: '江临省',
  abbr: '江',
  lvl: '省',
  self: '我省',
  whole: '全省',
  committee: '省委',
  disciplineCommittee: '省纪委',
  term: 12,
  localities: PROVINCE_CITIES,
  delegations: [
    ...PROVINCE_CITIES.map((city, i): DelegationPlan => ({ name: `${city}代表团`, kind: 'locality', localities: [city], weight: i < 2 ? 1.5 : 1 })),
    { name: '省直机关代表团', kind: 'organs', localities: [], weight: 2 },
    { name: '省属企业代表团', kind: 'enterprise', localities: [], weight: 0.8 },
    { name: '高等院校代表团', kind: 'education', localities: [], weight: 0.8 },
  ],
  workplace: provinceWorkplace,
  visitSite: (rng) => {
    const city = rng.pick(PROVINCE_CITIES);
    return rng.pick([
      `${city}高新技术产业园区`,
      `${city}${rng.pick(CITY_COUNTIES)}${rng.pick(VILLAGES)}党群服务中心`,
      `${city}${rng.pick(CITY_COUNTIES)}现代农业产业园`,
      `${city}第一人民医院`,
      `${city}养老服务中心`,
      `${city}城市更新项目现场`,
    ]);
  },
};

/** Share of women by delegation kind. */
export const FEMALE_SHARE: Record<DelegationKind, number> = {
  locality: 0.22,
  organs: 0.26,
  education: 0.52,
  health: 0.48,
  enterprise: 0.24,
};
