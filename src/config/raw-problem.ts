/** A problem found in the parsed data, before it is given a line and column in the YAML text. */
export type PathSegment = string | number;

export interface RawProblem {
  path: readonly PathSegment[];
  /** Point at the mapping key (`key`, e.g. an unknown key) or at its value (default). */
  target?: 'key' | 'value';
  message: string;
  fix?: string;
}

/** `steps[1].repeat.back_to`; keys that are not plain words are quoted: `models["my role"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
