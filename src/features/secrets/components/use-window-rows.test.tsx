import { act, render, screen } from '@testing-library/react';
import { useWindowRows, type WindowRowsOptions } from './use-window-rows';

/** A ResizeObserver whose notifications the test sends (jsdom has none). */
class FakeResizeObserver {
  static last: FakeResizeObserver | null = null;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
    this.disconnected = true;
  }
  /** Reports border-box heights, as a browser would after layout. */
  report(...sizes: [Element, number][]) {
    const entries = sizes.map(
      ([target, blockSize]) => ({ target, borderBoxSize: [{ blockSize, inlineSize: 800 }] }) as unknown as ResizeObserverEntry,
    );
    act(() => this.callback(entries, this as unknown as ResizeObserver));
  }
}

const ESTIMATE = 50;
const keysOf = (count: number, prefix = 'k') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

interface ListProps extends Partial<WindowRowsOptions> {
  keys: readonly string[];
  revealed?: ReadonlySet<string>;
  onRender?: () => void;
}

function List({ keys, revealed, onRender, estimateHeight = ESTIMATE, overscan = 2, scrollMargin = 0, measureOnAttach }: ListProps) {
  onRender?.();
  const { rows, totalHeight, measureRow } = useWindowRows({ keys, estimateHeight, overscan, scrollMargin, measureOnAttach });
  return (
    <div data-testid="list" style={{ height: totalHeight }}>
      {rows.map((row) => (
        <div
          key={row.key}
          ref={measureRow}
          data-index={row.index}
          data-key={row.key}
          data-revealed={revealed?.has(row.key) ?? false}
          style={{ transform: `translateY(${row.offset}px)` }}
        />
      ))}
    </div>
  );
}

const rendered = () => Array.from(screen.getByTestId('list').children) as HTMLElement[];
const indexes = () => rendered().map((row) => Number(row.dataset.index));
const row = (key: string) => rendered().find((element) => element.dataset.key === key)!;
const offsetOf = (key: string) => row(key).style.transform;
const totalHeight = () => screen.getByTestId('list').style.height;

function scrollTo(y: number) {
  act(() => {
    window.scrollY = y;
    window.dispatchEvent(new Event('scroll'));
  });
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

beforeEach(() => {
  window.scrollY = 0;
  FakeResizeObserver.last = null;
});

afterEach(() => {
  window.scrollY = 0;
  vi.unstubAllGlobals();
});

describe('useWindowRows', () => {
  it('renders the rows in view of the window, plus the overscan, at their offsets', () => {
    expect(window.innerHeight).toBe(768);
    render(<List keys={keysOf(100)} />);
    // 0..768 px: rows 0..15 (row 15 starts at 750), then 2 more.
    expect(indexes()).toEqual(range(0, 17));
    expect(totalHeight()).toBe('5000px');
    expect(offsetOf('k7')).toBe('translateY(350px)');

    // 1000..1768 px: rows 20..35, and 2 on each side.
    scrollTo(1000);
    expect(indexes()).toEqual(range(18, 37));
    expect(offsetOf('k18')).toBe('translateY(900px)');

    // Past the end: the last screenful stays.
    scrollTo(100_000);
    expect(indexes()).toEqual(range(82, 99));
  });

  it('counts the distance from the top of the page to the list (scrollMargin)', () => {
    window.scrollY = 1000;
    render(<List keys={keysOf(100)} scrollMargin={200} />);
    // The list starts 200 px down: the window shows 800..1568 px of it, rows 16..31.
    expect(indexes()).toEqual(range(14, 33));
    expect(offsetOf('k14')).toBe('translateY(700px)');
  });

  it('renders nothing for an empty list', () => {
    render(<List keys={[]} />);
    expect(rendered()).toHaveLength(0);
    expect(totalHeight()).toBe('0px');
  });

  it('moves the later rows when a row is measured taller, and ignores a height of 0', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    render(<List keys={keysOf(100)} />);
    const observer = FakeResizeObserver.last!;
    expect(observer.observed.size).toBe(18);

    observer.report([row('k3'), 120]);
    expect(offsetOf('k3')).toBe('translateY(150px)');
    expect(offsetOf('k4')).toBe('translateY(270px)');
    expect(offsetOf('k9')).toBe('translateY(520px)');
    expect(totalHeight()).toBe('5070px');
    // 0..768 px now end in row 13 (row 14 starts at 770): one row fewer is in view.
    expect(indexes()).toEqual(range(0, 15));

    // Not laid out (display: none, or no layout engine): the estimate, never 0.
    observer.report([row('k5'), 0]);
    expect(offsetOf('k6')).toBe('translateY(370px)');
    observer.report([row('k3'), 0]);
    expect(offsetOf('k4')).toBe('translateY(200px)');
    expect(totalHeight()).toBe('5000px');
  });

  it('measures an attached row at once only when measureOnAttach says so; otherwise waits for the observer', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return new DOMRect(0, 0, 800, (this as HTMLElement).dataset.revealed === 'true' ? 90 : 50);
    });
    const measureOnAttach = (element: HTMLElement) => element.dataset.revealed === 'true';
    render(<List keys={keysOf(100)} revealed={new Set(['k2'])} measureOnAttach={measureOnAttach} />);
    // Only the revealed row read its layout.
    expect(rect.mock.contexts).toEqual([row('k2')]);
    expect(offsetOf('k3')).toBe('translateY(190px)');
    expect(totalHeight()).toBe('5040px');
  });

  it('keeps measured heights by key when the list changes (search), and clamps the range to the new count', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const keys = keysOf(100);
    const { rerender } = render(<List keys={keys} />);
    FakeResizeObserver.last!.report([row('k3'), 120]);

    // Filtered: k3 is now the first row, still 120 px tall.
    const filtered = keys.filter((key) => key.startsWith('k3'));
    rerender(<List keys={filtered} />);
    expect(indexes()).toEqual(range(0, 10));
    expect(rendered().map((element) => element.dataset.key)).toEqual(filtered);
    expect(offsetOf('k3')).toBe('translateY(0px)');
    expect(offsetOf('k30')).toBe('translateY(120px)');
    expect(totalHeight()).toBe(`${120 + 10 * ESTIMATE}px`);

    // Scrolled far down, then the list shrinks below the viewport: its rows from the top.
    rerender(<List keys={keys} />);
    scrollTo(4000);
    expect(indexes()[0]).toBe(76);
    rerender(<List keys={keysOf(5, 'other')} />);
    expect(indexes()).toEqual(range(0, 4));
    expect(offsetOf('other4')).toBe('translateY(200px)');
  });

  it('re-renders on scroll only when the rendered range changes', () => {
    let renders = 0;
    render(<List keys={keysOf(1_000)} onRender={() => renders++} />);
    scrollTo(1000);
    expect(indexes()).toEqual(range(18, 37));
    const before = renders;

    // 1010..1778 and 1020..1788 px: still rows 20..35.
    scrollTo(1010);
    scrollTo(1020);
    expect(renders).toBe(before);
    expect(indexes()).toEqual(range(18, 37));

    // 1100 px: rows 22..37.
    scrollTo(1100);
    expect(renders).toBeGreaterThan(before);
    expect(indexes()).toEqual(range(20, 39));

    // A resize that keeps the range re-renders nothing; a taller window shows more rows.
    const rendersBefore = renders;
    act(() => window.dispatchEvent(new Event('resize')));
    expect(renders).toBe(rendersBefore);
    try {
      Object.defineProperty(window, 'innerHeight', { configurable: true, value: 1536 });
      act(() => window.dispatchEvent(new Event('resize')));
      // 1100..2636 px: rows 22..52.
      expect(indexes()).toEqual(range(20, 54));
    } finally {
      Object.defineProperty(window, 'innerHeight', { configurable: true, value: 768 });
    }
  });

  it('scrolls the page by the difference when a row above the viewport is measured, so the rows in view stay put', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    window.scrollY = 1000;
    render(<List keys={keysOf(100)} />);
    const observer = FakeResizeObserver.last!;
    // Row 19 (950..1000 px) is above the viewport; row 21 is in it.
    observer.report([row('k19'), 80], [row('k21'), 70]);
    expect(scrollBy).toHaveBeenCalledTimes(1);
    expect(scrollBy).toHaveBeenCalledWith({ top: 30, behavior: 'instant' });
    expect(offsetOf('k22')).toBe('translateY(1150px)');
  });

  it('removes its listeners and disconnects its observer when unmounted', () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    const remove = vi.spyOn(window, 'removeEventListener');
    const { unmount } = render(<List keys={keysOf(100)} />);
    const observer = FakeResizeObserver.last!;
    unmount();
    expect(observer.disconnected).toBe(true);
    expect(observer.observed.size).toBe(0);
    const removed = remove.mock.calls.map(([type]) => type);
    expect(removed).toEqual(expect.arrayContaining(['scroll', 'resize']));

    // Scrolling after unmount does nothing (and throws nothing).
    scrollTo(2000);
  });
});
