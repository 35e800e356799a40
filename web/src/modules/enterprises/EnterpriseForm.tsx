import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { checkNicheEntryYear, checkPhone, checkText, type FieldProblem, TEXT_MAX } from '../../../../src/domain/field-rules';
import { ApiError } from '../../shared/api';
import { LISTING_LABELS } from '../../shared/labels';
import { useReference } from '../../shared/reference';
import { useSession } from '../../shared/session';
import { createEnterprise, type EnterpriseDetail, type NewEnterprise, updateEnterprise } from './api';

/** The fields of the enterprise page that this form edits. */
export type EditableEnterprise = Pick<
  EnterpriseDetail,
  | 'id'
  | 'version'
  | 'uscc'
  | 'name'
  | 'districtCode'
  | 'zoneCode'
  | 'industryCode'
  | 'clusterCode'
  | 'establishedOn'
  | 'registeredCapital'
  | 'legalRepresentative'
  | 'address'
  | 'mainProduct'
  | 'nicheMarket'
  | 'nicheEntryYear'
  | 'listingStatus'
  | 'contactName'
  | 'contactPhone'
>;

/** An antd rule from a field rule of src/domain/field-rules.ts: the form says what the server and the import say. */
const fieldRule = (label: string, check: (value: never) => FieldProblem | null) => ({
  validator: (_rule: unknown, value: unknown) => {
    if (value === null || value === undefined || value === '') return Promise.resolve();
    const problem = check(value as never);
    return problem ? Promise.reject(new Error(`${label}${problem.message}`)) : Promise.resolve();
  },
});
const textRule = (label: string, max: number) => fieldRule(label, (v: string) => checkText(String(v).trim(), max));

/** Create or edit an enterprise. Server errors land next to their field; a stale version says so. */
export function EnterpriseForm({
  enterprise,
  onClose,
  onSaved,
}: {
  enterprise?: EditableEnterprise;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { message } = App.useApp();
  const { user } = useSession();
  const ref = useReference();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const isEnterpriseUser = user?.role === 'enterprise';
  // A district officer registers enterprises of their own district (or functional zone) only:
  // that choice is made for them, and the list offers nothing the server would refuse.
  const own = user?.role === 'district_admin' ? ref.districts.find((d) => d.code === user.districtCode) : undefined;
  const ownIsZone = own?.kind === 'zone';
  const districtOptions = ref.districts.filter((d) => d.kind !== 'zone' && (!own || ownIsZone || d.code === own.code));
  const zoneOptions = ref.districts.filter((d) => d.kind === 'zone' && (!ownIsZone || d.code === own?.code));
  useEffect(() => {
    if (enterprise || !own) return;
    form.setFieldsValue(ownIsZone ? { zoneCode: own.code } : { districtCode: own.code });
  }, [enterprise, own, ownIsZone, form]);

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    const body: Record<string, unknown> = {
      ...values,
      establishedOn: values.establishedOn ? (values.establishedOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined,
      registeredCapital:
        values.registeredCapital === null || values.registeredCapital === undefined
          ? null
          : Math.round(Number(values.registeredCapital) * 10_000),
      zoneCode: values.zoneCode ?? null,
      clusterCode: values.clusterCode ?? null,
    };
    for (const k of Object.keys(body)) if (body[k] === '' || body[k] === undefined) delete body[k];
    if (isEnterpriseUser) {
      delete body.uscc;
      delete body.districtCode;
      delete body.zoneCode;
    }
    try {
      const saved = enterprise
        ? await updateEnterprise(enterprise.id, { ...(body as Partial<NewEnterprise>), version: enterprise.version })
        : await createEnterprise(body as NewEnterprise);
      if (saved.changed === false) message.info('未做修改');
      else message.success('已保存');
      onSaved(saved.id);
      onClose();
    } catch (error) {
      if (error instanceof ApiError) {
        const details = error.details as
          | { field?: string; fields?: { field: string; message: string }[]; enterpriseId?: string }
          | undefined;
        const fields = details?.fields ?? (details?.field ? [{ field: details.field, message: error.message }] : []);
        const known = fields.filter((f) => !f.field.includes('.'));
        // A duplicate USCC within the officer's scope comes with the enterprise that holds it: link to it.
        setDuplicateOf(details?.enterpriseId ?? null);
        if (known.length) form.setFields(known.map((f) => ({ name: f.field, errors: [f.message] })));
        else message.error(error.message);
      } else message.error('保存失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={enterprise ? `编辑：${enterprise.name}` : '新增企业'}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText="保存"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          enterprise
            ? {
                ...enterprise,
                establishedOn: enterprise.establishedOn ? dayjs(enterprise.establishedOn) : undefined,
                registeredCapital: enterprise.registeredCapital === null ? null : enterprise.registeredCapital / 10_000,
              }
            : { listingStatus: 'unlisted' }
        }
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          extra={
            duplicateOf && (
              <Link to={`/enterprises/${duplicateOf}`} onClick={onClose}>
                打开已登记的该企业
              </Link>
            )
          }
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            { len: 18, message: '应为 18 位' },
          ]}
        >
          <Input disabled={isEnterpriseUser} maxLength={18} />
        </Form.Item>
        <Form.Item
          name="name"
          label="企业名称"
          rules={[{ required: true, message: '请输入企业名称' }, textRule('企业名称', TEXT_MAX.name)]}
        >
          <Input maxLength={TEXT_MAX.name} />
        </Form.Item>
        <Form.Item name="districtCode" label="所属区县" rules={[{ required: true, message: '请选择区县' }]}>
          <Select
            disabled={isEnterpriseUser || (Boolean(own) && !ownIsZone)}
            showSearch={{ optionFilterProp: 'label' }}
            options={districtOptions.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="zoneCode" label="功能区">
          <Select
            disabled={isEnterpriseUser || ownIsZone}
            allowClear
            options={zoneOptions.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="industryCode" label="行业（国民经济行业大类）" rules={[{ required: true, message: '请选择行业' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ref.industries.filter((i) => i.level === 'division').map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item name="clusterCode" label="“33618”产业集群">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={ref.clusters.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="establishedOn" label="成立日期" rules={[{ required: true, message: '请选择成立日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item
          name="registeredCapital"
          label="注册资本（万元）"
          rules={[
            {
              // 万元 to four decimals is one yuan; more would be rounded away silently.
              validator: (_r, v) =>
                v === null || v === undefined || /^\d+(\.\d{1,4})?$/.test(String(v))
                  ? Promise.resolve()
                  : Promise.reject(new Error('注册资本最多保留四位小数（精确到元）')),
            },
          ]}
        >
          {/* No fixed precision: 1500 reads "1500", not "1500.0000". */}
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="legalRepresentative" label="法定代表人" rules={[textRule('法定代表人', TEXT_MAX.legalRepresentative)]}>
          <Input maxLength={TEXT_MAX.legalRepresentative} />
        </Form.Item>
        <Form.Item name="listingStatus" label="上市情况">
          <Select options={Object.entries(LISTING_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="mainProduct" label="主导产品" rules={[textRule('主导产品', TEXT_MAX.mainProduct)]}>
          <Input maxLength={TEXT_MAX.mainProduct} />
        </Form.Item>
        <Form.Item name="nicheMarket" label="细分市场" rules={[textRule('细分市场', TEXT_MAX.nicheMarket)]}>
          <Input maxLength={TEXT_MAX.nicheMarket} />
        </Form.Item>
        <Form.Item
          name="nicheEntryYear"
          label="进入细分市场年份"
          rules={[
            // Said, not clamped: InputNumber's max would silently turn 2030 into this year.
            ({ getFieldValue }) =>
              fieldRule('进入细分市场年份', (v: number) =>
                checkNicheEntryYear(v, {
                  currentYear: dayjs().year(),
                  establishedOn: getFieldValue('establishedOn')?.format('YYYY-MM-DD') ?? null,
                }),
              ),
          ]}
        >
          <InputNumber min={1949} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label="注册地址" rules={[textRule('注册地址', TEXT_MAX.address)]}>
          <Input maxLength={TEXT_MAX.address} />
        </Form.Item>
        <Form.Item name="contactName" label="联系人" rules={[textRule('联系人', TEXT_MAX.contactName)]}>
          <Input maxLength={TEXT_MAX.contactName} />
        </Form.Item>
        <Form.Item name="contactPhone" label="联系电话" rules={[fieldRule('', (v: string) => checkPhone(String(v).trim()))]}>
          <Input maxLength={TEXT_MAX.contactPhone} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
