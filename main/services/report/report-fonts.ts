import { existsSync } from 'node:fs';

/**
 * A CJK-capable font for names and notes written in Chinese. The Noto CJK
 * collection is a system package (Debian fonts-noto-cjk, also on most Linux
 * desktops); pdfkit embeds only the glyphs used, so reports stay small.
 * Without it the report falls back to Helvetica, which cannot show Chinese.
 */
const CANDIDATES: readonly { path: string; family: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
];

export function findCjkFont(override = process.env.CLEARWAY_REPORT_FONT): { path: string; family: string | undefined } | null {
  if (override && existsSync(override)) return { path: override, family: undefined };
  return CANDIDATES.find((font) => existsSync(font.path)) ?? null;
}
