// Writes the SQL of migration 0001 (reference data). Run once when the reference lists change:
//   node scripts/reference-data.mjs ../shared/domain/districts.csv > src/db/migrations/0001_reference_data_and_audit_guard.sql
// Later corrections go in new migrations; a migration that has been applied is never edited.
import { readFileSync } from 'node:fs';

const q = (s) => (s === null || s === undefined ? 'NULL' : `'${String(s).replaceAll("'", "''")}'`);

const districtRows = readFileSync(process.argv[2], 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

// GB/T 4754-2017 门类 (sections) with their 大类 (divisions).
const sections = [
  ['A', '农、林、牧、渔业', ['01 农业', '02 林业', '03 畜牧业', '04 渔业', '05 农、林、牧、渔专业及辅助性活动']],
  [
    'B',
    '采矿业',
    [
      '06 煤炭开采和洗选业',
      '07 石油和天然气开采业',
      '08 黑色金属矿采选业',
      '09 有色金属矿采选业',
      '10 非金属矿采选业',
      '11 开采专业及辅助性活动',
      '12 其他采矿业',
    ],
  ],
  [
    'C',
    '制造业',
    [
      '13 农副食品加工业',
      '14 食品制造业',
      '15 酒、饮料和精制茶制造业',
      '16 烟草制品业',
      '17 纺织业',
      '18 纺织服装、服饰业',
      '19 皮革、毛皮、羽毛及其制品和制鞋业',
      '20 木材加工和木、竹、藤、棕、草制品业',
      '21 家具制造业',
      '22 造纸和纸制品业',
      '23 印刷和记录媒介复制业',
      '24 文教、工美、体育和娱乐用品制造业',
      '25 石油、煤炭及其他燃料加工业',
      '26 化学原料和化学制品制造业',
      '27 医药制造业',
      '28 化学纤维制造业',
      '29 橡胶和塑料制品业',
      '30 非金属矿物制品业',
      '31 黑色金属冶炼和压延加工业',
      '32 有色金属冶炼和压延加工业',
      '33 金属制品业',
      '34 通用设备制造业',
      '35 专用设备制造业',
      '36 汽车制造业',
      '37 铁路、船舶、航空航天和其他运输设备制造业',
      '38 电气机械和器材制造业',
      '39 计算机、通信和其他电子设备制造业',
      '40 仪器仪表制造业',
      '41 其他制造业',
      '42 废弃资源综合利用业',
      '43 金属制品、机械和设备修理业',
    ],
  ],
  ['D', '电力、热力、燃气及水生产和供应业', ['44 电力、热力生产和供应业', '45 燃气生产和供应业', '46 水的生产和供应业']],
  ['E', '建筑业', ['47 房屋建筑业', '48 土木工程建筑业', '49 建筑安装业', '50 建筑装饰、装修和其他建筑业']],
  ['F', '批发和零售业', ['51 批发业', '52 零售业']],
  [
    'G',
    '交通运输、仓储和邮政业',
    [
      '53 铁路运输业',
      '54 道路运输业',
      '55 水上运输业',
      '56 航空运输业',
      '57 管道运输业',
      '58 多式联运和运输代理业',
      '59 装卸搬运和仓储业',
      '60 邮政业',
    ],
  ],
  ['H', '住宿和餐饮业', ['61 住宿业', '62 餐饮业']],
  ['I', '信息传输、软件和信息技术服务业', ['63 电信、广播电视和卫星传输服务', '64 互联网和相关服务', '65 软件和信息技术服务业']],
  ['J', '金融业', ['66 货币金融服务', '67 资本市场服务', '68 保险业', '69 其他金融业']],
  ['K', '房地产业', ['70 房地产业']],
  ['L', '租赁和商务服务业', ['71 租赁业', '72 商务服务业']],
  ['M', '科学研究和技术服务业', ['73 研究和试验发展', '74 专业技术服务业', '75 科技推广和应用服务业']],
  ['N', '水利、环境和公共设施管理业', ['76 水利管理业', '77 生态保护和环境治理业', '78 公共设施管理业', '79 土地管理业']],
  ['O', '居民服务、修理和其他服务业', ['80 居民服务业', '81 机动车、电子产品和日用产品修理业', '82 其他服务业']],
  ['P', '教育', ['83 教育']],
  ['Q', '卫生和社会工作', ['84 卫生', '85 社会工作']],
  ['R', '文化、体育和娱乐业', ['86 新闻和出版业', '87 广播、电视、电影和录音制作业', '88 文化艺术业', '89 体育', '90 娱乐业']],
  [
    'S',
    '公共管理、社会保障和社会组织',
    [
      '91 中国共产党机关',
      '92 国家机构',
      '93 人民政协、民主党派',
      '94 社会保障',
      '95 群众团体、社会团体和其他成员组织',
      '96 基层群众自治组织及其他组织',
    ],
  ],
  ['T', '国际组织', ['97 国际组织']],
];

// "33618" (2023 行动方案). Confidence as in shared/domain/criteria.md §10: the 6 and the 18 are
// incomplete public facts, which is why the table is editable by the city administrator.
const clusters = [
  ['leading', ['智能网联新能源汽车', '新一代电子信息制造业', '先进材料'], '2023 行动方案；多方来源一致'],
  ['pillar', ['智能装备及智能制造', '食品及农产品加工', '软件信息服务'], '2023 行动方案；"软件信息服务"待核实'],
  ['featured', ['新型显示', '高端摩托车', '轻合金材料', '轻纺', '生物医药', '新能源及新型储能'], '待核实：公开资料未见完整名单'],
  [
    'rising',
    [
      '功率半导体及集成电路',
      'AI及机器人',
      '服务器',
      '智能家居',
      '传感器及仪器仪表',
      '智能制造装备',
      '动力装备',
      '农机装备',
      '纤维及复合材料',
      '合成材料',
      '现代中药',
      '医疗器械',
      '卫星互联网',
      '光伏',
    ],
    '待核实：18 个"新星"集群仅收录公开资料可见的部分',
  ],
];

const out = [];
out.push('-- Audit log is append-only: updates and deletes are refused by the database itself.');
out.push(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;`);
out.push('--> statement-breakpoint');
out.push('CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();');
out.push('--> statement-breakpoint');
out.push('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();');
out.push('--> statement-breakpoint');
out.push('-- 38 区县 (GB/T 2260) and 3 functional zones');
out.push(
  `INSERT INTO districts (code, name, kind, sort_order) VALUES\n${districtRows
    .map(([code, name, kind], i) => `  (${q(code)}, ${q(name)}, ${q(kind)}, ${i + 1})`)
    .join(',\n')};`,
);
out.push('--> statement-breakpoint');
out.push('-- 国民经济行业分类 GB/T 4754-2017: 门类 and 大类');
const industryRows = [];
for (const [code, name, divisions] of sections) {
  industryRows.push(`  (${q(code)}, ${q(name)}, 'section', NULL)`);
  for (const d of divisions) {
    const [dc, ...rest] = d.split(' ');
    industryRows.push(`  (${q(dc)}, ${q(rest.join(' '))}, 'division', ${q(code)})`);
  }
}
out.push(`INSERT INTO industries (code, name, level, parent_code) VALUES\n${industryRows.join(',\n')};`);
out.push('--> statement-breakpoint');
out.push('-- "33618" clusters (editable reference table)');
const clusterRows = [];
let order = 0;
const prefix = { leading: 'L', pillar: 'P', featured: 'F', rising: 'R' };
for (const [category, names, note] of clusters) {
  names.forEach((name, i) => {
    order += 1;
    clusterRows.push(`  (${q(`${prefix[category]}${String(i + 1).padStart(2, '0')}`)}, ${q(name)}, ${q(category)}, ${order}, ${q(note)})`);
  });
}
out.push(`INSERT INTO clusters (code, name, category, sort_order, note) VALUES\n${clusterRows.join(',\n')};`);
console.log(out.join('\n'));
