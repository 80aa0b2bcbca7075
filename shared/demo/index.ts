export { generateDemoCongress, resolveDemoSize, DEMO_SIZES } from './generate';
export type { DemoDataset, DemoMeta, DemoRecordSet, DemoSizeName, DemoSizeProfile, CustomDemoSize, GenerateDemoOptions } from './generate';
export { createRng } from './rng';
export type { Rng } from './rng';
