import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/**
 * GraphiQL from this server's own files, so it works behind a firewall and under a strict Content-Security-Policy
 * (`script-src 'self'; worker-src 'self'; style-src 'self'`): the page links a script, a stylesheet and three
 * editor workers served under `<endpoint>/graphiql/`, and carries its options as JSON data, not as inline code.
 * The bundle (~9 MB, from @graphql-yoga/render-graphiql) is loaded on the first request for it, not at start.
 */
const ASSETS: Record<
  string,
  { export: 'js' | 'css' | 'editorWorkerService' | 'jsonWorker' | 'graphqlWorker'; type: string }
> = {
  'graphiql.js': { export: 'js', type: 'text/javascript; charset=utf-8' },
  'graphiql.css': { export: 'css', type: 'text/css; charset=utf-8' },
  'editor.worker.js': { export: 'editorWorkerService', type: 'text/javascript; charset=utf-8' },
  'json.worker.js': { export: 'jsonWorker', type: 'text/javascript; charset=utf-8' },
  'graphql.worker.js': { export: 'graphqlWorker', type: 'text/javascript; charset=utf-8' },
};

/** Starts GraphiQL from the options in the page (a separate file: inline scripts are what a strict CSP refuses). */
const START = `(function () {
  var base = document.currentScript.src.replace(/start\\.js$/, '');
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return base + workers[label]; } };
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;

export function assetBase(graphqlEndpoint: string): string {
  return `${graphqlEndpoint.replace(/\/$/, '')}/graphiql/`;
}

export function renderLocalGraphiQL(graphqlEndpoint: string): (options: GraphiQLOptions) => string {
  const base = assetBase(graphqlEndpoint);
  return (options) => {
    // "<" escaped so no option value can close the data element.
    const json = JSON.stringify(options ?? {}).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options?.title ?? 'revcycle')}</title>
    <link rel="stylesheet" href="${base}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script id="graphiql-options" type="application/json">${json}</script>
    <script src="${base}graphiql.js"></script>
    <script src="${base}start.js"></script>
  </body>
</html>`;
  };
}

/**
 * The page's own Content-Security-Policy: scripts and workers only from this server. Styles allow inline because
 * the editor (Monaco) adds <style> elements as it runs; the data: images and fonts are GraphiQL's icons and editor fonts.
 */
export const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'self'";

export function useGraphiQLAssets(graphqlEndpoint: string): Plugin {
  const base = assetBase(graphqlEndpoint);
  let bundle: Promise<Record<string, string>> | undefined;
  return {
    onResponse({ response }) {
      if ((response.headers.get('content-type') ?? '').startsWith('text/html'))
        response.headers.set('content-security-policy', GRAPHIQL_CSP);
    },
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || !url.pathname.startsWith(base)) return;
      const name = url.pathname.slice(base.length);
      const headers = (type: string) => ({ 'content-type': type, 'cache-control': 'public, max-age=86400' });
      if (name === 'start.js')
        return endResponse(new fetchAPI.Response(START, { headers: headers('text/javascript; charset=utf-8') }));
      const asset = ASSETS[name];
      if (!asset) return endResponse(new fetchAPI.Response('Not found', { status: 404 }));
      bundle ??= import('@graphql-yoga/render-graphiql/graphiql') as unknown as Promise<Record<string, string>>;
      endResponse(new fetchAPI.Response((await bundle)[asset.export], { headers: headers(asset.type) }));
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
