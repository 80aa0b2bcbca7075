import { describe, expect, it } from 'vitest';
import { isContentHashedAsset } from './cachePolicy';

describe('isContentHashedAsset', () => {
  it("keeps the build's hashed scripts, styles, fonts and images (vite's name-hash, 8 characters)", () => {
    for (const file of ['assets/index-ACRuJclZ.js', 'assets/SupervisionPage--ooryTSN.js', 'assets/index-DalxNyf9.css', 'assets/font-a_b-C9dE.woff2']) {
      expect(isContentHashedAsset(file), file).toBe(true);
    }
  });

  it('serves fresh the entry page, unhashed files and anything outside assets/', () => {
    for (const file of ['index.html', 'assets/index.js', 'assets/index-abc.js', 'assets/index-ACRuJclZ.js.map', 'index-ACRuJclZ.js', 'assets/sub/index-ACRuJclZ.js', 'assets/index-ACRuJclZ.html']) {
      expect(isContentHashedAsset(file), file).toBe(false);
    }
  });
});
