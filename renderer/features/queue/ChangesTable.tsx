import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../../../preload/contract/schemas/queue';

/** The fields one version changed: field, value before, value after (removed and added values marked in words, not colour alone). */
export function ChangesTable({ changes, testId }: { changes: readonly FieldChange[]; testId?: string }) {
  const { t } = useTranslation('queue');
  if (changes.length === 0) return <p className="cw-muted">{t('versions.noChanges')}</p>;
  return (
    <table className="cw-diff" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('versions.field')}</th>
          <th scope="col">{t('versions.before')}</th>
          <th scope="col">{t('versions.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path}>
            <th scope="row" className="cw-mono">
              {c.path}
            </th>
            <td className="cw-diff-before">{c.before ?? <span className="cw-muted">{t('versions.absent')}</span>}</td>
            <td className="cw-diff-after">{c.after ?? <span className="cw-muted">{t('versions.removed')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
