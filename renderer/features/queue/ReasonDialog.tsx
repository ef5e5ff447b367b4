import { Input, Modal, Radio, Space } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_MIN_LENGTH } from '../../../preload/contract/schemas/queue';
import { reasonKeys, type ReasonTopic } from './reasons';

/**
 * Every decision needs a reason: pick a common one with 1–4 (or the arrows),
 * edit it if needed, Enter to confirm. The reason goes into the audit trail and
 * the response message.
 */
export function ReasonDialog({
  open,
  title,
  topic,
  okText,
  extra,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  topic: ReasonTopic;
  okText: string;
  extra?: ReactNode;
  busy?: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('queue');
  const keys = reasonKeys(topic);
  const [choice, setChoice] = useState(1);
  const [text, setText] = useState('');
  const group = useRef<HTMLDivElement>(null);

  // Each opening starts from the first common reason.
  const session = open ? topic : null;
  const [openedFor, setOpenedFor] = useState<ReasonTopic | null>(null);
  if (session !== openedFor) {
    setOpenedFor(session);
    if (session) {
      setChoice(1);
      setText(t(reasonKeys(session)[0] as string));
    }
  }
  useEffect(() => {
    if (!open) return;
    // Focus the reasons, not the text, so digits and Enter work at once.
    const timer = setTimeout(() => group.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), 50);
    return () => clearTimeout(timer);
  }, [open, topic]);

  const valid = text.trim().length >= REASON_MIN_LENGTH;
  function pick(n: number) {
    setChoice(n);
    setText(t(keys[n - 1] as string));
  }
  function submit() {
    if (valid && !busy) onSubmit(text.trim());
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={onCancel}
      okButtonProps={{ disabled: !valid, loading: busy, ...({ 'data-testid': 'reason-ok' } as Record<string, string>) }}
      destroyOnHidden
      width={520}
    >
      <div
        data-testid="reason-dialog"
        onKeyDown={(e) => {
          const inText = (e.target as HTMLElement).tagName === 'TEXTAREA';
          const digit = Number(e.key);
          if (!inText && digit >= 1 && digit <= keys.length) {
            e.preventDefault();
            pick(digit);
          } else if (e.key === 'Enter' && (!inText || e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        {extra}
        <div id="reason-choices-label" className="cw-field-label">
          {t('reasonDialog.common')}
        </div>
        <Radio.Group
          ref={group}
          value={choice}
          onChange={(e) => pick(Number(e.target.value))}
          aria-labelledby="reason-choices-label"
        >
          <Space direction="vertical" size={2}>
            {keys.map((key, i) => (
              <Radio key={key} value={i + 1}>
                <kbd className="cw-kbd">{i + 1}</kbd> {t(key)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <label htmlFor="reason-text" className="cw-field-label" style={{ marginTop: 10 }}>
          {t('reasonDialog.reason')}
        </label>
        <Input.TextArea
          id="reason-text"
          data-testid="reason-text"
          rows={2}
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="cw-muted" style={{ marginTop: 6, fontSize: 12 }}>
          {valid ? t('reasonDialog.hint') : t('reasonDialog.tooShort', { count: REASON_MIN_LENGTH })}
        </div>
      </div>
    </Modal>
  );
}
