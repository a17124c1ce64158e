/**
 * The questions `npm run new` and `plan-publisher init` ask in a terminal for what was not
 * given on the command line, and the interface the tests answer them through.
 */
import { createInterface } from 'node:readline/promises';
import { closest } from '../model/suggest.ts';

/** One thing a question can be answered with. */
export interface Choice {
  id: string;
  label?: string;
}

/** Asks the questions `npm run new` needs answered; in tests, a scripted stand-in. */
export interface Prompter {
  /** One of `choices`, by number or id; undefined if optional and left blank. */
  choose(question: string, choices: Choice[], options?: { optional?: boolean }): Promise<string | undefined>;
  /** Any number of `choices`, separated by commas; blank for none. */
  chooseMany(question: string, choices: Choice[]): Promise<string[]>;
  /** Free text; `check` returns a complaint to ask again, or undefined to accept; '' for a blank answer only when `optional`. */
  text(
    question: string,
    options?: { suggested?: string; check?: (answer: string) => string | undefined; optional?: boolean },
  ): Promise<string>;
  close(): void;
}

function listChoices(choices: Choice[]): string {
  const width = Math.max(...choices.map((c) => c.id.length));
  const label = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}...` : text);
  return choices.map((c, i) => `  ${String(i + 1).padStart(2)}. ${c.id.padEnd(width)}${c.label ? `  ${label(c.label)}` : ''}`).join('\n');
}

/** Reads one answer naming a choice (its number or id): the id, or a complaint. */
function pick(answer: string, choices: Choice[]): { id?: string; complaint?: string } {
  const trimmed = answer.trim();
  const number = Number(trimmed);
  if (/^\d+$/.test(trimmed) && number >= 1 && number <= choices.length) return { id: choices[number - 1].id };
  const exact = choices.find((c) => c.id === trimmed);
  if (exact) return { id: exact.id };
  const suggestion = closest(
    trimmed,
    choices.map((c) => c.id),
  );
  return {
    complaint: `"${trimmed}" is not one of the choices.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Type its number or its id.`,
  };
}

/** The prompter for a real terminal, on standard input and output. */
export function terminalPrompter(): Prompter {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let closing = false;
  rl.on('close', () => {
    if (!closing) {
      process.stdout.write('\nStopped; nothing was written.\n');
      process.exit(130);
    }
  });
  const ask = async (question: string): Promise<string> => String(await rl.question(question));
  return {
    async choose(question, choices, options = {}) {
      if (choices.length === 0) return undefined;
      process.stdout.write(`${question}\n${listChoices(choices)}\n`);
      for (;;) {
        const answer = (await ask(options.optional ? 'Number or id (Enter for none): ' : 'Number or id: ')).trim();
        if (answer === '' && options.optional) return undefined;
        if (answer === '') continue;
        const { id, complaint } = pick(answer, choices);
        if (id) return id;
        process.stdout.write(`${complaint}\n`);
      }
    },
    async chooseMany(question, choices) {
      if (choices.length === 0) return [];
      process.stdout.write(`${question}\n${listChoices(choices)}\n`);
      for (;;) {
        const answer = (await ask('Numbers or ids, separated by commas (Enter for none): ')).trim();
        if (answer === '') return [];
        const picked = answer
          .split(',')
          .filter((a) => a.trim() !== '')
          .map((a) => pick(a, choices));
        const complaint = picked.find((p) => p.complaint)?.complaint;
        if (!complaint) return [...new Set(picked.map((p) => p.id!))];
        process.stdout.write(`${complaint}\n`);
      }
    },
    async text(question, options = {}) {
      for (;;) {
        const answer =
          (await ask(options.suggested ? `${question} [${options.suggested}]: ` : `${question}: `)).trim() || options.suggested || '';
        if (answer === '' && options.optional) return '';
        const complaint = answer === '' ? 'Please type an answer (or press Ctrl+C to stop).' : options.check?.(answer);
        if (!complaint) return answer;
        process.stdout.write(`${complaint}\n`);
      }
    },
    close() {
      closing = true;
      rl.close();
    },
  };
}
