import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Image,
  List,
  Progress,
  Row,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { App } from 'antd';
import { ArrowLeftOutlined, CameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { projectStatusLabels } from '../../../shared/schemas/livelihood.js';
import { itemOutcomeLabels } from '../../../shared/schemas/ballot-views.js';
import { PageSpin } from '../../components/PageSpin.js';
import { QueryError } from '../../components/QueryError.js';
import { showError } from '../../components/error-text.js';
import { useLocale } from '../../i18n/locale.js';
import { formatWan, photoUrl, uploadProgressPhoto, useProject, useRound } from './livelihood.api.js';
import { PlanCard } from './PlanCard.js';
import { ProgressForm, SupervisorsForm } from './ProjectForms.js';

/** 项目详情: the plan, progress reports with photos, and the deputies supervising it. */
export function ProjectDetailPage() {
  const { id } = useParams();
  const { t, pick } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useProject(id);
  const round = useRound(query.data?.roundId);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const project = query.data;
  const upload = async (progressId: string, file: File) => {
    try {
      await uploadProgressPhoto(progressId, file);
      await queryClient.invalidateQueries({ queryKey: ['livelihood'] });
      message.success(t('saved'));
    } catch (error) {
      showError(message, error, t);
    }
  };
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate(`/livelihood/${project.roundId}`)}
          aria-label={t('vtBack')}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {project.title}
        </Typography.Title>
        <Tag color="red">{pick(projectStatusLabels[project.status])}</Tag>
      </Flex>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'unit', label: t('lvUnit'), children: project.unitName },
            { key: 'money', label: t('lvInvestment'), children: formatWan(project.investmentFen) },
            { key: 'date', label: t('lvCompletion'), children: project.completionDate },
            {
              key: 'votes',
              label: t('vtVotes'),
              children:
                project.votes === null ? '—' : `${project.votes}（${t('vtRank')} ${project.voteRank ?? ''}）`,
            },
            {
              key: 'progress',
              label: t('lvProgress'),
              children: <Progress percent={project.progressPercent} size="small" style={{ maxWidth: 200 }} />,
            },
            {
              key: 'satisfaction',
              label: t('lvSatisfaction'),
              children: project.satisfaction
                ? `${pick(itemOutcomeLabels[project.satisfaction.outcome])} ${project.satisfaction.ratePercent ?? ''}%`
                : '—',
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {project.description}
        </Typography.Paragraph>
        {project.nominationTitles.length > 0 ? (
          <Typography.Text type="secondary">
            {t('lvFromProposals')}：{project.nominationTitles.join('；')}
          </Typography.Text>
        ) : null}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <PlanCard project={project} bodyId={round.data?.bodyId ?? null} />
            <Card title={t('lvProgressReports')}>
              {project.canReport ? <ProgressForm project={project} /> : null}
              <List
                dataSource={project.progress}
                locale={{ emptyText: t('lvNoProgress') }}
                renderItem={(report) => (
                  <List.Item>
                    <Flex vertical gap={6} style={{ width: '100%' }}>
                      <Flex justify="space-between" gap={8} wrap>
                        <Typography.Text strong>{report.reportedOn}</Typography.Text>
                        <Progress percent={report.percent} size="small" style={{ width: 160 }} />
                      </Flex>
                      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{report.summary}</Typography.Text>
                      <Flex gap={8} wrap>
                        <Image.PreviewGroup>
                          {report.photoIds.map((photoId) => (
                            <Image
                              key={photoId}
                              src={photoUrl(photoId)}
                              width={96}
                              height={72}
                              style={{ objectFit: 'cover', borderRadius: 6 }}
                            />
                          ))}
                        </Image.PreviewGroup>
                        {project.canReport ? (
                          <Upload
                            accept="image/jpeg,image/png,image/webp"
                            showUploadList={false}
                            beforeUpload={(file) => {
                              void upload(report.id, file);
                              return false;
                            }}
                          >
                            <Button icon={<CameraOutlined />}>{t('lvAddPhoto')}</Button>
                          </Upload>
                        ) : null}
                      </Flex>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('lvSupervisors')}>
            <List
              dataSource={project.supervisors}
              locale={{ emptyText: t('lvNoSupervisors') }}
              renderItem={(s) => (
                <List.Item>
                  {s.name} {s.leader ? <Tag color="gold">{t('lvLeader')}</Tag> : null}
                </List.Item>
              )}
            />
            {project.canManage && project.status === 'selected' ? (
              <SupervisorsForm
                project={project}
                bodyId={round.data?.bodyId ?? null}
                termId={round.data?.termId ?? null}
              />
            ) : null}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
