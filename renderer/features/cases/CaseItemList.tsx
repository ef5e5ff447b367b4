import { List } from 'antd';
import type { ReactNode } from 'react';

interface CaseItemListProps<T> {
  items: T[];
  /** Shown when there are no items yet. */
  empty: string;
  /** The row's content; the row itself (List.Item) is made here. */
  renderItem: (item: T) => ReactNode;
  itemTestId?: string;
}

/** A case section's items as a compact list, with a readable line when there are none. */
export function CaseItemList<T extends { id: string }>({ items, empty, renderItem, itemTestId }: CaseItemListProps<T>) {
  return (
    <List
      size="small"
      rowKey="id"
      dataSource={items}
      // The default empty text is too faint on the dark theme: body colour keeps AA contrast.
      locale={{ emptyText: <span style={{ color: 'var(--ant-color-text)' }}>{empty}</span> }}
      renderItem={(item) => <List.Item data-testid={itemTestId}>{renderItem(item)}</List.Item>}
    />
  );
}
