import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../preload/contract/schemas/cases';

/** The chain of custody of every evidence item: when, what, which item, who, why (and to whom for transfers). */
export function CaseCustody({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={detail.custody}
      locale={{ emptyText: t('empty.custody') }}
      columns={[
        { title: t('custody.at'), render: (_, k) => <span className="cw-num">{new Date(k.at).toLocaleString()}</span> },
        { title: t('custody.action'), render: (_, k) => <Tag>{t(`custody.${k.action}`)}</Tag> },
        {
          title: t('custody.item'),
          render: (_, k) => detail.evidence.find((e) => e.id === k.evidenceId)?.fileName ?? k.evidenceId,
        },
        { title: t('custody.by'), render: (_, k) => k.by.name },
        { title: t('custody.reason'), render: (_, k) => (k.to ? `${k.reason} → ${k.to}` : k.reason) },
      ]}
    />
  );
}
