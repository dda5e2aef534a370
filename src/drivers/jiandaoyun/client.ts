import type { Outcome, VendorClient } from "../driver.js";
import { malformed, statusFailure } from "../kit/answer.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { READS } from "./api.js";
import { classifyCode } from "./errors.js";
import { readBody, readError } from "./wire.js";

/**
 * Jiandaoyun open API: every call is a POST with a JSON body and `Authorization: Bearer <API key>`
 * (jiandaoyun/api-demo `node/src/base/api_client.js`). Success is HTTP 2xx with the resource's
 * own body; failure is HTTP 400 `{code, msg}`, or 429 / 5xx from the gateway
 * (help.jodoo.com/zh_tw/open/1663). The key never expires, so there is no token exchange.
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

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const body = readBody(response.body);
    if (response.status >= 200 && response.status < 300) {
      if (body === "empty") return emptySuccess(request, response);
      return body ? { ok: true, data: body } : malformed(response, "the body is not a JSON object");
    }
    const { code, msg } = readError(body === "empty" ? undefined : body);
    if (code !== undefined) {
      // A gateway status (429, 5xx) says more about retrying than a code orgform may not know.
      return { ok: false, failure: statusFailure(response) ?? classifyCode(code), code, message: msg ?? `error ${code}` };
    }
    const failure = statusFailure(response);
    if (failure) return { ok: false, failure, code: `HTTP ${response.status}`, message: msg ?? `HTTP ${response.status} from the vendor` };
    return malformed(response, `HTTP ${response.status} without {code, msg}`);
  }

  secrets(): string[] {
    return [this.apiKey].filter(Boolean);
  }
}

/**
 * A 2xx without a body. role/delete documents only "HTTP 200" (help.jodoo.com/open/18525) and
 * the lava-jiandaoyun Java client says some writes succeed with an empty body, so a write
 * whose answer orgform does not read counts as done. A read, or a create whose new number
 * orgform must keep, cannot do without its body.
 */
function emptySuccess(request: VendorRequest, response: HttpResponse): Outcome {
  if (READS.has(request.path)) return malformed(response, "a list answered without a body");
  if (request.capture !== undefined) return malformed(response, "a create answered without the new object");
  return { ok: true, data: {} };
}
