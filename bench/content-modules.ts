import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** The content scripts as esbuild bundles them (minified): what each module adds to a site's script. */
export const CONTENT_ENTRIES = { gmail: 'entrypoints/gmail.content/index.ts', linkedin: 'entrypoints/linkedin.content/index.ts' } as const;
/** Each site's sidebar UI module, imported by that site's runtime after its first paint. */
export const UI_ENTRIES = { gmail: 'entrypoints/gmail-sidebar.ts', linkedin: 'entrypoints/linkedin-sidebar.ts' } as const;

/** The modules of `site`'s bundle that belong to the other site (its adapter or its sidebar panels). */
export function otherSiteModules(site: keyof typeof CONTENT_ENTRIES, modules: ModuleSize[]): string[] {
  const other = site === 'gmail' ? 'linkedin' : 'gmail';
  return modules.filter((m) => m.path.startsWith(`lib/sites/${other}/`) || m.path.startsWith(`components/sidebar/${other}/`)).map((m) => m.path);
}

// `?inline` CSS is a string in the real build (Vite); its size here is the file's own.
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '').replace(/^@\//, `${resolve('.')}/`)), namespace: 'css-inline' }));
    b.onLoad({ filter: /.*/, namespace: 'css-inline' }, async (args) => ({ contents: (await import('node:fs')).readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

export interface ModuleSize {
  path: string;
  bytes: number;
}

/** Every module in a content script's bundle with the bytes it contributes, largest first. */
export async function contentModules(entry: string): Promise<ModuleSize[]> {
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'iife',
    target: 'chrome120',
    alias: { '@': resolve('.') },
    define: { __TOUCHLINE_TEST_BUILD__: 'false' },
    plugins: [inlineCss],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^css-inline:/, '').replace(`${resolve('.')}/`, ''), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Packages a content script must never carry: zod (validation lives in the background) and the UI framework. */
export const FORBIDDEN_IN_CONTENT = /node_modules\/(zod|react|react-dom|scheduler|dexie)\//;
