import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { CitizenCategory } from '../../../shared/schemas/receptions.js';
import {
  citizenCategoryLabels,
  citizenCategoryValues,
  citizenLimits,
} from '../../../shared/schemas/receptions.js';
import { showFieldErrors } from '../../api/form-errors.js';
import { errorText } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import {
  submitMessage,
  uploadPhoto,
  useChallenge,
  usePublicDeputy,
  usePublicStation,
} from './citizen.api.js';
import type { Target } from './citizen.api.js';
import { ChallengeField } from './ChallengeField.js';
import { Receipt } from './Receipt.js';

interface Values {
  name?: string;
  contact: string;
  category: CitizenCategory;
  matter: string;
  challengeAnswer: number;
}

const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];

/** Leave a message for a deputy or a station, with up to three photos; get a tracking code. */
export function MessagePage({ target }: { target: Target }) {
  const { t, pick } = useLocale();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const challenge = useChallenge();
  const deputy = usePublicDeputy(target.kind === 'deputy' ? target.code : undefined);
  const station = usePublicStation(target.kind === 'station' ? target.code : undefined);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; photos: number; failed: number } | null>(null);
  const recipient = target.kind === 'deputy' ? deputy.data?.name : station.data?.name;

  const submit = async (values: Values) => {
    if (!challenge.data) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await submitMessage({
        ...(target.kind === 'deputy' ? { deputyCode: target.code } : { stationCode: target.code }),
        name: values.name?.trim() || null,
        contact: values.contact,
        category: values.category,
        matter: values.matter,
        challengeToken: challenge.data.token,
        challengeAnswer: values.challengeAnswer,
      });
      let failed = 0;
      for (const file of files) {
        try {
          if (file.originFileObj) await uploadPhoto(result.trackingCode, file.originFileObj);
        } catch {
          failed += 1;
        }
      }
      setReceipt({ code: result.trackingCode, photos: files.length - failed, failed });
    } catch (error) {
      if (!showFieldErrors(form, error)) setFailure(errorText(error, t));
      // The question was used up by this attempt: ask a new one.
      form.setFieldValue('challengeAnswer', undefined);
      await queryClient.invalidateQueries({ queryKey: ['public', 'challenge'] });
    } finally {
      setBusy(false);
    }
  };

  if (receipt)
    return (
      <Receipt
        title={t('czMessageSent')}
        trackingCode={receipt.code}
        extra={
          receipt.failed > 0
            ? t('czPhotosFailed', { count: receipt.failed })
            : receipt.photos > 0
              ? t('czPhotosSent', { count: receipt.photos })
              : undefined
        }
      />
    );
  return (
    <Card title={recipient ? t('czMessageTo', { name: recipient }) : t('czLeaveMessage')}>
      <Typography.Paragraph type="secondary">{t('czMessageIntro')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ category: 'other' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="category" label={t('czCategory')}>
          <Select
            options={citizenCategoryValues.map((value) => ({
              value,
              label: pick(citizenCategoryLabels[value]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="matter"
          label={t('czMatter')}
          rules={[
            { required: true, message: t('czMatterRequired') },
            {
              min: citizenLimits.matterMin,
              message: t('czMatterTooShort', { min: citizenLimits.matterMin }),
            },
          ]}
        >
          <Input.TextArea
            rows={6}
            maxLength={citizenLimits.matterMax}
            showCount
            placeholder={t('czMatterPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          label={t('czPhotos')}
          extra={photoProblem ?? t('czPhotosHelp')}
          validateStatus={photoProblem ? 'warning' : undefined}
        >
          <Upload
            listType="picture-card"
            accept={photoTypes.join(',')}
            fileList={files}
            maxCount={citizenLimits.photosPerMessage}
            beforeUpload={(file) => {
              if (!photoTypes.includes(file.type)) setPhotoProblem(t('czPhotoType'));
              else if (file.size > citizenLimits.photoMaxBytes) setPhotoProblem(t('czPhotoTooLarge'));
              else {
                setPhotoProblem(null);
                setFiles((current) =>
                  [
                    ...current,
                    { uid: file.uid, name: file.name, status: 'done' as const, originFileObj: file },
                  ].slice(0, citizenLimits.photosPerMessage),
                );
              }
              return false;
            }}
            onRemove={(file) => setFiles((current) => current.filter((f) => f.uid !== file.uid))}
          >
            {files.length < citizenLimits.photosPerMessage ? (
              <div>
                <CameraOutlined />
                <div style={{ marginTop: 4 }}>{t('czAddPhoto')}</div>
              </div>
            ) : null}
          </Upload>
        </Form.Item>
        <Form.Item name="name" label={t('czName')} extra={t('czNameHelp')}>
          <Input maxLength={40} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('czContact')}
          extra={t('czContactHelp')}
          rules={[{ required: true, message: t('czContactRequired') }]}
        >
          <Input maxLength={60} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <ChallengeField challenge={challenge.data} />
        <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={!challenge.data}>
          {t('czSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
