import type { ReactNode } from "react";

type Props = { lang: string; skip: string; header: ReactNode; footer: ReactNode; children: ReactNode };

/** The document around every page: skip link, header, main landmark, footer. */
export function PageShell({ lang, skip, header, footer, children }: Props) {
  return (
    <html lang={lang}>
      <body>
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
      </body>
    </html>
  );
}
