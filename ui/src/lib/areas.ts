/** The app's areas, in navigation order. Each has `nav-<area>` in the .ftl files. */
export const AREAS = ['handbook', 'selfcheck', 'training', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];
