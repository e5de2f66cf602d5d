import type { ReactNode } from 'react';
import { Link } from '../router/Link';
import './cases.css';

/** The top bar and centred column shared by the case, new-case and customer pages. */
export function PageFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="wc-page wc-casepage">
      <header className="wc-topbar">
        <Link to="/" className="wc-brand wc-casepage__brand">
          Whychain
        </Link>
        <nav aria-label="Main" className="wc-casepage__nav">
          <Link to="/">Library</Link>
        </nav>
      </header>
      <main className={wide ? 'wc-casepage__main is-wide' : 'wc-casepage__main'}>{children}</main>
    </div>
  );
}

/** A page that could not be loaded: not found, or the server failed. */
export function PageProblem({ title, message }: { title: string; message: string }) {
  return (
    <PageFrame>
      <div className="wc-card wc-casepage__problem">
        <h1>{title}</h1>
        <p role="alert">{message}</p>
        <p>
          <Link to="/">Back to the library</Link>
        </p>
      </div>
    </PageFrame>
  );
}
