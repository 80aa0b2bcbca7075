import { rendererResponseHeaders } from '../security/csp';
import { isAppOriginUrl } from '../security/appOrigin';
import { loadAppFile, resolveAppRequest } from './appProtocol';

/**
 * The app:// handler for protocol.handle: serves dist/renderer with the CSP and security headers.
 * A plain fetch-style function (Request → Response), so it runs unchanged in Node tests.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    if (!isAppOriginUrl(request.url)) return textResponse(404, 'Not Found');
    const file = await loadAppFile(resolveAppRequest(request.url, rootDir), rootDir);
    if (file.status !== 200) return textResponse(404, 'Not Found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
    return new Response(body, { status: 200, headers: rendererResponseHeaders(file.mimeType, { immutable: file.immutable }) });
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: rendererResponseHeaders('text/plain; charset=utf-8') });
}
