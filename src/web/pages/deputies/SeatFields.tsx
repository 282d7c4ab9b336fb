import { Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useLocale } from '../../i18n/locale.js';
import { BodyTreeSelect } from '../bodies/BodyTreeSelect.js';
import { useDelegations, useDeputyGroups, useTerms } from '../organisations/organisations.api.js';

/**
 * Where a seat sits: body, term, delegation, group, district. Under `prefix` in the form
 * (`['seat']` when creating a deputy, `[]` when adding a seat); term and delegation lists follow
 * the chosen body and term. `fixed` hides the body and term (editing an existing seat).
 */
export function SeatFields({
  form,
  prefix,
  fixed,
}: {
  form: FormInstance;
  prefix: string[];
  fixed?: { bodyId: string; termId: string };
}) {
  const { t } = useLocale();
  const watchedBody: unknown = Form.useWatch([...prefix, 'bodyId'], form);
  const watchedTerm: unknown = Form.useWatch([...prefix, 'termId'], form);
  const bodyId = fixed?.bodyId ?? (typeof watchedBody === 'string' ? watchedBody : null);
  const termId = fixed?.termId ?? (typeof watchedTerm === 'string' ? watchedTerm : null);
  const terms = useTerms(bodyId);
  const delegations = useDelegations(termId);
  const groups = useDeputyGroups(bodyId);
  const required = (field: string) => [{ required: true, message: t('fieldRequired', { field }) }];
  const clearBelow = (names: string[]) =>
    form.setFields(names.map((name) => ({ name: [...prefix, name], value: null })));

  return (
    <>
      {fixed ? null : (
        <>
          <Form.Item name={[...prefix, 'bodyId']} label={t('seatBody')} rules={required(t('seatBody'))}>
            <BodyTreeSelect onChange={() => clearBelow(['termId', 'delegationId', 'groupId'])} />
          </Form.Item>
          <Form.Item name={[...prefix, 'termId']} label={t('termLabel')} rules={required(t('termLabel'))}>
            <Select
              loading={terms.isFetching}
              placeholder={bodyId ? t('noTermsYet') : t('bodySelectPlaceholder')}
              options={(terms.data ?? []).map((term) => ({ value: term.id, label: term.label }))}
              onChange={() => clearBelow(['delegationId'])}
            />
          </Form.Item>
        </>
      )}
      <Form.Item name={[...prefix, 'delegationId']} label={t('delegationsTitle')}>
        <Select
          allowClear
          loading={delegations.isFetching}
          options={(delegations.data ?? []).map((delegation) => ({
            value: delegation.id,
            label: delegation.name,
          }))}
        />
      </Form.Item>
      <Form.Item name={[...prefix, 'groupId']} label={t('groupsTitle')}>
        <Select
          allowClear
          loading={groups.isFetching}
          options={(groups.data ?? [])
            .filter((group) => group.termId === null || group.termId === termId)
            .map((group) => ({ value: group.id, label: group.name }))}
        />
      </Form.Item>
      <Form.Item name={[...prefix, 'electoralDistrict']} label={t('seatDistrict')}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}
