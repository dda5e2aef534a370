import type { Outcome, VendorClient } from "../driver.js";
import { malformed, parseJsonBody, statusFailure } from "../kit/answer.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { classifyCode } from "./errors.js";

/**
 * Jiandaoyun open API: every call is a POST with a JSON body and `Authorization: Bearer <API key>`.
 * Success is HTTP 2xx with the resource's own body; failure is HTTP 400 `{code, msg}` (or 429,
 * 5xx from the gateway). The key never expires, so there is no token exchange.
 */
export class JiandaoyunClient implements VendorClient {
  constructor(
    private readonly endpoint: string,
    private readonly apiKey: string,
  ) {}

  tokenRequest(): VendorRequest | undefined {
    return undefined;
  }

  acceptToken(): void {}

  invalidateToken(): void {}

  prepare(request: VendorRequest): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    return {
      method: request.method,
      url: url.toString(),
      headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(request.body ?? {}),
    };
  }

  interpret(_request: VendorRequest, response: HttpResponse): Outcome {
    const body = parseJsonBody(response);
    const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
    if (response.status >= 200 && response.status < 300) {
      return isObject ? { ok: true, data: body } : malformed(response, "the body is not a JSON object");
    }
    const code = isObject ? (body as { code?: unknown }).code : undefined;
    const msg = isObject ? (body as { msg?: unknown }).msg : undefined;
    if (typeof code === "number") {
      // A gateway status (429, 5xx) says more about retrying than a code orgform may not know.
      return { ok: false, failure: statusFailure(response) ?? classifyCode(code), code, message: typeof msg === "string" ? msg : `error ${code}` };
    }
    const failure = statusFailure(response);
    if (failure) return { ok: false, failure, code: `HTTP ${response.status}`, message: typeof msg === "string" ? msg : `HTTP ${response.status} from the vendor` };
    return malformed(response, `HTTP ${response.status} without {code, msg}`);
  }

  secrets(): string[] {
    return [this.apiKey].filter(Boolean);
  }
}
