// One command (npm run build, after npm ci) makes the committed bundle in wwwroot/lib/newsroom-editor:
//   editor.js     the editor, an IIFE with everything it needs (TipTap, ProseMirror), minified;
//   editor.css    TipTap's base styles (which it would otherwise inject at run time) plus src/editor.css;
//   LICENSES.txt  the licence of every package in the bundle;
//   manifest.json SHA-256 of the inputs (package.json, package-lock.json, build.mjs, src/*) and of the outputs.
// A unit test (NewsroomEditorBundleTests) recomputes the hashes, so an input changed without a rebuild fails CI.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../wwwroot/lib/newsroom-editor');
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src/editor.js')],
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  metafile: true,
  write: false,
  charset: 'utf8',
});
writeFileSync(join(out, 'editor.js'), result.outputFiles[0].text);

const core = readFileSync(join(here, 'node_modules/@tiptap/core/dist/index.js'), 'utf8');
const tiptapStyle = /const style = `([^`]*)`;/.exec(core);
if (!tiptapStyle) throw new Error('TipTap base styles not found in @tiptap/core; update build.mjs');
const css = await build({
  stdin: { contents: `${tiptapStyle[1]}\n${readFileSync(join(here, 'src/editor.css'), 'utf8')}`, loader: 'css' },
  minify: true,
  write: false,
});
writeFileSync(join(out, 'editor.css'), css.outputFiles[0].text);

// Every package whose code is in the bundle, with its licence text.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!match || packages.has(match[1])) continue;
  const dir = join(here, input.slice(0, match.index), 'node_modules', match[1]);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licenceFile = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
  packages.set(match[1], { version: pkg.version, license: pkg.license, text: licenceFile ? readFileSync(join(dir, licenceFile), 'utf8').trim() : null });
}
const licences = [...packages.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, p]) => `${name} ${p.version} (${p.license})\n\n${p.text ?? `Licensed under ${p.license}; the package ships no licence file.`}\n`)
  .join('\n----------------------------------------------------------------------\n\n');
writeFileSync(join(out, 'LICENSES.txt'), `Third-party code in editor.js and editor.css (built by src/NewsPortal.Web/ClientApp/editor).\n\n${licences}`);

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sourceFiles = readdirSync(join(here, 'src')).sort().map((f) => `src/${f}`);
const manifest = {
  comment: 'Written by npm run build in src/NewsPortal.Web/ClientApp/editor; checked by NewsroomEditorBundleTests.',
  inputs: Object.fromEntries(['package.json', 'package-lock.json', 'build.mjs', ...sourceFiles].map((f) => [f, sha256(join(here, f))])),
  outputs: Object.fromEntries(['editor.js', 'editor.css', 'LICENSES.txt'].map((f) => [f, sha256(join(out, f))])),
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const [f, hash] of Object.entries(manifest.outputs)) {
  console.log(`${relative(process.cwd(), join(out, f))}  ${readFileSync(join(out, f)).length} bytes  sha256 ${hash}`);
}
