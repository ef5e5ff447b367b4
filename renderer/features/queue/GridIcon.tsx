import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import { createElement, type ReactElement } from 'react';

/**
 * Ant Design's icon shapes as plain, pre-built SVG elements for the queue grid.
 * The `@ant-design/icons` components run hooks, context and colour generation on
 * every mount; a 100k-row grid mounts rows all the time while scrolling, so its
 * cells reuse one immutable element per icon instead (same look, no component).
 */
const built = new WeakMap<IconDefinition, ReactElement>();

function toElement(node: AbstractNode, key: number): ReactElement {
  return createElement(node.tag, { key, ...node.attrs }, ...(node.children ?? []).map(toElement));
}

export function gridIcon(definition: IconDefinition): ReactElement {
  let element = built.get(definition);
  if (!element) {
    const root = typeof definition.icon === 'function' ? definition.icon('currentColor', 'currentColor') : definition.icon;
    const svg = createElement(
      'svg',
      { ...root.attrs, width: '1em', height: '1em', fill: 'currentColor', 'aria-hidden': true, focusable: 'false' },
      ...(root.children ?? []).map(toElement),
    );
    element = (
      <span className="cw-icon" aria-hidden>
        {svg}
      </span>
    );
    built.set(definition, element);
  }
  return element;
}
