/** What Jiandaoyun allows per company and per endpoint, in calls per second: help.jodoo.com/open/11261
 * (50/s per company), /open/18522, /open/18526, /open/18529, /open/18531 and
 * help.jodoo.com/en/articles/9992475 (per endpoint).
 */
export const PUBLISHED_COMPANY_RATE = 50;

const LISTS = 30;
const WRITES = 20;
const MEMBER_CHANGES = 10;

export const PUBLISHED_ENDPOINT_RATES: Readonly<Record<string, number>> = {
  "/api/v5/corp/role_group/list": LISTS,
  "/api/v5/corp/role/list": LISTS,
  "/api/v5/corp/role/user/list": LISTS,
  "/api/v5/corp/role_group/create": WRITES,
  "/api/v5/corp/role_group/update": WRITES,
  "/api/v5/corp/role_group/delete": WRITES,
  "/api/v5/corp/role/create": WRITES,
  "/api/v5/corp/role/update": WRITES,
  "/api/v5/corp/role/delete": WRITES,
  "/api/v5/corp/role/add_members": MEMBER_CHANGES,
  "/api/v5/corp/role/remove_members": MEMBER_CHANGES,
};

export type Verdict = "ok" | "company" | "endpoint";

/**
 * Two sliding one-second windows: the company's and the endpoint's. A call counts against both
 * only when both admit it, so a refused call uses up no quota.
 */
export class CompanyQuota {
  private company: number[] = [];
  private readonly endpoints = new Map<string, number[]>();

  admit(path: string, companyRate: number, endpointRate: number, now: number): Verdict {
    const since = now - 1000;
    this.company = this.company.filter((t) => t > since);
    const calls = (this.endpoints.get(path) ?? []).filter((t) => t > since);
    this.endpoints.set(path, calls);
    if (this.company.length >= companyRate) return "company";
    if (calls.length >= endpointRate) return "endpoint";
    this.company.push(now);
    calls.push(now);
    return "ok";
  }

  reset(): void {
    this.company = [];
    this.endpoints.clear();
  }
}
