import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChainState } from '../../../preload/contract/schemas/audit';
import { clearway } from '../../app/clearway';

/** The audit chain's state: verified (with its head) or broken at seq N, icon and word, never colour alone. */
export function ChainStateBadge() {
  const { t } = useTranslation('cases');
  const [state, setState] = useState<AuditChainState | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (fresh: boolean) => {
    setBusy(true);
    try {
      setState(await clearway().invoke(fresh ? 'cw:audit.verifyChain' : 'cw:audit.chainState', undefined));
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    let live = true;
    // The first read happens off the render path; later refreshes use run().
    void clearway()
      .invoke('cw:audit.chainState', undefined)
      .then((next) => live && setState(next))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, []);
  if (!state) return null;
  return (
    <Space size={4} data-testid="audit-chain-state">
      {state.ok ? (
        <Tooltip
          title={
            <>
              {t('chain.headTip', { seq: state.head?.seq ?? 0, hash: state.head?.hash ?? '-', key: state.keyId })}
              <br />
              {state.receipted
                ? t('chain.receipted', { seq: state.receipted.seq, at: new Date(state.receipted.receivedAt).toLocaleString() })
                : t('chain.noReceipt')}
            </>
          }
        >
          <Tag icon={<SafetyCertificateOutlined />} color="success">
            {t('chain.verified', { count: state.entries })}
          </Tag>
        </Tooltip>
      ) : (
        <Tooltip title={state.broken?.message}>
          <Tag icon={<WarningOutlined />} color="error">
            {t('chain.broken', { seq: state.broken?.seq ?? 0 })}
          </Tag>
        </Tooltip>
      )}
      <Button size="small" loading={busy} onClick={() => void run(true)}>
        {t('chain.verifyNow')}
      </Button>
    </Space>
  );
}
