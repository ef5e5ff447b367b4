import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Declaration, GoodsItem } from '../../../preload/contract/schemas/declarations';
import { formatMass, formatMoney } from './format';
import { groupHsCode } from './logic/hsCode';

function party(p: { id?: string; name?: string; country?: string } | undefined): string {
  if (!p) return '–';
  return [p.name, p.id, p.country].filter(Boolean).join(' · ');
}

export function PartiesSection({ d }: { d: Declaration }) {
  const { t } = useTranslation('queue');
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'declarant', label: t('detail.declarant'), children: party(d.declarant) },
        { key: 'exporter', label: t('detail.exporter'), children: party(d.exporter) },
        { key: 'importer', label: t('detail.importer'), children: party(d.importer) },
      ]}
    />
  );
}

export function TransportSection({ d }: { d: Declaration }) {
  const { t } = useTranslation('queue');
  const tr = d.transport;
  const means = tr.borderTransportMeans;
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        { key: 'mode', label: t('detail.mode'), children: t(`mode.${tr.mode}`) },
        {
          key: 'means',
          label: t('detail.means'),
          children: [tr.meansId, means?.name, means?.nationality].filter(Boolean).join(' · ') || '–',
        },
        {
          key: 'plate',
          label: t('detail.plate'),
          children: tr.vehiclePlate ? (
            <span className="cw-mono" data-testid="detail-plate">
              {tr.vehiclePlate}
            </span>
          ) : (
            '–'
          ),
        },
        { key: 'route', label: t('detail.route'), children: tr.routeCountries.length ? tr.routeCountries.join(' → ') : '–' },
        { key: 'loading', label: t('detail.loading'), children: <span className="cw-mono">{d.loadingLocation ?? '–'}</span> },
        {
          key: 'unloading',
          label: t('detail.unloading'),
          children: <span className="cw-mono">{d.unloadingLocation ?? '–'}</span>,
        },
      ]}
    />
  );
}

export function ContainersSection({ d }: { d: Declaration }) {
  const { t } = useTranslation('queue');
  if (d.containers.length === 0) return <p className="cw-muted">{t('detail.noContainers')}</p>;
  return (
    <ul className="cw-chips" data-testid="detail-containers">
      {d.containers.map((c) => (
        <li key={c.id}>
          <span className="cw-mono">{c.id}</span>
          {c.seal ? (
            <span className="cw-muted">
              {' '}
              · {t('detail.seal')} {c.seal}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function GoodsItemsTable({ d }: { d: Declaration }) {
  const { t, i18n } = useTranslation('queue');
  const locale = i18n.language;
  // No scroller of its own: a wide table overflows into the detail body, which is
  // already a focusable region, so keyboard users can still scroll it.
  return (
    <Table<GoodsItem>
      size="small"
      pagination={false}
      rowKey="sequence"
      data-testid="goods-items"
      dataSource={d.goodsItems}
      columns={[
        { title: '#', dataIndex: 'sequence', align: 'right', width: 40 },
        { title: t('goods.description'), dataIndex: 'description', ellipsis: true },
        {
          title: t('goods.hs'),
          dataIndex: 'hsCode',
          render: (hs: string) => (
            <span className="cw-mono" title={hs}>
              {groupHsCode(hs)}
            </span>
          ),
        },
        { title: t('goods.origin'), dataIndex: 'originCountry', width: 56 },
        {
          title: t('goods.gross'),
          dataIndex: 'grossMassKg',
          align: 'right',
          render: (kg: number) => <span className="cw-num">{formatMass(kg, locale)}</span>,
        },
        {
          title: t('goods.value'),
          key: 'value',
          align: 'right',
          render: (_: unknown, g) => (
            <span className="cw-num">{formatMoney(g.customsValue.amount, g.customsValue.currency, locale)}</span>
          ),
        },
        {
          title: t('goods.packages'),
          dataIndex: 'packages',
          align: 'right',
          render: (n?: number) => (n === undefined ? '–' : n),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            {t('goods.total', { count: d.totals.goodsItemCount })}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <span className="cw-num">{formatMass(d.totals.grossMassKg, locale)}</span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">
            <span className="cw-num">
              {d.totals.customsValue.map((v) => formatMoney(v.amount, v.currency, locale)).join(' + ')}
            </span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} />
        </Table.Summary.Row>
      )}
    />
  );
}

export function DocumentsSection({ d }: { d: Declaration }) {
  const { t } = useTranslation('queue');
  if (d.documents.length === 0) return <p className="cw-muted">{t('detail.noDocuments')}</p>;
  return (
    <ul className="cw-chips">
      {d.documents.map((doc) => (
        <li key={`${doc.type}-${doc.reference}`}>
          <span className="cw-muted">{t(`docType.${doc.type}`, { defaultValue: t('docType.other', { code: doc.type }) })}</span>{' '}
          <span className="cw-mono">{doc.reference}</span>
        </li>
      ))}
    </ul>
  );
}
