import CheckCircleOutlined from '@ant-design/icons-svg/es/asn/CheckCircleOutlined';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { gridIcon } from '../../../renderer/features/queue/GridIcon';

describe('gridIcon: antd icon shapes as plain SVG for the queue grid', () => {
  it('draws every path of the definition, in currentColor, hidden from assistive technology', () => {
    const html = renderToStaticMarkup(gridIcon(CheckCircleOutlined));
    const icon = CheckCircleOutlined.icon as { children?: { attrs: { d: string } }[] };
    const paths = icon.children ?? [];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(html).toContain(`d="${path.attrs.d}"`);
    expect(html).toContain('viewBox="64 64 896 896"');
    expect(html).toContain('fill="currentColor"');
    expect(html).toMatch(/^<span class="cw-icon" aria-hidden="true"><svg/);
  });

  it('builds each icon once and hands out the same element afterwards', () => {
    expect(gridIcon(CheckCircleOutlined)).toBe(gridIcon(CheckCircleOutlined));
  });
});
