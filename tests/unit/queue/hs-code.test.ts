import { describe, expect, it } from 'vitest';
import { groupHsCode, hsSearchPrefix } from '../../../renderer/features/queue/logic/hsCode';

describe('groupHsCode', () => {
  it('groups a 10-digit national code as the tariff prints it', () => {
    expect(groupHsCode('8501520000')).toBe('8501.52.00.00');
  });
  it('groups 6 and 8 digit codes', () => {
    expect(groupHsCode('850152')).toBe('8501.52');
    expect(groupHsCode('85015210')).toBe('8501.52.10');
  });
  it('keeps a short heading and a trailing odd digit', () => {
    expect(groupHsCode('8501')).toBe('8501');
    expect(groupHsCode('850152001')).toBe('8501.52.00.1');
  });
  it('regroups an already grouped code', () => {
    expect(groupHsCode('8501.52.00.00')).toBe('8501.52.00.00');
  });
  it('reduces typed input to the raw search prefix', () => {
    expect(hsSearchPrefix('8501.52 ')).toBe('850152');
  });
});
