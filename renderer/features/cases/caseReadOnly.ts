import type { CaseDetail } from '../../../preload/contract/schemas/cases';

/**
 * A closed case is read-only until a supervisor reopens it (the service refuses
 * changes too). Evidence custody transfers stay open: seized goods still move.
 */
export function isReadOnly(detail: Pick<CaseDetail, 'status'>): boolean {
  return detail.status === 'closed';
}
