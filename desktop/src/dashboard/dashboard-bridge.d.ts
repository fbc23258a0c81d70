/**
 * The contract's types as globals for the desktop window's page, which stays a plain script (no module
 * loader on file://). The contract itself is ../common/dashboard-contract.ts; the import() types read
 * its declarations through the project reference, so nothing is emitted or loaded for them.
 */
type DashboardView = import('../common/dashboard-contract.js').DashboardView;

interface Window {
  deskremote: import('../common/dashboard-contract.js').DashboardBridge;
}
