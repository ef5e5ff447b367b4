import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/sessionStore';

/** On a demo profile, says so, that it never syncs, and which demo accounts exist (when the services list them). */
export function DemoAccountsHint() {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  if (!info.demo) return null;
  const accounts = info.demoAccounts ?? [];
  const samePassword = accounts.every((a) => a.password === accounts[0]?.password);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="demo-hint"
      style={{ marginTop: 12 }}
      title={t('auth.login.demoTitle')}
      description={
        accounts.length > 0 ? (
          <>
            <div>{t('auth.login.demoNeverSyncs')}</div>
            <div>{t('auth.login.demoAccounts')}</div>
            <table className="cw-demo-accounts">
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.username}>
                    <td className="cw-mono">{a.username}</td>
                    <td>{a.displayName}</td>
                    <td>{t(`roles.${a.role}`)}</td>
                    {samePassword ? null : <td className="cw-mono">{a.password}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
            {samePassword ? (
              <div>
                {t('auth.login.demoPassword')} <span className="cw-mono">{accounts[0]?.password}</span>
              </div>
            ) : null}
          </>
        ) : (
          <>
            <div>{t('auth.login.demoNeverSyncs')}</div>
            <div>{t('auth.login.demoNoList')}</div>
          </>
        )
      }
    />
  );
}
