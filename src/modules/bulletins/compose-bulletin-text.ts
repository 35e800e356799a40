import { rankChangeLabel } from '../../domain/bulletins/scoring.js';
import type { BulletinSnapshot } from './bulletins.schemas.js';

// The generated text of a 通报 (正文), from the frozen snapshot only: the same words in the Word file,
// the page and the tests. Plain sentences in the style of a government notice.

export const BULLETIN_ISSUER = '重庆市经济和信息化委员会';
export const BULLETIN_ADDRESSEES = '各区县（自治县）经济信息委，两江新区、西部科学城重庆高新区、万盛经开区经济运行局：';

const score = (n: number) => n.toFixed(2);
const names = (units: { name: string; total: number }[]) => units.map((u) => `${u.name}（${score(u.total)}分）`).join('、');

/** 2026年12月1日 */
export const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

export interface BulletinText {
  intro: string;
  sections: { heading: string; paragraphs: string[] }[];
}

export function composeBulletinText(s: BulletinSnapshot): BulletinText {
  const units = s.units;
  const n = units.length;
  const mean = n ? units.reduce((a, u) => a + u.total, 0) / n : 0;
  const scored = s.indicators.filter((i) => i.hasData && i.weight > 0);
  const noData = s.indicators.filter((i) => !i.hasData && i.weight > 0);
  const first = units.slice(0, Math.min(3, n));
  const last = n > 3 ? units.slice(Math.max(3, n - 3)) : [];

  const overall = [
    `本期通报数据截至${chineseDate(s.asOf)}，纳入通报的区县（含功能区）共 ${n} 个，` +
      `按${scored.map((i) => `${i.label}（${i.weight}分）`).join('、')}等 ${scored.length} 项指标综合评分，满分 ${s.fullMark} 分，` +
      `平均得分 ${score(mean)} 分，最高 ${score(units[0]?.total ?? 0)} 分，最低 ${score(units[n - 1]?.total ?? 0)} 分。`,
  ];
  if (noData.length) overall.push(`${noData.map((i) => i.label).join('、')}等指标暂无数据，本期未计分，不计入满分。`);
  for (const ind of scored.filter((i) => i.method !== 'rate')) {
    if (ind.method !== 'target' && ind.method !== 'efficacy') continue;
    const item = (u: (typeof units)[number]) => u.items.find((it) => it.key === ind.key);
    const withTarget = units.filter((u) => item(u)?.x !== null);
    const done = withTarget.filter((u) => (item(u)?.x ?? 0) >= 1);
    if (ind.key.startsWith('new_'))
      overall.push(
        withTarget.length
          ? `${ind.label}：已设定目标的 ${withTarget.length} 个区县中，${done.length} 个已完成年度目标。`
          : `${ind.label}：各区县尚未设定本年度目标，本项暂不得分，请尽快分解落实目标任务。`,
      );
  }

  const ranking = [`综合得分排名前三位的是：${names(first)}。`];
  if (last.length) ranking.push(`排名后三位的是：${names(last)}，请相关区县认真分析原因，加大工作力度。`);

  const changes: string[] = [];
  if (!s.previous) changes.push('本期为首次通报，暂无较上期变化。');
  else {
    const up = units.filter((u) => (u.rankChange ?? 0) >= 3).sort((a, b) => (b.rankChange ?? 0) - (a.rankChange ?? 0));
    const down = units.filter((u) => (u.rankChange ?? 0) <= -3).sort((a, b) => (a.rankChange ?? 0) - (b.rankChange ?? 0));
    const moved = (list: typeof units) => list.map((u) => `${u.name}（${rankChangeLabel(u.rankChange)}）`).join('、');
    changes.push(
      `与${s.previous.periodLabel}通报相比，${up.length ? `名次上升较快的有${moved(up)}` : '无名次上升 3 位及以上的区县'}；` +
        `${down.length ? `名次下降较多的有${moved(down)}` : '无名次下降 3 位及以上的区县'}。`,
    );
  }

  return {
    intro: `为贯彻落实全市专精特新企业高质量发展工作部署，压实区县培育责任，根据目标考核和定期通报工作安排，现将${s.periodLabel}全市专精特新企业培育工作情况通报如下。`,
    sections: [
      { heading: '一、总体情况', paragraphs: overall },
      { heading: '二、排名情况', paragraphs: ranking },
      { heading: '三、变化情况', paragraphs: changes },
      {
        heading: '四、工作要求',
        paragraphs: [
          '各区县要对照目标任务和本期得分，逐项查找差距，做好企业梯度培育、复核和年度信息更新、运行监测报送等工作，确保完成年度目标任务。排名靠后的区县要制定整改措施，下期通报将重点关注。',
        ],
      },
    ],
  };
}
