import type { ReactNode } from 'react';

/**
 * A table wider than the page scrolls sideways in a region of its own that takes the keyboard's focus.
 * (antd's own scroll={x} leaves its scroll box unfocusable and a focusable measure row under
 * aria-hidden: axe-core flags both.) Give the table `style={{ minWidth: 'max-content' }}`.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the keyboard's focus (WCAG 2.1.1)
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </section>
  );
}
