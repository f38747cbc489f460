import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabItem<TId extends string> {
  id: TId;
  label: string;
  /** Shown next to the label (pending approvals, sessions); a testid makes it readable by tests. */
  count?: number;
}

export interface TabsProps<TId extends string> {
  label: string;
  tabs: readonly TabItem<TId>[];
  selected: TId;
  onSelect(id: TId): void;
  children: ComponentChildren;
}

/**
 * ARIA tabs: one tab in the tab order, arrow keys (and Home / End) move between tabs and select,
 * the panel follows in the tab order.
 */
export function Tabs<TId extends string>({ label, tabs, selected, onSelect, children }: TabsProps<TId>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.id);
    list.current?.querySelector<HTMLElement>(`[data-tab="${target.id}"]`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            data-tab={tab.id}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.count !== undefined && (
              <span class="count" data-testid={`${tab.id}-count`}>
                {tab.count}
              </span>
            )}
          </button>
        ))}
      </div>
      <div class="tab-panel" role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
