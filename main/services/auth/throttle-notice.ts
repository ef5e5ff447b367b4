import type { NoticeBoard } from '../app/notices';
import type { ThrottleStarted } from './session';

/** Tells the supervisors that failed attempts hold back an account or a source (the audit log has each attempt). */
export function postThrottleNotice(notices: NoticeBoard, started: ThrottleStarted): void {
  const seconds = Math.ceil(started.waitMs / 1000);
  const what = started.scope === 'account' ? `Sign-in for ${started.account}` : `Sign-in from ${started.source}`;
  notices.post(
    'warning',
    started.scope === 'account' ? 'auth.throttledAccount' : 'auth.throttledSource',
    `${what} is held back for ${seconds} s after ${started.failures} failed attempts (last as ${started.account} from ${started.source}).`,
    {
      audience: 'supervisors',
      params: { account: started.account, source: started.source, failures: started.failures, seconds },
    },
  );
}
