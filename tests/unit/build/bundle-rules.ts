/** Bundles `virtual:claimlens/rules` from a rules folder through the real Vite plugin, as the extension's build does. */
import { build } from 'vite';
import { claimlensRules } from '../../../src/build/rules-plugin.ts';

export function bundleRules(dir: string, options: { allowDeadPatterns?: boolean } = {}): ReturnType<typeof build> {
  return build({
    configFile: false,
    logLevel: 'silent',
    plugins: [claimlensRules({ dir, ...options })],
    build: { write: false, ssr: true, rolldownOptions: { input: 'virtual:claimlens/rules' } },
  });
}

/** The bundled module's code. */
export async function bundledCode(dir: string, options: { allowDeadPatterns?: boolean } = {}): Promise<string> {
  const output = (await bundleRules(dir, options)) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
  return (Array.isArray(output) ? output[0]! : output).output[0]?.code ?? '';
}
