/**
 * General advice for a reader worried about a child, true wherever they live: used only until a
 * partnership gives its own children's services details (and `check` warns until it does).
 */

/** GOV.UK's service that finds the children's services of the council where a child lives. */
export const reportToCouncil = 'https://www.gov.uk/report-child-abuse-to-local-council';
