import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Popconfirm, Result, Row, Tooltip } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { isApiError } from '../../../api/api-error.js';
import { applyFieldErrors, showFieldErrors } from '../../../api/form-errors.js';
import { useSession } from '../../../auth/session.js';
import { errorText, showError } from '../../../components/error-text.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageSpin } from '../../../components/PageSpin.js';
import { QueryError } from '../../../components/QueryError.js';
import { useLocale } from '../../../i18n/locale.js';
import {
  isConcurrentChange,
  useCreateSuggestion,
  useEditSuggestion,
  useSuggestion,
  useSuggestionAction,
} from '../api/suggestions.api.js';
import { AttachmentsCard } from '../components/AttachmentsCard.js';
import { problemList } from '../components/problem-list.js';
import { DraftFields } from './DraftFields.js';
import type { DraftValues } from './DraftFields.js';
import { draftInput, initialDraftValues, returnReason } from './draft-values.js';
import { SignersCard } from './SignersCard.js';
import { SubmitChecks } from './SubmitChecks.js';
import { DraftSimilarCard } from '../../search/DraftSimilarCard.js';

/** 起草/修改: `/suggestions/new` and `/suggestions/:id/edit`. */
export function DraftPage() {
  const { id } = useParams();
  const detail = useSuggestion(id);
  if (id && detail.isPending) return <PageSpin />;
  if (id && detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  return <DraftEditor key={detail.data?.id ?? 'new'} detail={id ? detail.data : undefined} />;
}

function DraftEditor({ detail }: { detail: SuggestionDetail | undefined }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftValues>();
  const create = useCreateSuggestion();
  const edit = useEditSuggestion();
  const action = useSuggestionAction();
  const [dirty, setDirty] = useState(false);
  const [failedChecks, setFailedChecks] = useState<string[] | null>(null);
  const bodies = (me?.roles ?? [])
    .filter((grant) => grant.role === 'deputy')
    .map((grant) => ({ id: grant.bodyId, name: grant.bodyName }));

  if (!me?.deputyId || bodies.length === 0) return <Result status="403" title={t('sgDeputiesOnly')} />;
  const editable =
    !detail || (detail.leadDeputyId === me.deputyId && ['draft', 'returned'].includes(detail.status));
  if (!editable && detail)
    return (
      <Result
        status="info"
        title={t('sgNotEditable')}
        extra={<Link to={`/suggestions/${detail.id}`}>{t('sgOpenDetail')}</Link>}
      />
    );

  /** Saves the form; the saved item, or null when the form or the server refused. */
  const save = async (): Promise<SuggestionDetail | null> => {
    let values: DraftValues;
    try {
      values = await form.validateFields();
    } catch {
      return null;
    }
    try {
      const { bodyId: _fixed, ...fields } = draftInput(values);
      const saved = detail
        ? await edit.mutateAsync({ id: detail.id, input: { ...fields, version: detail.version } })
        : await create.mutateAsync({ ...fields, bodyId: values.bodyId });
      setDirty(false);
      message.success(t('sgDraftSaved'));
      if (!detail) navigate(`/suggestions/${saved.id}/edit`, { replace: true });
      return saved;
    } catch (error) {
      if (isConcurrentChange(error)) message.warning(errorText(error, t));
      else if (!showFieldErrors(form, error)) showError(message, error, t);
      return null;
    }
  };

  const showChecks = () =>
    document
      .querySelector('[data-testid="submit-checks"]')
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });

  const submit = async () => {
    setFailedChecks(null);
    const saved = dirty || !detail ? await save() : detail;
    if (!saved) return;
    try {
      await action.mutateAsync({ id: saved.id, action: 'submit', version: saved.version });
      message.success(t('sgSubmitted'));
      navigate(`/suggestions/${saved.id}`);
    } catch (error) {
      if (isConcurrentChange(error)) message.warning(t('sgConcurrentChange'));
      else if (isApiError(error) && error.status === 409) {
        // Each failed check comes as a field error: mark the fields and list them all.
        setFailedChecks(
          error.fieldErrors.length > 0 ? error.fieldErrors.map((e) => e.message) : problemList(error.detail),
        );
        applyFieldErrors(form, error);
        showChecks();
      } else showError(message, error, t);
    }
  };

  const submitAction = detail?.actions.find((a) => a.action === 'submit');
  const submitBlocked = !detail
    ? t('sgSaveBeforeSubmit')
    : !dirty && submitAction && !submitAction.allowed
      ? submitAction.reason
      : null;
  const reason = returnReason(detail);
  const busy = create.isPending || edit.isPending;

  return (
    <>
      <PageHeader
        title={detail ? t('sgEditTitle') : t('sgDraftTitle')}
        intro={t('sgDraftIntro')}
        extra={detail ? <Link to={`/suggestions/${detail.id}`}>{t('sgOpenDetail')}</Link> : null}
      />
      {reason ? (
        <Alert
          type="warning"
          showIcon
          title={t('sgReturnedReason')}
          description={reason}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card>
            <Form<DraftValues>
              form={form}
              layout="vertical"
              initialValues={initialDraftValues(detail, bodies[0]?.id ?? '')}
              onValuesChange={() => setDirty(true)}
              className="minyi-draft-form"
              scrollToFirstError
            >
              <DraftFields form={form} bodies={bodies} fixedBody={detail !== undefined} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {detail ? (
              <>
                <SubmitChecks detail={detail} failed={failedChecks} dirty={dirty} />
                <SignersCard detail={detail} />
                <AttachmentsCard suggestionId={detail.id} editable />
              </>
            ) : (
              <Alert type="info" showIcon title={t('sgSaveFirstHint')} />
            )}
            <DraftSimilarCard form={form} />
          </Flex>
        </Col>
      </Row>
      <div className="minyi-sticky-actions" style={{ marginTop: 16, gap: 8, alignItems: 'center' }}>
        {detail && submitBlocked ? (
          // Tooltips do not open on a phone's disabled button: point at the checks instead.
          <Button
            type="link"
            size="small"
            style={{ marginInlineEnd: 'auto', paddingInline: 0 }}
            onClick={showChecks}
          >
            {t('sgWhyNotSubmit')}
          </Button>
        ) : null}
        <Button icon={<SaveOutlined />} loading={busy} onClick={() => void save()}>
          {t('sgSaveDraft')}
        </Button>
        <Tooltip title={submitBlocked}>
          <span>
            <Popconfirm
              title={t('sgSubmitConfirmTitle')}
              description={<div style={{ maxWidth: 280 }}>{t('sgSubmitConfirm')}</div>}
              okText={t('sgSubmit')}
              cancelText={t('cancel')}
              onConfirm={submit}
              disabled={submitBlocked !== null && submitBlocked !== undefined}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={action.isPending}
                disabled={submitBlocked !== null && submitBlocked !== undefined}
              >
                {t('sgSubmit')}
              </Button>
            </Popconfirm>
          </span>
        </Tooltip>
      </div>
    </>
  );
}
