import { App, Button, Empty, Input, type InputRef, Radio, Result, Select, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateDirection, GateEvent } from '../../../preload/contract/schemas/gate';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/sessionStore';
import { isTyping } from '../shell/keys';
import { useNav } from '../shell/navStore';
import { ScreenHeader } from '../shell/ScreenHeader';
import { DirectionTag, DeclarationCell, SourceCell } from './GateCells';
import { GateEventActions } from './GateEventActions';
import { GateDecisions } from './GateDecisions';
import { LanesLive } from './LanesLive';
import { RecognitionSettings } from './RecognitionSettings';
import { useRecognition } from './recognitionStore';
import { GATE_PAGE_SIZE, laneOptions, useGate } from './gateStore';
import './gate.css';
import './registerShortcuts';
import { fullTime } from '../queue/format';

/**
 * The gate: each lane camera live with its last reads (frames go to recognition),
 * alert cards for vehicles recognition did not release (Enter confirms, C corrects)
 * and the latest automatic release; officers also record vehicles by hand (keyboard
 * first: a or d, the plate, Enter), and read every event, by hand or recognised,
 * with the declaration it was linked to; a linked row opens it in the queue.
 */
export function GateScreen() {
  const { t, i18n } = useTranslation('gate');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const { site, rows, total, page, laneFilter, plateFilter, loading, loadError, draftLane, draftDirection } = useGate();
  const { loadSite, load, setPage, setFilters, setDraft, record } = useGate.getState();
  const plateRef = useRef<InputRef>(null);
  const searchRef = useRef<InputRef>(null);
  const [plate, setPlate] = useState('');
  const [plateSearch, setPlateSearch] = useState(plateFilter);
  const [saving, setSaving] = useState(false);
  // Officers and supervisors staff the gate (cw:gate.record); everyone else reads the log.
  const role = useSession((s) => s.session.user?.role);
  const canRecord = role === 'officer' || role === 'supervisor';
  const lanes = useMemo(() => laneOptions(site), [site]);
  const laneName = useCallback((id: string) => lanes.find((l) => l.id === id)?.label ?? id, [lanes]);

  useEffect(() => {
    loadSite().catch((error: unknown) => {
      const text = describeError(error, tShell);
      message.error(`${text.message} ${text.action}`);
    });
    void load();
    useRecognition
      .getState()
      .load()
      .catch((error: unknown) => {
        const text = describeError(error, tShell);
        message.error(`${text.message} ${text.action}`);
      });
    const offLane = clearway().on('cw:recognition.lane', (lane) => useRecognition.getState().onLane(lane));
    const offDecided = clearway().on('cw:recognition.decided', (decision) => useRecognition.getState().onDecided(decision));
    const offRecorded = clearway().on('cw:gate.recorded', () => void useGate.getState().load());
    const offSite = clearway().on(
      'cw:site.changed',
      () =>
        void useGate
          .getState()
          .loadSite()
          .catch(() => undefined),
    );
    return () => {
      offRecorded();
      offSite();
      offLane();
      offDecided();
    };
  }, [loadSite, load, message, tShell]);

  // The plate search applies a moment after typing stops.
  useEffect(() => {
    if (plateSearch === useGate.getState().plateFilter) return;
    const timer = window.setTimeout(() => setFilters({ plateFilter: plateSearch }), 250);
    return () => window.clearTimeout(timer);
  }, [plateSearch, setFilters]);

  const openDeclaration = useCallback((number: string) => useNav.getState().openDeclaration(number), []);

  const submit = useCallback(async () => {
    if (!draftLane) {
      message.warning(t('record.laneRequired'));
      return;
    }
    if (!plate.trim()) {
      message.warning(t('record.plateRequired'));
      plateRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const event = await record(plate);
      const linked = event.declaration ? t('record.linked', { number: event.declaration.number }) : t('record.unlinked');
      message.success(
        `${t('record.recorded', { direction: t(`direction.${event.direction}`), plate: event.plate, lane: laneName(event.laneId) })} ${linked}`,
      );
      setPlate('');
      plateRef.current?.focus();
    } catch (error) {
      const text = describeError(error, tShell);
      message.error(`${t('record.failed')} ${text.message} ${text.action}`);
    } finally {
      setSaving(false);
    }
  }, [draftLane, plate, record, message, t, tShell, laneName]);

  // Screen keys, anywhere on the gate screen but in a field: a / d start an arrival / departure entry, / searches by plate.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.closest('.ant-select, .ant-modal, .ant-drawer')) return;
      if ((event.key === 'a' || event.key === 'd') && plateRef.current) {
        event.preventDefault();
        setDraft({ direction: event.key === 'a' ? 'arrival' : 'departure' });
        plateRef.current?.focus();
      } else if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [setDraft]);

  const columns: ColumnsType<GateEvent> = [
    {
      key: 'at',
      title: t('table.time'),
      width: 170,
      render: (_, e) => (
        <time className="cw-num" dateTime={e.at} title={fullTime(e.at, i18n.language)}>
          {gateTime(e.at, i18n.language)}
        </time>
      ),
    },
    { key: 'lane', title: t('table.lane'), ellipsis: true, render: (_, e) => laneName(e.laneId) },
    { key: 'direction', title: t('table.direction'), width: 110, render: (_, e) => <DirectionTag direction={e.direction} /> },
    {
      key: 'plate',
      title: t('table.plate'),
      width: 130,
      render: (_, e) => <span className="cw-mono cw-gate-plate">{e.plate}</span>,
    },
    { key: 'source', title: t('table.source'), width: 150, render: (_, e) => <SourceCell event={e} /> },
    {
      key: 'declaration',
      title: t('table.declaration'),
      width: 260,
      render: (_, e) => <DeclarationCell event={e} onOpen={openDeclaration} />,
    },
    { key: 'by', title: t('table.recordedBy'), ellipsis: true, render: (_, e) => e.recordedBy },
    {
      key: 'case',
      title: tShell('evidence:gateColumn'),
      width: 90,
      render: (_, e) => <GateEventActions event={e} laneName={laneName(e.laneId)} site={site} />,
    },
  ];

  const filtered = laneFilter !== null || plateFilter.trim() !== '';
  const empty = !loading && !loadError && total === 0 && !filtered;

  return (
    <section data-testid="screen-gate" className="cw-gate">
      <ScreenHeader
        title={tShell('nav.gate')}
        description={t('description')}
        extra={role === 'supervisor' ? <RecognitionSettings site={site} /> : undefined}
      />
      <LanesLive site={site} canSend={canRecord} />
      <GateDecisions laneName={laneName} canResolve={canRecord} />

      {canRecord ? (
        <form
          className="cw-gate-record"
          aria-label={t('record.title')}
          data-testid="gate-record"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <span className="cw-gate-record-title">{t('record.title')}</span>
          <Select
            aria-label={t('record.lane')}
            data-testid="gate-record-lane"
            style={{ width: 260 }}
            placeholder={t('record.laneHint')}
            value={draftLane ?? undefined}
            onChange={(lane: string) => setDraft({ lane })}
            options={lanes.map((l) => ({ value: l.id, label: l.label }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Radio.Group
            aria-label={t('record.direction')}
            data-testid="gate-record-direction"
            optionType="button"
            value={draftDirection}
            onChange={(e) => setDraft({ direction: e.target.value as GateDirection })}
            options={[
              { value: 'arrival', label: <Tooltip title="a">{t('direction.arrival')}</Tooltip> },
              { value: 'departure', label: <Tooltip title="d">{t('direction.departure')}</Tooltip> },
            ]}
          />
          <Input
            ref={plateRef}
            aria-label={t('record.plate')}
            data-testid="gate-record-plate"
            className="cw-mono"
            style={{ width: 180 }}
            placeholder={t('record.plateExample')}
            value={plate}
            maxLength={32}
            onChange={(e) => setPlate(e.target.value)}
          />
          <Tooltip title={t('record.submitHint')}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="gate-record-submit">
              {t('record.submit')}
            </Button>
          </Tooltip>
        </form>
      ) : null}

      <div className="cw-gate-filters" role="search" aria-label={t('filter.label')}>
        <Select
          aria-label={t('filter.lane')}
          data-testid="gate-filter-lane"
          style={{ width: 260 }}
          allowClear
          placeholder={t('filter.lane')}
          value={laneFilter ?? undefined}
          onChange={(lane: string | undefined) => setFilters({ laneFilter: lane ?? null })}
          options={lanes.map((l) => ({ value: l.id, label: l.label }))}
        />
        <Input.Search
          ref={searchRef}
          aria-label={t('filter.plate')}
          data-testid="gate-filter-plate"
          style={{ width: 220 }}
          allowClear
          placeholder={t('filter.plate')}
          value={plateSearch}
          onChange={(e) => setPlateSearch(e.target.value)}
          onSearch={(value) => setFilters({ plateFilter: value })}
        />
        <Space size={8}>
          {filtered ? (
            <Button
              onClick={() => {
                setPlateSearch('');
                setFilters({ laneFilter: null, plateFilter: '' });
              }}
            >
              {t('filter.clear')}
            </Button>
          ) : null}
          <span className="cw-num cw-gate-total" data-testid="gate-total">
            {t('table.total', { count: total })}
          </span>
        </Space>
      </div>

      {loadError ? (
        <Result
          status="error"
          title={t('loadFailed')}
          subTitle={(() => {
            const text = describeError(loadError, tShell);
            return `${text.message} ${text.action}`;
          })()}
          extra={<Button onClick={() => void load()}>{t('retry')}</Button>}
        />
      ) : empty ? (
        <div className="cw-empty" data-testid="gate-empty">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <div style={{ fontWeight: 600 }}>{t('emptyTitle')}</div>
                <div className="cw-empty-hint">{t('emptyHint')}</div>
              </>
            }
          />
        </div>
      ) : (
        <Table<GateEvent>
          aria-label={t('table.label')}
          data-testid="gate-log"
          className="cw-gate-log"
          size="small"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('table.noMatch') }}
          pagination={{
            current: page,
            pageSize: GATE_PAGE_SIZE,
            total,
            showSizeChanger: false,
            size: 'small',
            onChange: setPage,
          }}
          onRow={(event) => ({
            tabIndex: 0,
            'data-plate': event.plate,
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget && event.declaration) {
                e.preventDefault();
                openDeclaration(event.declaration.number);
              }
            },
          })}
        />
      )}
    </section>
  );
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "03-02 14:05:09": a gate log is read to the second. */
function gateTime(iso: string, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}
