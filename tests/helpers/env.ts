/**
 * The environment a user's shell would give a command: ours, without the PLAN_CONTENT that
 * the test run itself may set, so a command finds its content the way it would for a user.
 */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.PLAN_CONTENT;
  return env;
}
