import { App, Button, Card, Empty, Flex, Popconfirm, Spin, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { attachmentMaxBytes, attachmentsPerSuggestion } from '../../../../shared/schemas/suggestion-files.js';
import { showError } from '../../../components/error-text.js';
import { formatDateTime } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import {
  attachmentUrl,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
} from '../api/attachments.api.js';

const accept = '.pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files of a suggestion: download for whoever sees it; upload and delete while it is editable. */
export function AttachmentsCard({ suggestionId, editable }: { suggestionId: string; editable: boolean }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const files = useAttachments(suggestionId);
  const upload = useUploadAttachment(suggestionId);
  const remove = useDeleteAttachment(suggestionId);
  const items = files.data ?? [];

  const send = async (file: File) => {
    if (file.size > attachmentMaxBytes) {
      message.error(t('sgAttachmentTooLarge', { mb: attachmentMaxBytes / 1024 / 1024 }));
      return;
    }
    try {
      await upload.mutateAsync(file);
      message.success(t('sgAttachmentUploaded', { name: file.name }));
    } catch (error) {
      showError(message, error, t);
    }
  };

  return (
    <Card
      title={t('sgAttachments')}
      extra={
        editable ? (
          <Upload
            accept={accept}
            showUploadList={false}
            disabled={items.length >= attachmentsPerSuggestion}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              disabled={items.length >= attachmentsPerSuggestion}
            >
              {t('sgAttachmentUpload')}
            </Button>
          </Upload>
        ) : null
      }
    >
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 13 }}>
          {t('sgAttachmentHelp', { count: attachmentsPerSuggestion, mb: attachmentMaxBytes / 1024 / 1024 })}
        </Typography.Paragraph>
      ) : null}
      <Spin spinning={files.isPending}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sgNoAttachments')} />
        ) : (
          <Flex vertical gap={6}>
            {items.map((file) => (
              <Flex key={file.id} align="center" gap={8} className="minyi-list-row">
                <PaperClipOutlined />
                <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Link
                    href={attachmentUrl(suggestionId, file.id)}
                    ellipsis
                    download={file.fileName}
                  >
                    {file.fileName}
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {sizeText(file.sizeBytes)} · {formatDateTime(file.createdAt)}
                  </Typography.Text>
                </Flex>
                {editable ? (
                  <Popconfirm
                    title={t('deleteConfirm', { name: file.fileName })}
                    okText={t('remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('cancel')}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(file.id);
                      } catch (error) {
                        showError(message, error, t);
                      }
                    }}
                  >
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('remove')}
                    />
                  </Popconfirm>
                ) : null}
              </Flex>
            ))}
          </Flex>
        )}
      </Spin>
    </Card>
  );
}
