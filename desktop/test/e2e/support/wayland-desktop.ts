/** The Wayland desktop of the portal test (scripts/wayland-desktop.mjs, shared with npm run bench). */
export { startWaylandDesktop, type WaylandDesktop, type WaylandEvent } from '../../../../scripts/wayland-desktop.mjs';
