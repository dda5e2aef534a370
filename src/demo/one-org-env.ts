/** Secrets the one-org emulator state accepts (examples/one-org/demo.env); not secrets of any company. */
const SECRETS = {
  DINGTALK_APP_SECRET: "demo-secret-not-for-production",
  JIANDAOYUN_API_KEY: "demo-api-key-not-for-production",
  ISDP_APP_TOKEN: "demo-app-token-not-for-production",
  XINRENXINSHI_APP_SECRET: "demo-secret-not-for-production",
  O2OA_PASSWORD: "demo-password-not-for-production",
};

/** The environment examples/one-org needs against an emulator at `url`: endpoints and secrets. */
export function oneOrgEnv(url: string): Record<string, string> {
  const env: Record<string, string> = { ...SECRETS };
  for (const v of ["DINGTALK", "JIANDAOYUN", "ISDP", "XINRENXINSHI", "O2OA"]) env[`${v}_ENDPOINT`] = `${url}/${v.toLowerCase()}`;
  return env;
}
