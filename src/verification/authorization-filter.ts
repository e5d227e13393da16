/** The part of an incoming (express) request the filter touches. */
export interface FilterableRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** A request filter in the shape Pact's verifier proxy calls (an express middleware). */
export type RequestFilter = (request: FilterableRequest, response: unknown, next: () => void) => void;

/**
 * A request filter that swaps the bearer token of every request that already carries an
 * `Authorization` header, and leaves requests without one alone (the 401 interactions must stay
 * anonymous).
 * @example
 * const filter = replaceAuthorization('capy_live_mytoken');
 * const request = { headers: { authorization: 'Bearer capy_live_example' } };
 * filter(request, undefined, () => {}); // request.headers.authorization === 'Bearer capy_live_mytoken'
 */
export function replaceAuthorization(token: string): RequestFilter {
  return (request, _response, next) => {
    if (request.headers['authorization'] !== undefined) request.headers['authorization'] = `Bearer ${token}`;
    next();
  };
}
