/** action.yml and the code agree: every input the code reads is declared, and every output it sets. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KEY_INPUTS, parseInputs } from '../../src/action/inputs.js';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code reads, each documented', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return name === 'github-token' ? 'ghs_x' : '';
    });
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const name of Object.keys(KEY_INPUTS)) expect(action.inputs[name]).toBeDefined();
    for (const [name, input] of Object.entries(action.inputs))
      expect(`${name}: ${input.description}`.length).toBeGreaterThan(name.length + 10);
  });

  it('declares exactly the outputs the code sets', () => {
    const source = readFileSync('src/github/publish-job-report.ts', 'utf8');
    const set = [...source.matchAll(/setOutput\('([^']+)'/g)].map((m) => m[1]);
    expect(set.sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('rejects bad input values with a message naming the input', () => {
    const inputs = (values: Record<string, string>) => () =>
      parseInputs((n) => values[n] ?? (n === 'github-token' ? 'ghs_x' : ''));
    expect(inputs({ 'fail-on': 'sometimes' })).toThrow(
      /Input "fail-on" is "sometimes"; expected one of none, high, medium, low/,
    );
    expect(inputs({ 'max-iterations': '0' })).toThrow(/max-iterations/);
    expect(inputs({ mock: 'perhaps' })).toThrow(/Input "mock"/);
    expect(inputs({ 'commit-author': 'no email' })).toThrow(/Name <email>/);
    expect(inputs({ 'github-token': ' ' })).toThrow(/github-token/);
  });
});
