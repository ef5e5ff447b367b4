import { FilePdfOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { useErrorNotifier } from '../../app/useErrorNotifier';
import { AssigneeSelect } from './AssigneeSelect';
import { CaseCustody } from './CaseCustody';
import { CaseFindings } from './CaseFindings';
import { CaseLinks } from './CaseLinks';
import { CaseNotes } from './CaseNotes';
import { CaseSeizures } from './CaseSeizures';
import { CaseStatusActions } from './CaseStatusActions';
import { CaseTasks } from './CaseTasks';
import { ClosedCaseNotice } from './ClosedCaseNotice';
import { EvidenceGrid } from './EvidenceGrid';
import { isReadOnly } from './caseReadOnly';
import { readChunks } from './fileTransfer';
import { useCases } from './casesStore';
import { StatusTag } from './StatusTag';
import { useCaseAction } from './useCaseAction';

export function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const notify = useErrorNotifier();
  const act = useCaseAction();
  const apply = useCases((s) => s.apply);
  const [exporting, setExporting] = useState(false);
  const broken = detail.evidence.filter((e) => e.verify.state !== 'ok');

  const exportPdf = async () => {
    setExporting(true);
    try {
      const report = await clearway().invoke('cw:cases.exportReport', { caseId: detail.id });
      const blob = await readChunks((offset) => clearway().invoke('cw:cases.readReport', { fileName: report.fileName, offset }));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = report.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      apply(await clearway().invoke('cw:cases.get', { id: detail.id }));
    } catch (error) {
      notify(error, t('report.failed'));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="case-view" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {broken.length > 0 ? (
        <Alert
          type="error"
          showIcon
          icon={<WarningFilled />}
          role="alert"
          title={t('evidence.mismatchTitle', { count: broken.length })}
          description={broken
            .map(
              (e) =>
                `${e.fileName}: ${t(`evidence.${e.verify.state}`)} (${e.sha256.slice(0, 16)}… → ${e.verify.found?.slice(0, 16) ?? '—'}…)`,
            )
            .join('; ')}
        />
      ) : null}
      {isReadOnly(detail) ? <ClosedCaseNotice detail={detail} /> : null}
      <Card
        size="small"
        title={
          <Space>
            <span className="cw-num">{detail.ref}</span>
            <span>{detail.title}</span>
            <StatusTag status={detail.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <CaseStatusActions detail={detail} />
            <Button size="small" icon={<FilePdfOutlined />} loading={exporting} onClick={() => void exportPdf()}>
              {t('report.export')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('subject.kind')}>{t(`subject.${detail.subject.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('subject.ref')}>{detail.subject.ref}</Descriptions.Item>
          <Descriptions.Item label={t('field.assignee')}>
            <AssigneeSelect detail={detail} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.opened')}>
            {new Date(detail.openedAt).toLocaleString()} · {detail.openedBy.name}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('section.evidence')}>
        <EvidenceGrid
          detail={detail}
          onAdded={() => void act(() => clearway().invoke('cw:cases.get', { id: detail.id }), t('evidence.addFailed'))}
        />
      </Card>
      <Card size="small" title={t('section.findings')}>
        <CaseFindings detail={detail} />
      </Card>
      <Card size="small" title={t('section.seizures')}>
        <CaseSeizures detail={detail} />
      </Card>
      <Card size="small" title={t('section.tasks')}>
        <CaseTasks detail={detail} />
      </Card>
      <Card size="small" title={t('section.custody')}>
        <CaseCustody detail={detail} />
      </Card>
      <Card size="small" title={t('section.links')}>
        <CaseLinks detail={detail} />
      </Card>
      <Card size="small" title={t('section.notes')}>
        <CaseNotes detail={detail} />
      </Card>
    </div>
  );
}
