/**
 * What a reader worried about a child can be told wherever they live: the national numbers, the
 * GOV.UK service that finds the local council, and the neutral site the quick exit goes to. The
 * "Worried about a child?" page adds the partnership's own front door when partnership.md gives it.
 */

/** GOV.UK's service that finds the children's services of the council where a child lives. */
export const reportToCouncil = 'https://www.gov.uk/report-child-abuse-to-local-council';

/** A number anyone in the UK can call, who answers it and when to use it. */
export interface NationalLine {
  name: string;
  phone: string;
  /** When to call it, finishing the sentence "Call ... on ... ". */
  when: string;
}

/** Police, NSPCC and Childline: the same everywhere in the UK, so true on every site. */
export const nationalLines: readonly NationalLine[] = [
  { name: 'the police', phone: '101', when: 'if you think a crime has happened but a child is not in immediate danger' },
  {
    name: 'the NSPCC helpline',
    phone: '0808 800 5000',
    when: 'for advice from a trained counsellor, if you are not sure what to do; they can pass your worry on for you',
  },
  { name: 'Childline', phone: '0800 1111', when: 'if you are a child or young person and want to talk to someone: it is free and private' },
];

/**
 * Where "Exit this page" goes: an everyday site that gives nothing away on the screen, as
 * GOV.UK's "Exit this page" pattern does. Only a navigation, never a request the page makes.
 */
export const quickExitHref = 'https://www.bbc.co.uk/weather';
