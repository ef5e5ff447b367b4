import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useSettings } from '../../app/settingsStore';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/**
 * A small wrapper that owns one ECharts instance: created for the element and
 * theme, fed options as they change, resized with its box, disposed on unmount.
 * (echarts-for-react was considered; a dozen lines here avoid its React peer range.)
 */
export function EChart({
  option,
  height,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const dark = useSettings((s) => s.settings.theme === 'dark');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(
      { backgroundColor: 'transparent', aria: { enabled: true }, animation: false, ...option },
      { notMerge: true },
    );
  }, [option, dark]);

  return <div ref={box} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />;
}
