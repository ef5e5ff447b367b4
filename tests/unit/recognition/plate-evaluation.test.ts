import { describe, expect, it } from 'vitest';
import { characterMatches, comparablePlate, parseLabels } from '../../../main/services/recognition/plate-evaluation';

describe('plate evaluation', () => {
  it('reads file and text columns whatever else the labels file has', () => {
    expect(parseLabels('\uFEFFkind,file,text\r\ncn,a.png,京A·12345\nus,"b,1.png","ABC-1234"\n')).toEqual([
      { file: 'a.png', text: '京A·12345' },
      { file: 'b,1.png', text: 'ABC-1234' },
    ]);
    expect(() => parseLabels('name,plate\n')).toThrow(/file and text/);
  });

  it('compares plates without spaces, dashes or dots', () => {
    expect(comparablePlate('京A·12345')).toBe(comparablePlate('京a 12345'));
    expect(comparablePlate('AB-123-CD')).toBe('AB123CD');
    expect(comparablePlate('M.AB 12')).toBe('MAB12');
  });

  it('counts matched characters by alignment', () => {
    expect(characterMatches('京A12345', '京A12345')).toBe(7);
    expect(characterMatches('A12345', '京A12345')).toBe(6);
    expect(characterMatches('京A12845', '京A12345')).toBe(6);
    expect(characterMatches('', 'ABC')).toBe(0);
  });
});
