import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api';
import { count } from '../../shared/format';
import { TIER_LABELS, tierOrder } from '../../shared/labels';
import { type CorrectionImpact, evaluationKeys, fetchParameters, previewImpact, publishCorrection, type RuleSetParameters } from './api';

type Parameter = RuleSetParameters['parameters'][number];
/** Amount parameters say so in their label (parameters.ts: isMoneyParameter); they are stored in yuan. */
const isMoney = (p: Parameter) => p.label.endsWith('（万元）');
const shown = (p: Parameter, value: number) => (isMoney(p) ? value / 10_000 : value);

/** City administrators correct a rule set's numbers: preview the effect by district, then publish a version. */
export function RuleSetCorrection({ ruleSet }: { ruleSet: string }) {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const params = useQuery({
    queryKey: evaluationKeys.parameters(ruleSet),
    queryFn: () => fetchParameters(ruleSet),
  });
  const [edits, setEdits] = useState<Record<string, number>>({});
  const [impact, setImpact] = useState<CorrectionImpact | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const changes = Object.fromEntries(
    Object.entries(edits).filter(([path, v]) => v !== params.data?.parameters.find((p) => p.path === path)?.current),
  );

  const run = async (what: 'impact' | 'publish') => {
    setBusy(true);
    try {
      if (what === 'impact') setImpact(await previewImpact(ruleSet, changes));
      else {
        const published = await publishCorrection(ruleSet, { values: changes, note });
        message.success(`已发布第 ${published.version} 版`);
        setEdits({});
        setImpact(null);
        setNote('');
        client.invalidateQueries({ queryKey: evaluationKeys.parameters(ruleSet) });
        client.invalidateQueries({ queryKey: evaluationKeys.ruleSets });
      }
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  // The version applies city-wide: the administrator confirms with its effect in front of them.
  const confirmPublish = (preview: CorrectionImpact) => {
    modal.confirm({
      title: '确认发布修正版本？',
      width: 560,
      okText: '确认发布',
      cancelText: '取消',
      content: (
        <>
          <Typography.Paragraph>
            新版本在全市生效：此后所有区县的测算和批量评价都使用它。
            {preview.stored === 0
              ? '目前尚无已存储的评价结果，发布不改变任何已有结论。'
              : `已存储的 ${count(preview.stored)} 条评价结果中，${count(preview.changed)} 条的结论将改变。`}
          </Typography.Paragraph>
          {preview.districts.length > 0 && (
            <ul style={{ maxHeight: 240, overflow: 'auto', paddingInlineStart: 20 }}>
              {[...preview.districts].sort(tierOrder).map((d) => (
                <li key={`${d.districtCode}-${d.tier}`}>
                  {d.districtName} · {TIER_LABELS[d.tier] ?? d.tier}：变为符合 {count(d.toQualified)}，变为不符合 {count(d.toNotQualified)}
                  {d.other ? `，其他变化 ${count(d.other)}` : ''}
                </li>
              ))}
            </ul>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            修正说明：{note.trim()}
          </Typography.Paragraph>
        </>
      ),
      onOk: () => run('publish'),
    });
  };

  if (!params.data) return null;
  return (
    <Card size="small" title={`修正参数（当前第 ${params.data.version} 版）`} style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 360 }}
        rowKey="path"
        dataSource={params.data.parameters}
        columns={[
          {
            title: '参数',
            dataIndex: 'label',
          },
          { title: '出厂值', render: (_, p) => shown(p, p.shipped) },
          {
            title: '当前值',
            render: (_, p) => (
              <InputNumber
                value={shown(p, edits[p.path] ?? p.current)}
                min={0}
                // Amounts are edited in 万元 and kept in whole yuan.
                onChange={(v) => {
                  const value = isMoney(p) ? Math.round(Number(v) * 10_000) : Number(v);
                  if (value === (edits[p.path] ?? p.current)) return; // InputNumber repeats its value on blur
                  setEdits({ ...edits, [p.path]: value });
                  // A preview belongs to the values it was computed for: another edit needs a new one.
                  setImpact(null);
                }}
                aria-label={p.label}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={!Object.keys(changes).length} loading={busy} onClick={() => run('impact')}>
          预览影响
        </Button>
        <Input placeholder="修正说明（依据文件、原因）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 320 }} />
        <Button type="primary" disabled={!impact || !note.trim()} loading={busy} onClick={() => impact && confirmPublish(impact)}>
          发布新版本
        </Button>
      </Space>
      {impact && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={impact.stored === 0 ? 'info' : impact.changed ? 'warning' : 'success'}
            showIcon
            title={
              impact.stored === 0
                ? '该规则集尚无已存储的评价结果：请先运行批量评价，再预览修正的影响'
                : `已存储的 ${impact.stored} 条评价结果中，${impact.changed} 条的结论将因本次修正而改变`
            }
            description={
              impact.outdated > 0
                ? `另有 ${impact.outdated} 条按现行参数重新评价已与存储结论不同（企业数据在批量评价后有更新），不计入上述变化；重新运行批量评价即可更新。`
                : undefined
            }
          />
          {impact.districts.length > 0 && (
            <Table
              style={{ marginTop: 8 }}
              size="small"
              pagination={false}
              rowKey={(d) => `${d.districtCode}-${d.tier}`}
              dataSource={impact.districts}
              columns={[
                { title: '区县', dataIndex: 'districtName' },
                { title: '层级', dataIndex: 'tier', render: (t: string) => TIER_LABELS[t] ?? t },
                { title: '变为符合', dataIndex: 'toQualified' },
                { title: '变为不符合', dataIndex: 'toNotQualified' },
                { title: '其他变化', dataIndex: 'other' },
              ]}
            />
          )}
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        发布后，新的测算和批量评价使用新版本，结果中注明版本（如“专精特新中小企业认定标准（2022）第 2 版”）；已存储的结果在重新评价后更新。
      </Typography.Paragraph>
    </Card>
  );
}
