import { Alert, App, Button, type ButtonProps, Form, Input, Modal, Radio, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary, SubjectKind } from '../../../preload/contract/schemas/cases';
import { clearway } from '../../app/clearway';
import { describeError } from '../../app/errors';
import { addSnapshotToCase, openCaseFrom, showCase } from './addToCase';
import type { CapturedSnapshot } from './captureSnapshot';
import { NEW_CASE, openCases, preselectCase, type CaseChoice, type CaseContext } from './caseTarget';
import { useEvidence } from './evidenceStore';
import './evidence.css';

const KINDS: SubjectKind[] = ['declaration', 'vehicle', 'container', 'person'];
/** Open cases listed as choices; the rest are one search away. */
const LISTED = 5;

interface NewCaseForm {
  title: string;
  kind: SubjectKind;
  ref: string;
}

export type SnapshotState =
  { state: 'capturing' } | { state: 'failed'; error: unknown } | { state: 'ready'; snapshot: CapturedSnapshot };

/**
 * Where a camera snapshot goes (`snapshot` given): an open case or a new one
 * prefilled from the screen's context. Without a snapshot it opens a case from
 * the screen's record (a gate event, a declaration), prefilled and linked.
 */
export function AddToCaseDialog({
  snapshot,
  context,
  onClose,
}: {
  snapshot: SnapshotState | null;
  context: CaseContext;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('evidence');
  const { t: tCases } = useTranslation('cases');
  const { t: tShell } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewCaseForm>();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [casesError, setCasesError] = useState<unknown>(null);
  const [choice, setChoice] = useState<CaseChoice>(NEW_CASE);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ what: string; error: unknown } | null>(null);
  const withSnapshot = snapshot !== null;

  // Only a snapshot can join an existing case; opening from a record always makes a new one.
  useEffect(() => {
    if (!withSnapshot) return;
    let live = true;
    clearway()
      .invoke('cw:cases.list', { limit: 500 })
      .then(
        (list) => {
          if (!live) return;
          const open = openCases(list);
          setCases(open);
          setChoice(preselectCase(open, context, useEvidence.getState().lastCaseId));
        },
        (error: unknown) => live && setCasesError(error),
      );
    return () => {
      live = false;
    };
    // The context is fixed for the dialog's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [withSnapshot]);

  const listed = useMemo(() => (cases ?? []).slice(0, LISTED), [cases]);
  const others = useMemo(() => (cases ?? []).slice(LISTED), [cases]);
  const chosenOther = others.some((c) => c.id === choice);
  const caseLabel = (c: CaseSummary) => `${c.ref} · ${c.title} · ${tCases(`subject.${c.subject.kind}`)} ${c.subject.ref}`;

  const ready = snapshot?.state === 'ready' ? snapshot.snapshot : null;
  const canSubmit = !busy && (!withSnapshot || ready !== null);

  const submit = async () => {
    let values: NewCaseForm | null = null;
    if (choice === NEW_CASE) {
      try {
        values = await form.validateFields();
      } catch {
        return;
      }
    }
    setBusy(true);
    setFailure(null);
    let target: { id: string; ref: string } | null =
      choice === NEW_CASE ? null : ((cases ?? []).find((c) => c.id === choice) ?? null);
    try {
      if (values) {
        let opened: CaseSummary;
        try {
          opened = await openCaseFrom(context, {
            title: values.title,
            subject: { kind: values.kind, ref: values.ref, ...(context.subject?.label ? { label: context.subject.label } : {}) },
          });
        } catch (error) {
          setFailure({ what: t('failed.open'), error });
          return;
        }
        target = opened;
        // The case exists now: a retry after a failed intake must not open a second one.
        setCases((list) => [opened, ...(list ?? [])]);
        setChoice(opened.id);
      }
      if (!target) return;
      if (ready) {
        try {
          await addSnapshotToCase(target.id, ready.sha256);
        } catch (error) {
          setFailure({ what: t('failed.add'), error });
          return;
        }
        useEvidence.setState({ lastCaseId: target.id });
      }
      const shown = target;
      const text = ready ? t('done.added', { ref: shown.ref }) : t('done.opened', { ref: shown.ref });
      onClose();
      if (ready)
        void message.success({
          content: (
            <span data-testid="add-to-case-done">
              {text}{' '}
              <Button type="link" size="small" onClick={() => showCase(shown.id)} data-testid="add-to-case-show">
                {t('done.show')}
              </Button>
            </span>
          ),
          duration: 8,
        });
      else {
        void message.success(text);
        showCase(shown.id);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={withSnapshot ? t('dialog.titleSnapshot') : t('dialog.titleOpen')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="add-to-case-dialog"
      okText={withSnapshot ? t('dialog.add') : t('dialog.open')}
      cancelText={t('dialog.cancel')}
      okButtonProps={{ disabled: !canSubmit, loading: busy, 'data-testid': 'add-to-case-submit' } as ButtonProps}
      onOk={() => void submit()}
    >
      {snapshot ? <SnapshotSummary snapshot={snapshot} locale={i18n.language} /> : null}
      {withSnapshot ? (
        <div className="cw-add-to-case-target">
          <div className="cw-add-to-case-label" id="add-to-case-target">
            {t('dialog.target')}
          </div>
          {cases === null && !casesError ? <Spin size="small" /> : null}
          {casesError ? (
            <Alert
              type="warning"
              showIcon
              message={t('dialog.casesFailed')}
              description={describeError(casesError, tShell).message}
            />
          ) : null}
          <Radio.Group
            aria-labelledby="add-to-case-target"
            data-testid="add-to-case-choice"
            className="cw-add-to-case-choices"
            value={chosenOther ? null : choice}
            onChange={(e) => setChoice(e.target.value as string)}
          >
            <Radio value={NEW_CASE}>{t('dialog.newCase')}</Radio>
            {listed.map((c) => (
              <Radio key={c.id} value={c.id}>
                {caseLabel(c)}
              </Radio>
            ))}
          </Radio.Group>
          {others.length > 0 ? (
            <Select
              aria-label={t('dialog.otherCase')}
              placeholder={t('dialog.otherCase')}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%', marginTop: 8 }}
              value={chosenOther ? choice : undefined}
              onChange={(id: string) => setChoice(id)}
              options={others.map((c) => ({ value: c.id, label: caseLabel(c) }))}
            />
          ) : null}
          {cases !== null && cases.length === 0 ? <div className="cw-muted">{t('dialog.noOpenCases')}</div> : null}
        </div>
      ) : null}
      {choice === NEW_CASE ? (
        <Form
          form={form}
          layout="vertical"
          className="cw-add-to-case-form"
          initialValues={{
            title: context.title,
            kind: context.subject?.kind ?? 'container',
            ref: context.subject?.ref ?? '',
          }}
        >
          <Form.Item
            name="title"
            label={tCases('new.caseTitle')}
            rules={[{ required: true, message: tCases('new.titleRequired') }]}
          >
            <Input maxLength={200} data-testid="add-to-case-title" />
          </Form.Item>
          <div className="cw-add-to-case-subject">
            <Form.Item name="kind" label={tCases('subject.kind')}>
              <Select options={KINDS.map((k) => ({ value: k, label: tCases(`subject.${k}`) }))} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="ref"
              label={tCases('subject.ref')}
              rules={[{ required: true, whitespace: true, message: tCases('new.refRequired') }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={120} data-testid="add-to-case-ref" autoFocus={!context.subject} />
            </Form.Item>
          </div>
        </Form>
      ) : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={failure.what}
          description={(() => {
            const text = describeError(failure.error, tShell);
            return `${text.message} ${text.action}`;
          })()}
        />
      ) : null}
    </Modal>
  );
}

/** The frame being added: its picture, camera, time and SHA-256, or why it could not be taken. */
function SnapshotSummary({ snapshot, locale }: { snapshot: SnapshotState; locale: string }) {
  const { t } = useTranslation('evidence');
  const { t: tShell } = useTranslation();
  if (snapshot.state === 'capturing')
    return (
      <div className="cw-add-to-case-snapshot" aria-busy>
        <Spin size="small" /> <span>{t('dialog.capturing')}</span>
      </div>
    );
  if (snapshot.state === 'failed') {
    const text = describeError(snapshot.error, tShell);
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t('dialog.captureFailed')}
        description={`${text.message} ${text.action}`}
      />
    );
  }
  const s = snapshot.snapshot;
  return (
    <figure className="cw-add-to-case-snapshot" data-testid="add-to-case-snapshot">
      <img src={s.preview} alt={t('dialog.previewAlt', { camera: s.cameraName })} />
      <figcaption>
        <dl>
          <dt>{t('dialog.camera')}</dt>
          <dd>{s.cameraName}</dd>
          <dt>{t('dialog.takenAt')}</dt>
          <dd className="cw-add-to-case-time">
            {new Date(s.takenAt).toLocaleString(locale)} · {s.width}×{s.height}
          </dd>
          <dt>SHA-256</dt>
          <dd>
            <Typography.Text code copyable className="cw-add-to-case-sha" data-testid="add-to-case-sha">
              {s.sha256}
            </Typography.Text>
          </dd>
        </dl>
        <p className="cw-muted">{t('dialog.custody')}</p>
      </figcaption>
    </figure>
  );
}
