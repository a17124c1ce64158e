/** The entry point of `plan-publisher` (bin/plan-publisher.cjs runs it): see plan-publisher.ts. */
import { planPublisher } from './plan-publisher.ts';

await planPublisher(process.argv.slice(2));
