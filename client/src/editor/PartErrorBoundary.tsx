import { Component, type ErrorInfo, type ReactNode } from 'react';
import './partError.css';

interface PartErrorBoundaryProps {
  /** What this part is, in the words of the page: "the side panel", "Why 3". */
  part: string;
  /**
   * When this changes (new data for the part, e.g. someone repaired the record), a part that
   * failed is drawn again.
   */
  resetKey?: unknown;
  /** A smaller message, for parts as small as one node. */
  compact?: boolean;
  /** The element the message is in: 'li' for a part that is one item of a list. */
  as?: 'div' | 'li';
  children: ReactNode;
}

interface PartErrorBoundaryState {
  error: Error | null;
  /** The resetKey of the last drawing: a new one clears the error. */
  resetKey: unknown;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Keeps one broken part of the editor from blanking the page: when something inside throws while
 * drawing, this part alone says so in place (with what failed) and the rest keeps working.
 */
export class PartErrorBoundary extends Component<PartErrorBoundaryProps, PartErrorBoundaryState> {
  override state: PartErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<PartErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(describe(error)) };
  }

  static getDerivedStateFromProps(
    props: PartErrorBoundaryProps,
    state: PartErrorBoundaryState,
  ): Partial<PartErrorBoundaryState> | null {
    // New data for the part: try drawing it again.
    if (props.resetKey === state.resetKey) return null;
    return { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Whychain: ${this.props.part} could not be shown.`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { part, compact, as: Element = 'div' } = this.props;
    return (
      <Element role="alert" className={`wc-part-error${compact ? ' wc-part-error--compact' : ''}`}>
        <p className="wc-part-error__title">This part could not be shown</p>
        <p className="wc-part-error__what">
          {part}: {describe(error)}
        </p>
        <button type="button" className="wc-link" onClick={this.retry}>
          Try again
        </button>
      </Element>
    );
  }
}
