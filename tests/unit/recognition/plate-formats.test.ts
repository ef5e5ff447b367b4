import { describe, expect, it } from 'vitest';
import type { ReadCharacter } from '../../../main/services/recognition/ctc-decode';
import {
  compilePlateFormat,
  correctPlate,
  PLATE_FORMAT_PRESETS,
  type PlateFormat,
} from '../../../main/services/recognition/plate-formats';

const read = (text: string, confidence = 0.9): ReadCharacter[] => [...text].map((char) => ({ char, confidence }));

describe('plate formats', () => {
  it('expands quantifiers into fixed-length variants and keeps separators for writing out', () => {
    const de = compilePlateFormat(PLATE_FORMAT_PRESETS.eu.find((f) => f.id === 'eu-de')!);
    expect(de.variants).toHaveLength(3 * 2 * 4);
    const cn = compilePlateFormat(PLATE_FORMAT_PRESETS.cn[0]!);
    expect(cn.variants).toHaveLength(1);
    expect(cn.variants[0]!.map((s) => s.separator).join('|')).toBe('||·||||');
  });

  it('refuses what the subset does not support', () => {
    expect(() => compilePlateFormat({ id: 'x', region: 'x', pattern: '^(AB|CD)$' })).toThrow(SyntaxError);
    expect(() => compilePlateFormat({ id: 'x', region: 'x', pattern: '^[A-Z$' })).toThrow(SyntaxError);
    expect(() => compilePlateFormat({ id: 'x', region: 'x', pattern: '^[Z-A]$' })).toThrow(SyntaxError);
  });

  it('leaves a read that fits alone, and writes it the way its format does', () => {
    const plate = correctPlate(read('京A·12345'), PLATE_FORMAT_PRESETS.cn)!;
    expect(plate).toMatchObject({ text: '京A12345', display: '京A·12345', formatId: 'cn-standard', corrected: [], cost: 0 });
  });

  it('swaps look-alikes by position: letters where letters belong, digits where digits do', () => {
    // City letter read as 8; O and I cannot appear on a Chinese plate, so they are digits.
    expect(correctPlate(read('粤8·1O2I5'), PLATE_FORMAT_PRESETS.cn)).toMatchObject({ text: '粤B10215', corrected: [1, 3, 5] });
    // French SIV: two letters, three digits, two letters.
    expect(correctPlate(read('A8-1Z5-5D'), PLATE_FORMAT_PRESETS.eu)).toMatchObject({
      text: 'AB125SD',
      display: 'AB-125-SD',
      formatId: 'eu-fr',
    });
    // US 1ABC234: S read for 5 in first place, 0 read for O in the letters.
    expect(correctPlate(read('S0BC234'), PLATE_FORMAT_PRESETS.us)).toMatchObject({ text: '5OBC234', formatId: 'us-1abc234' });
    // A closing bracket for J, as the recogniser reads a J at the end of a line.
    expect(correctPlate(read('EC-374-T]'), PLATE_FORMAT_PRESETS.eu)).toMatchObject({ text: 'EC374TJ' });
  });

  it('reads new-energy plates of eight characters', () => {
    expect(correctPlate(read('沪AD12345'), PLATE_FORMAT_PRESETS.cn)).toMatchObject({
      text: '沪AD12345',
      formatId: 'cn-new-energy-small',
    });
    expect(correctPlate(read('沪A12345F'), PLATE_FORMAT_PRESETS.cn)).toMatchObject({
      text: '沪A12345F',
      formatId: 'cn-new-energy-large',
    });
  });

  it('prefers changing the characters the model was least sure of', () => {
    const letters: PlateFormat = { id: 'letters', region: 'x', pattern: '^[A-Z]{2}$' };
    const digits: PlateFormat = { id: 'digits', region: 'x', pattern: '^\\d{2}$' };
    const unsureFirst = read('B8');
    unsureFirst[0]!.confidence = 0.3;
    expect(correctPlate(unsureFirst, [letters, digits])).toMatchObject({ text: '88', formatId: 'digits', corrected: [0] });
    const unsureSecond = read('B8');
    unsureSecond[1]!.confidence = 0.3;
    expect(correctPlate(unsureSecond, [letters, digits])).toMatchObject({ text: 'BB', formatId: 'letters', corrected: [1] });
    // A swapped character is only half as sure as the model was of what it replaced.
    expect(correctPlate(unsureSecond, [letters])!.chars[1]!.confidence).toBeCloseTo(0.15, 5);
  });

  it('drops one stray character, such as a bolt read as I, when nothing else fits', () => {
    expect(correctPlate(read('I京A12345'), PLATE_FORMAT_PRESETS.cn)).toMatchObject({ text: '京A12345' });
  });

  it('reads 川 split into Latin strokes back as the province character, only where a province may stand', () => {
    expect(correctPlate(read('JII·Y647Q1'), PLATE_FORMAT_PRESETS.cn)).toMatchObject({ text: '川Y647Q1', display: '川Y·647Q1' });
    expect(correctPlate(read('IN39309'), PLATE_FORMAT_PRESETS.cn)).toMatchObject({ text: '川N39309' });
    // A US plate that starts with 1 keeps it: the exact US fit is cheaper.
    expect(correctPlate(read('1ABC234'))).toMatchObject({ text: '1ABC234', formatId: 'us-1abc234' });
  });

  it('ignores separators, case and full-width forms in the read', () => {
    expect(correctPlate(read('ab-123-cd'), PLATE_FORMAT_PRESETS.eu)).toMatchObject({ text: 'AB123CD' });
    expect(correctPlate(read('ＡＢＣ－１２３４'), PLATE_FORMAT_PRESETS.us)).toMatchObject({ text: 'ABC1234' });
  });

  it('says null when no format fits', () => {
    expect(correctPlate(read('LANE3'), PLATE_FORMAT_PRESETS.cn)).toBeNull();
    expect(correctPlate(read('减速慢行'))).toBeNull();
  });

  it('takes a site’s own pattern', () => {
    const own: PlateFormat = { id: 'own', region: 'x', pattern: '^[A-Z]{2} \\d{1,4}$' };
    expect(correctPlate(read('XY 12O'), [own])).toMatchObject({ text: 'XY120', display: 'XY 120', formatId: 'own' });
  });
});
