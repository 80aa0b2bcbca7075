import { describe, expect, it } from 'vitest';
import { onboarding } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

describe('onboarding strings', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(onboarding.en).sort()).toEqual(keys(onboarding['zh-CN']).sort());
  });

  it('uses the same placeholders in both languages, and no string is empty', () => {
    const get = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const key of keys(onboarding['zh-CN'])) {
      const zh = get(onboarding['zh-CN'], key) as string;
      const en = get(onboarding.en, key) as string;
      expect(zh.length, key).toBeGreaterThan(0);
      expect(en.length, key).toBeGreaterThan(0);
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });
});
