import ReactMarkdown from "react-markdown";

/** Organiser-written Markdown; raw HTML in it is dropped, never rendered. */
export function Markdown({ children }: { children: string }) {
  return <ReactMarkdown skipHtml>{children}</ReactMarkdown>;
}
