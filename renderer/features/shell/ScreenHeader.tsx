import type { ReactNode } from 'react';

/** Title and one line of purpose at the top of each screen. */
export function ScreenHeader({ title, description, extra }: { title: string; description?: string; extra?: ReactNode }) {
  return (
    <header className="cw-screen-header">
      <div>
        <h1 style={{ margin: 0, fontSize: 18, fontWeight: 600 }}>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {extra}
    </header>
  );
}
