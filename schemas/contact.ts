/**
 * Contact details: where a reader worried about a child should turn (the local children's
 * services "front door"), and how to reach the partnership itself. The "Worried about a
 * child?" panel on every page, its own page and the accessibility statement read them.
 */
import { z } from 'astro/zod';
import { plainText, webAddress } from './common.ts';

/**
 * A phone number as people write it, like "01632 960 000" or "+44 1632 960 000". Written without
 * spaces or quotes, YAML reads it as a number and drops its first 0, so that is refused with a hint.
 */
export const phoneNumber = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    ctx.addIssue({
      code: 'custom',
      message: 'a phone number in quotes, like "01632 960 000"',
      params: { hint: 'without quotes a number with no spaces is read as a number, and loses its first 0' },
    });
    return z.NEVER;
  }
  const text = value.trim();
  if (!/^\+?[\d(][\d ()-]*\d$/.test(text) || text.replace(/\D/g, '').length < 3) {
    ctx.addIssue({ code: 'custom', message: 'a phone number written with digits and spaces, like "01632 960 000"' });
    return z.NEVER;
  }
  return text;
});

/** Where to report a worry about a child: the council's children's services "front door". */
export const childrensServices = z
  .strictObject({
    /** Who answers, like "Children's Services" or "the Multi-Agency Safeguarding Hub (MASH)". */
    name: plainText,
    /** The number to call to report a worry about a child. */
    phone: phoneNumber.optional(),
    /** When that number is answered, like "Monday to Friday, 8.30am to 5pm". */
    hours: plainText.optional(),
    /** The number to call outside those hours: evenings, weekends and bank holidays. */
    outOfHoursPhone: phoneNumber.optional(),
    /** The web address of an online form for reporting a worry about a child. */
    webForm: webAddress.optional(),
  })
  .check((ctx) => {
    if (ctx.value.phone === undefined && ctx.value.webForm === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'a phone number (phone) or an online form (webForm) for reporting a worry',
        input: ctx.value,
        params: { hint: 'a reader needs at least one way to reach children\'s services: add "phone:" or "webForm:"' },
      });
    }
  });
export type ChildrensServices = z.infer<typeof childrensServices>;

/** How to reach the partnership itself: its business unit. */
export const partnershipContact = z
  .strictObject({
    /** Its email address, like "hscp@example.org.uk". */
    email: z.email().optional(),
    /** Its phone number. */
    phone: phoneNumber.optional(),
    /** Its postal address, one line of the address per entry. */
    address: z.array(plainText).default([]),
  })
  .check((ctx) => {
    if (ctx.value.email === undefined && ctx.value.phone === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'an email address (email) or a phone number (phone)',
        input: ctx.value,
        params: { hint: 'the accessibility statement and the "Worried about a child?" page need a way to reach the partnership' },
      });
    }
  });
export type PartnershipContact = z.infer<typeof partnershipContact>;
