/**
 * jsdom setup for the component tests: the browser APIs React Flow needs to measure and render
 * nodes and edges, which jsdom does not implement, plus @testing-library cleanup between tests.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/** Fires its callback asynchronously after `observe`, like a browser does after the first layout. */
class ResizeObserverShim implements ResizeObserver {
  private readonly callback: ResizeObserverCallback;
  private readonly observed = new Set<Element>();

  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }

  observe(target: Element): void {
    this.observed.add(target);
    setTimeout(() => {
      if (!this.observed.has(target)) return;
      const width = target instanceof HTMLElement ? target.offsetWidth : 0;
      const height = target instanceof HTMLElement ? target.offsetHeight : 0;
      const rect = DOMRectReadOnly.fromRect({ x: 0, y: 0, width, height });
      const size = [{ inlineSize: width, blockSize: height }];
      this.callback(
        [
          {
            target,
            contentRect: rect,
            borderBoxSize: size,
            contentBoxSize: size,
            devicePixelContentBoxSize: size,
          },
        ],
        this,
      );
    }, 0);
  }

  unobserve(target: Element): void {
    this.observed.delete(target);
  }

  disconnect(): void {
    this.observed.clear();
  }
}

/** Only what React Flow reads: the zoom (m22) of a CSS transform such as `scale(1.5)`. */
class DOMMatrixReadOnlyShim {
  readonly m22: number;

  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

globalThis.ResizeObserver = ResizeObserverShim;
(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly = DOMMatrixReadOnlyShim;

/** jsdom does no layout; report the inline size when there is one, else a plausible non-zero size. */
function inlineSize(element: HTMLElement, property: 'width' | 'height', fallback: number): number {
  const match = /^([\d.]+)px$/.exec(element.style[property]);
  return match ? Number(match[1]) : fallback;
}

Object.defineProperties(HTMLElement.prototype, {
  offsetWidth: {
    configurable: true,
    get(this: HTMLElement) {
      return inlineSize(this, 'width', 800);
    },
  },
  offsetHeight: {
    configurable: true,
    get(this: HTMLElement) {
      // A React Flow node wrapper takes the height of its card, which sets its min-height (less
      // a negative bottom margin: the typing room, which the node's size leaves out).
      const card = this.firstElementChild;
      const style = card instanceof HTMLElement ? card.style : null;
      const minHeight = /^([\d.]+)px$/.exec(style?.minHeight ?? '');
      const margin = /^(-[\d.]+)px$/.exec(style?.marginBottom ?? '');
      const height = minHeight ? Number(minHeight[1]) + (margin ? Number(margin[1]) : 0) : 600;
      return inlineSize(this, 'height', height);
    },
  },
});

/**
 * jsdom has no matchMedia. The tests ask for reduced motion, so the canvas moves at once rather
 * than through d3 transitions (which jsdom's zero-sized layout turns into NaN transforms).
 */
window.matchMedia = (query: string) =>
  ({
    matches: query.includes('prefers-reduced-motion: reduce'),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;

(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
  ({ x: 0, y: 0, width: 100, height: 20 }) as DOMRect;

// user-event gives the events it dispatches an own `view` property that is null (it passes no
// view). In a browser `view` is the window, and d3-zoom (React Flow's panning) reads
// `event.view.document` on mousedown. Make such a null `view` the window, as a browser would.
const defineProperty = Object.defineProperty;
Object.defineProperty = function <T>(
  target: T,
  key: PropertyKey,
  descriptor: PropertyDescriptor,
): T {
  if (key === 'view' && target instanceof UIEvent && descriptor.get && descriptor.get() == null) {
    return defineProperty(target, key, { ...descriptor, get: () => window });
  }
  return defineProperty(target, key, descriptor);
};

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
