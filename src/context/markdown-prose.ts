/**
 * Markdown prose versus code: GitHub shows fenced code blocks and inline code spans literally (no
 * HTML, no images, no comments), so filters that act on rendered Markdown apply to the prose only.
 * An unclosed fence runs to the end of the text, as GitHub renders it. Pure.
 */

/** Applies `fn` to the prose only: fenced code blocks and inline code spans are left verbatim. */
export function mapProse(text: string, fn: (prose: string) => string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | undefined;
  const flush = (): void => {
    if (prose.length > 0) out.push(outsideInlineCode(prose.join('\n'), fn));
    prose = [];
  };
  for (const line of lines) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (m) {
        flush();
        fence = m[1]!;
        out.push(line);
      } else prose.push(line);
    } else {
      out.push(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1])
        fence = undefined;
    }
  }
  flush();
  return out.join('\n');
}

function outsideInlineCode(text: string, fn: (prose: string) => string): string {
  const spans: string[] = [];
  // NUL marks the spans below; a NUL in the input itself is dropped (it never renders).
  // eslint-disable-next-line no-control-regex
  const masked = text.replace(/\u0000/g, '').replace(/(`+)[^`][\s\S]*?\1/g, (span) => {
    spans.push(span);
    return `\u0000${spans.length - 1}\u0000`;
  });
  // eslint-disable-next-line no-control-regex
  return fn(masked).replace(/\u0000(\d+)\u0000/g, (_m, i: string) => spans[Number(i)] ?? '');
}
