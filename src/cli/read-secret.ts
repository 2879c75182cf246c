/**
 * Reads one secret line: on a terminal through a prompt that echoes nothing, otherwise from
 * standard input (`echo "$KEY" | aethr auth login openai`). The secret is never written out.
 */
import { AethrError } from '../errors.js';

const MAX_SECRET_BYTES = 64 * 1024;

export async function readSecret(
  prompt: string,
  stdin: NodeJS.ReadStream = process.stdin,
  write: (text: string) => void = (text) => process.stderr.write(text),
): Promise<string> {
  return stdin.isTTY ? readHidden(prompt, stdin, write) : readPiped(stdin);
}

async function readPiped(stdin: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.length > MAX_SECRET_BYTES) {
      throw new AethrError('Standard input is too long to be a key.', {
        hint: 'Pipe just the key: echo "$OPENAI_API_KEY" | aethr auth login openai',
      });
    }
  }
  return text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
}

function readHidden(
  prompt: string,
  stdin: NodeJS.ReadStream,
  write: (text: string) => void,
): Promise<string> {
  write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') {
          return finish(new AethrError('Cancelled; nothing was written.'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
