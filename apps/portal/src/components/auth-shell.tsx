import type { ReactNode } from 'react';

/** The narrow centred card used by the pages a visitor sees before signing in. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card card">
        <p className="auth-product">
          Joint Force <span className="muted">Brand portal</span>
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
