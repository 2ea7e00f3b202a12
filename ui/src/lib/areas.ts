/** The app's areas, in navigation order. Each has `nav-<area>` in the .ftl files. */
export const AREAS = ['handbook', 'selfcheck', 'training', 'reports', 'audit', 'settings'] as const;
export type Area = (typeof AREAS)[number];

/** Areas that need 管理者モード (the Rust side refuses their commands otherwise).
 * 研修 is not one: everyone takes their own course there; its other tabs ask for the mode. */
export const ADMIN_AREAS: readonly Area[] = ['reports', 'audit'];
