/** Every region pack `npm run build:regions` writes, the default first. */
import { changshanYushanSource } from './changshanYushanSource';
import { quzhouFourProvinceSource } from './quzhouFourProvinceSource';
import type { RegionSource } from './regionSource';

export const regionSources: readonly RegionSource[] = [changshanYushanSource, quzhouFourProvinceSource];
