/**
 * The default glossary: abbreviations common across children's safeguarding in England, which
 * every site's search understands and its glossary page explains. A partnership adds its own, or
 * replaces one of these, under `glossary:` in its partnership.md (see content/README.md).
 *
 * `also` lists other ways of writing the same thing (search treats them as the same words);
 * `related` lists wider topics a search for the term should find after the exact matches.
 */
import type { GlossaryEntry } from './entry.ts';

export const defaultGlossary: readonly GlossaryEntry[] = [
  { term: 'ACE', meaning: 'adverse childhood experience', also: ['adverse childhood experiences', 'ACEs'] },
  { term: 'ASB', meaning: 'anti-social behaviour' },
  { term: 'BRAG', meaning: 'blue, red, amber, green: a rating scale, with blue usually for work that is complete' },
  { term: 'CAMHS', meaning: 'child and adolescent mental health services' },
  { term: 'CCE', meaning: 'child criminal exploitation', related: ['child exploitation', 'criminal exploitation'] },
  { term: 'CIN', meaning: 'child in need', also: ['children in need'] },
  { term: 'CLA', meaning: 'children looked after', also: ['looked after children', 'looked after child', 'LAC'] },
  { term: 'CP', meaning: 'child protection' },
  { term: 'CPP', meaning: 'child protection plan' },
  { term: 'CSA', meaning: 'child sexual abuse' },
  { term: 'CSC', meaning: "children's social care" },
  { term: 'CSE', meaning: 'child sexual exploitation', also: ['sexual exploitation'], related: ['child exploitation'] },
  { term: 'CSPR', meaning: 'child safeguarding practice review', also: ['safeguarding practice review'] },
  { term: 'DA', meaning: 'domestic abuse', related: ['domestic violence'] },
  { term: 'DSL', meaning: 'designated safeguarding lead' },
  { term: 'DV', meaning: 'domestic violence', related: ['domestic abuse'] },
  { term: 'EHA', meaning: 'early help assessment' },
  { term: 'EHCP', meaning: 'education, health and care plan' },
  { term: 'FGM', meaning: 'female genital mutilation' },
  { term: 'GP', meaning: 'general practitioner' },
  { term: 'HBA', meaning: 'honour-based abuse' },
  { term: 'ICPC', meaning: 'initial child protection conference' },
  { term: 'IRO', meaning: 'independent reviewing officer' },
  { term: 'LA', meaning: 'local authority' },
  { term: 'LAC', meaning: 'looked after children', also: ['looked after child', 'children looked after', 'CLA'] },
  { term: 'LADO', meaning: 'local authority designated officer' },
  { term: 'LSCB', meaning: 'local safeguarding children board' },
  { term: 'LSCP', meaning: 'local safeguarding children partnership', also: ['LSCPs'] },
  { term: 'MACE', meaning: 'multi-agency child exploitation', related: ['child exploitation'] },
  { term: 'MAPPA', meaning: 'multi-agency public protection arrangements' },
  { term: 'MARAC', meaning: 'multi-agency risk assessment conference' },
  { term: 'MASE', meaning: 'multi-agency sexual exploitation', related: ['sexual exploitation'] },
  { term: 'MASH', meaning: 'multi-agency safeguarding hub' },
  { term: 'MHFA', meaning: 'mental health first aid' },
  { term: 'NEET', meaning: 'not in education, employment or training' },
  { term: 'NSPCC', meaning: 'National Society for the Prevention of Cruelty to Children' },
  { term: 'PLO', meaning: 'public law outline' },
  { term: 'RAG', meaning: 'red, amber, green: a rating scale' },
  { term: 'SARC', meaning: 'sexual assault referral centre' },
  { term: 'SCR', meaning: 'serious case review' },
  { term: 'SEMH', meaning: 'social, emotional and mental health' },
  { term: 'SEN', meaning: 'special educational needs' },
  { term: 'SENCO', meaning: 'special educational needs coordinator' },
  { term: 'SEND', meaning: 'special educational needs and disabilities' },
  { term: 'SGO', meaning: 'special guardianship order' },
  { term: 'UASC', meaning: 'unaccompanied asylum-seeking children' },
  { term: 'YJS', meaning: 'youth justice service' },
  { term: 'YOS', meaning: 'youth offending service' },
];
