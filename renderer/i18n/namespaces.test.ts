import { describe, expect, it } from 'vitest';
import { NAMESPACES } from './index';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe.each(Object.entries(NAMESPACES))('%s strings', (_name, strings) => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(strings.en).sort()).toEqual(keys(strings['zh-CN']).sort());
  });

  it('uses the same placeholders in both languages, and no string is empty', () => {
    const get = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const key of keys(strings['zh-CN'])) {
      const zh = get(strings['zh-CN'], key) as string;
      const en = get(strings.en, key) as string;
      expect(zh.length, key).toBeGreaterThan(0);
      expect(en.length, key).toBeGreaterThan(0);
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });
});
