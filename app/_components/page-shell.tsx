import type { ReactNode } from "react";

type Props = { skip: string; header: ReactNode; footer: ReactNode; children: ReactNode };

/** What surrounds every page's content: skip link, header, main landmark, footer. */
export function PageShell({ skip, header, footer, children }: Props) {
  return (
    <>
      <a className="skip-link" href="#main">
        {skip}
      </a>
      <header className="site-header">{header}</header>
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer">
        <div>{footer}</div>
      </footer>
    </>
  );
}
