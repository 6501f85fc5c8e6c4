/**
 * The HTML a business pastes into its pages (issue "Chat end to end"). Shown by the console and
 * documented; rendered on the server, so it may use JSON.stringify freely.
 */
export interface SnippetOptions {
  /** Where browsers reach the Openline server, e.g. https://chat.example.com (a path prefix is fine). */
  publicUrl: string
  widgetId: string
}

/** `<publicUrl>/widget/loader.js`: the loader keeps this name across releases. */
export function loaderUrl(publicUrl: string): string {
  let url: URL
  try {
    url = new URL(publicUrl)
  } catch {
    throw new TypeError(`publicUrl must be an absolute http(s) URL, got ${JSON.stringify(publicUrl)}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`publicUrl must be an absolute http(s) URL, got ${JSON.stringify(publicUrl)}`)
  }
  url.search = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return new URL('widget/loader.js', url).href
}

function checkWidgetId(widgetId: string): void {
  if (typeof widgetId !== 'string' || widgetId.length === 0 || widgetId.length > 64) {
    throw new TypeError('widgetId must be a non-empty string of at most 64 characters')
  }
}

/** A JS string literal that is also safe inside an HTML <script> element (no `</script>`, no `<!--`). */
function scriptLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * The recommended snippet: a command queue (`Openline('open')` works before anything has loaded) and
 * the loader injected only after the page's `load` event, so the widget can never delay it. ES5 on
 * purpose: it runs in every browser the host page supports, even those that then skip the module.
 */
export function renderSnippet({ publicUrl, widgetId }: SnippetOptions): string {
  checkWidgetId(widgetId)
  const src = scriptLiteral(loaderUrl(publicUrl))
  const id = scriptLiteral(widgetId)
  return `<!-- Openline chat widget -->
<script>
(function (w, d, src, id) {
  w.Openline = w.Openline || function () { (w.Openline.q = w.Openline.q || []).push(arguments) };
  w.Openline('init', { widgetId: id });
  function load() {
    var s = d.createElement('script');
    s.type = 'module';
    s.async = true;
    s.src = src;
    (d.head || d.body).appendChild(s);
  }
  if (d.readyState === 'complete') load(); else w.addEventListener('load', load);
})(window, document, ${src}, ${id});
</script>`
}

/**
 * For pages whose Content-Security-Policy forbids inline scripts: one external module script. The
 * loader then defines `window.Openline` itself and reads the widget id from the attribute. It starts
 * loading right away (async, never blocking parsing), so it is not deferred until `load`.
 */
export function renderExternalSnippet({ publicUrl, widgetId }: SnippetOptions): string {
  checkWidgetId(widgetId)
  return `<script type="module" src="${attribute(loaderUrl(publicUrl))}" data-openline-widget="${attribute(widgetId)}" async></script>`
}
