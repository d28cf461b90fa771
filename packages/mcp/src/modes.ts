/** `direct`: every permitted tool is listed; `catalog`: three meta-tools that search, describe and call them. */
export type ExposureMode = 'direct' | 'catalog';
export const EXPOSURE_MODES: readonly ExposureMode[] = ['direct', 'catalog'];
