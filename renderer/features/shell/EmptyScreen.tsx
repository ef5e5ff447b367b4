import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { ScreenHeader } from './ScreenHeader';

/** A screen with nothing to show yet: says what it is for and how data gets in. */
export function EmptyScreen({
  title,
  description,
  emptyTitle,
  emptyHint,
  image,
  testId,
}: {
  title: string;
  description: string;
  emptyTitle: string;
  emptyHint: string;
  image?: ReactNode;
  testId: string;
}) {
  return (
    <section data-testid={testId}>
      <ScreenHeader title={title} description={description} />
      <div className="cw-empty">
        <Empty
          image={image ?? Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <div style={{ fontWeight: 600 }}>{emptyTitle}</div>
              <div className="cw-empty-hint">{emptyHint}</div>
            </>
          }
        />
      </div>
    </section>
  );
}
