// Calls to Caravan's HTTP JSON API (docs/api.md), relative to the page so any host or proxy works.

/** An error answered by the API: {code, message, parameter, suggestions?}. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error.message);
    this.status = status;
    this.code = error.code;
    this.parameter = error.parameter;
    this.suggestions = error.suggestions || [];
  }
}

async function getJson(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, item);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, { code: 'unreachable', message: `the server did not answer (${e.message})` });
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, body && body.error ? body.error
      : { code: 'http_error', message: `HTTP ${res.status}` });
  }
  return body;
}

export const api = {
  health: () => getJson('health'),
  network: () => getJson('network.geojson'),
  places: (q, limit = 8) => getJson('places', { q, limit }),
  route: (params) => getJson('route', params),
  compare: (params) => getJson('compare', params),
  alternatives: (params) => getJson('alternatives', params),
  scenarios: () => getJson('scenarios'),
};
