import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from './api';

export const EVERYONE: readonly Role[] = ['city_admin', 'district_admin', 'department', 'enterprise', 'provider', 'bank', 'expert'];
export const OFFICERS: readonly Role[] = ['city_admin', 'district_admin'];

/** One route of a module (its `routes.ts`): web/src/routes.ts puts them together for the router and the menu. */
export interface AppRoute {
  /** A react-router path pattern. */
  path: string;
  /** The page, loaded when first opened. */
  page: LazyExoticComponent<ComponentType>;
  /** Who may open it. The server checks every request anyway; this decides what the screen offers. */
  roles: readonly Role[];
  /** Its menu entry, if any: one label, or a label per role where the same page means something else. */
  menu?: string | Partial<Record<Role | 'default', string>>;
  /** The menu group its entry sits in (a submenu, e.g. 认定管理); entries without one stand alone. */
  group?: string;
  /** Also open without logging in (it stores nothing). */
  public?: boolean;
}
